// The reference server as a process: `npm run serve:reference -- --port 9229`.
// It prints the endpoint and serves until SIGINT or SIGTERM. Requests are not logged:
// their bodies carry tokens and secrets.

import { serveReference } from '../server/reference/serve-reference.ts';
import { parseServeArgs, SERVE_USAGE } from './serve-reference-args.ts';

const args = parseServeArgs(process.argv.slice(2));
if (args.kind === 'help') {
  process.stdout.write(`${SERVE_USAGE}\n`);
} else if (args.kind === 'error') {
  process.stderr.write(`serve:reference: ${args.message}\n\n${SERVE_USAGE}\n`);
  process.exitCode = 2;
} else {
  try {
    const served = await serveReference({ port: args.port, host: args.host });
    process.stdout.write(`Reference Cognito service listening on ${served.url}\n`);
    process.stdout.write(`Use it as the SDK endpoint (region ${served.service.region}); press Ctrl-C to stop.\n`);
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`Received ${signal}, shutting down.\n`);
      void served.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`serve:reference: could not listen on 127.0.0.1:${args.port}${code ? ` (${code})` : ''}\n`);
    process.exitCode = 1;
  }
}
