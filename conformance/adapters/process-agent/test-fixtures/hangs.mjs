// Never answers a case whose Token is "hang"; answers the others.
import { ok, serve } from './lib.mjs';

serve((request) => (request.input.Token === 'hang' ? undefined : ok(request, { requestId: String(process.pid) })));
