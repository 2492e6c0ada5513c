// Never answers a case whose Token is "hang"; answers the others.
import { ok, serve } from './lib.mjs';

// Says on stderr that it holds a hung case, so a test can wait for that instead of sleeping.
serve((request) => {
  if (request.input.Token !== 'hang') return ok(request, { requestId: String(process.pid) });
  process.stderr.write(`holding ${request.id}\n`);
  return undefined;
});
