// A client in "another process" for --command: the line protocol of CONTRACT.md section 2.
import { createInterface } from 'node:readline';
import { revokeToken } from './fetch-client.mjs';

const write = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
write({ protocol: 1, name: 'fetch client over the line protocol', capabilities: { clientSecret: true, revokeAssociatedSessions: true } });
for await (const line of createInterface({ input: process.stdin })) {
  const { id, input, endpoint, cancel } = JSON.parse(line);
  if (cancel) continue;
  try {
    write({ id, ok: await revokeToken(input, { endpoint }) });
  } catch (error) {
    write({
      id,
      error: { name: error.name, message: error.message, statusCode: error.$metadata?.httpStatusCode ?? null, requestId: error.$metadata?.requestId ?? null },
    });
  }
}
