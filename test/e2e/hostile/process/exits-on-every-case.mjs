// A process client that prints its capabilities, then exits on the first case it is given.
import { createInterface } from 'node:readline';

process.stdout.write(
  `${JSON.stringify({ protocol: 1, name: 'exits on every case', capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false } })}\n`,
);
createInterface({ input: process.stdin }).on('line', () => {
  process.stderr.write('fatal: the client fell over\n');
  process.exit(3);
});
