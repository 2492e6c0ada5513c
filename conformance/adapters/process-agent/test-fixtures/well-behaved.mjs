// Answers every case: success, or an error chosen by the Token. Reports what it received
// (never the sensitive values) on stderr, and the environment on request.
import { error, ok, serve } from './lib.mjs';

const hello = process.env.FAKE_HELLO ? JSON.parse(process.env.FAKE_HELLO) : undefined;
const waiting = new Map();
process.stderr.write(`well-behaved fake started, pid ${process.pid}\n`);
serve((request) => {
  if (request.cancel) {
    waiting.get(request.id)?.();
    return undefined;
  }
  const { Token } = request.input;
  process.stderr.write(`case ${request.id} for ${request.endpoint} in ${request.region}\n`);
  switch (Token) {
    case 'error':
      return error(request, 'UnsupportedTokenTypeException', 'Unsupported token type', 400, 'req-7');
    case 'error-no-metadata':
      return error(request, 'ParamValidationError', 'Parameter validation failed');
    case 'env':
      return ok(request, {
        httpStatusCode: 200,
        requestId: JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('AWS_') || k.startsWith('FAKE_')))),
      });
    case 'echo-stderr':
      // A careless client logging its input: the adapter must redact it.
      process.stderr.write(`input: ${JSON.stringify(request.input)}\n`);
      return ok(request);
    case 'late-stderr': {
      // A client that logs just after answering: the line arrives while the next case runs.
      const secret = request.input.ClientSecret ?? '';
      setTimeout(() => {
        process.stderr.write(`late: ${secret} ${secret.toUpperCase()} ${[...secret].reverse().join('')}\n`);
        process.stderr.write(`split: ${secret.slice(0, 10)}\n`);
        process.stderr.write(`split: ${secret.slice(10)}\n`);
      }, 100);
      return ok(request);
    }
    case 'pid':
      return ok(request, { requestId: String(process.pid) });
    case 'wait-for-cancel':
      return new Promise((resolve) => waiting.set(request.id, () => resolve(error(request, 'AbortError', 'cancelled on request'))));
    case 'slow':
      return new Promise((resolve) => setTimeout(() => resolve(ok(request)), 300));
    default:
      return ok(request, { httpStatusCode: 200, requestId: 'req-1' });
  }
}, hello);
