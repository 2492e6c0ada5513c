// Greets, then never answers, ignores SIGTERM and the end of stdin, and has a child doing the same.
import { greet, record, startSleeper } from './lib.mjs';

record(process.pid);
process.on('SIGTERM', () => {});
startSleeper(false);
greet();
process.stdin.resume();
process.stdin.on('end', () => {});
setInterval(() => {}, 1e6);
