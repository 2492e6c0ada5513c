import { createRequire } from 'node:module';
import { hostile } from '../in-process/base.ts';

// Issue 18, findings 2 and 3: a Node-API addon could connect() past the network guard, or call
// _exit(0) and end the run with status 0. Loading any addon is refused before its code runs:
// this one does not even exist, so only the refusal can explain a verdict naming it.
const require = createRequire(import.meta.url);

export default hostile('loads-an-addon', (call) => {
  try {
    require('./no-such-addon.node');
  } catch {
    // A client that falls back to plain JavaScript when its addon will not load.
  }
  try {
    process.dlopen({ exports: {} } as NodeJS.Module, '/nonexistent/escape.node');
  } catch {
    // As above.
  }
  return call();
});
