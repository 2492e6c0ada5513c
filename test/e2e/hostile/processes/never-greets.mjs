// Starts a setsid child, records it, and never prints its capabilities line (the spec's
// shell records this process's own pid before exec).
import { startSleeper } from './lib.mjs';

startSleeper(true);
setInterval(() => {}, 1e6);
