// Exits with code 3 on a case whose Token is "crash", after a last word on stderr.
import { ok, serve } from './lib.mjs';

serve((request) => {
  if (request.input.Token === 'crash') {
    process.stderr.write('fatal: the fake client fell over\n');
    process.exit(3);
  }
  return ok(request, { requestId: String(process.pid) });
});
