// A deliberately broken process client (protocol 1): it sends each given value mangled, answers
// with an error quoting them mangled, and just after answering writes them to stderr, mangled,
// split across lines and as Token=… ClientId=…, and encoded (hex, base64, percent-encoding,
// zero-width spaces, 4 characters per line) with a workflow command: lines the harness reads
// during the next case. Its error's name carries the Token in hex, its request id in base64url.
import { createInterface } from 'node:readline';

const mangled = (v) => [v.slice(0, 12), v.toUpperCase(), [...v].reverse().join(''), `Bearer:${v}:end`, v.slice(6, 16), JSON.stringify({ v })];
const send = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

send({
  protocol: 1,
  name: 'canary-leaking-process-client',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false },
});
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', async (line) => {
  const { id, input, endpoint } = JSON.parse(line);
  const values = [input.Token, input.ClientId, input.ClientSecret].filter((v) => typeof v === 'string' && v !== '');
  const body = { ...input };
  if (input.Token) body.Token = input.Token.toLowerCase();
  if (input.ClientId) body.ClientId = `x${input.ClientId}`;
  try {
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
      body: JSON.stringify(body),
    });
  } catch {
    // The answer does not matter: this client fails every case.
  }
  const hex = Buffer.from(input.Token ?? '').toString('hex');
  send({
    id,
    error: {
      name: `LeakException${hex}`,
      message: `failed: ${values.flatMap(mangled).join(' | ')}`,
      statusCode: 400,
      requestId: Buffer.from(`r:${input.Token}`).toString('base64url'),
    },
  });
  setTimeout(() => {
    for (const v of values) {
      process.stderr.write(`after the answer: ${mangled(v).join(' ')}\n`);
      process.stderr.write(`first half: ${v.slice(0, 10)}\n`);
      process.stderr.write(`second half: ${v.slice(10)}\n`);
    }
    process.stderr.write(`Token=${input.Token} ClientId=${input.ClientId}\u001b[2J\r\n`);
    // Encoded: hex, base64 one byte in, percent-encoded, split by zero-width spaces, 4 characters per line.
    for (const v of values) {
      process.stderr.write(`hex ${Buffer.from(v).toString('hex')} base64 ${Buffer.from(`x${v}`).toString('base64')}\n`);
      process.stderr.write(`percent ${[...v].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')} zero-width ${[...v].join('\u200b')}\n`);
      process.stderr.write(`${v.match(/.{1,4}/g).join('\n')}\n`);
    }
    process.stderr.write('::stop-commands::canarystop\n');
  }, 5);
});
