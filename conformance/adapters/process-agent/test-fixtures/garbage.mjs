// Breaks the protocol in the way the Token asks; answers properly otherwise.
import { error, ok, send, serve } from './lib.mjs';

serve((request) => {
  const { Token, ClientId } = request.input;
  switch (Token) {
    case 'not-json':
      // Leaks the sensitive values into a non-protocol line.
      send(`debug: revoking token ${Token} for client ${ClientId} secret ${request.input.ClientSecret} sessions ${request.input.RevokeAssociatedSessions}`);
      return undefined;
    case 'echo-input':
      send({ id: request.id, received: request.input });
      return undefined;
    case 'wrong-id':
      return { id: 'c999', ok: {} };
    case 'both':
      return { id: request.id, ok: {}, error: { name: 'X', message: '' } };
    case 'bad-error':
      return { id: request.id, error: { message: 'no name' } };
    case 'bad-status':
      return { id: request.id, error: { name: 'X', message: '', statusCode: '400' } };
    case 'stray-after':
      setTimeout(() => send('a stray line after the answer'), 20);
      return ok(request, { requestId: String(process.pid) });
    case 'array':
      return [1, 2, 3];
    default:
      return Token === 'plain-error' ? error(request, 'InternalErrorException', 'boom', 500) : ok(request, { requestId: String(process.pid) });
  }
});
