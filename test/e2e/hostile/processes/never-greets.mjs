// Starts, records itself and a setsid child, and never prints its capabilities line.
import { record, startSleeper } from './lib.mjs';

record(process.pid);
startSleeper(true);
setInterval(() => {}, 1e6);
