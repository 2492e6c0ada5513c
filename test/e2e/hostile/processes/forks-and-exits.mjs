// Starts a child in its own process group and a setsid child at every start, answers one case
// and exits: without a group kill and a descendant sweep both children would be orphans.
import { createInterface } from 'node:readline';
import { greet, record, startSleeper } from './lib.mjs';

record(process.pid);
startSleeper(false);
startSleeper(true);
greet();
createInterface({ input: process.stdin }).once('line', (line) => {
  const { id } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify({ id, ok: {} })}\n`, () => process.exit(0));
});
