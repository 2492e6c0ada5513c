import { parentPort } from 'node:worker_threads';
import { hostile } from '../in-process/base.ts';

// Issue 18, finding 1, at load: a module that announces itself ready on the sandbox's port, as
// a correct client named "a correct client", before its real load has finished.
parentPort?.postMessage({ type: 'ready', name: 'a correct client', capabilities: undefined, outOfProcess: false });

export default hostile('forges-while-loading', (call) => call());
