// Each failure's block carries the request as a curl command: redacted by default, the real
// one with --no-redact, and runnable: sent to the fixture that --serve answers with, it meets
// the same broken rule the run reported.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../../conformance/cli/serve.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { adapterPath, cli } from './cli-harness.ts';

const FIXTURE = 'RevokeTokenRequestProtocolHeaders';
const TOKEN = 'fake-refresh-token.example-1';

/** The curl command under a FAIL block's `curl (...)` heading. */
function curlCommand(stdout: string): string {
  const line = /\n {4}curl \(ENDPOINT: [^\n]*\):\n {6}(curl [^\n]*)/.exec(stdout)?.[1];
  if (line === undefined) throw new Error(`no curl line in:\n${stdout}`);
  return line;
}

/** Runs `command` in bash with ENDPOINT set, against the fixture served on loopback; what --serve printed and what curl wrote. */
async function sendToServedFixture(command: string): Promise<{ served: string; answer: string }> {
  const out = new PassThrough();
  let served = '';
  const stop = new AbortController();
  const endpointPrinted = new Promise<string>((resolve) =>
    out.on('data', (chunk) => {
      served += String(chunk);
      const endpoint = /serving fixture \S+ at (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(served)?.[1];
      if (endpoint !== undefined) resolve(endpoint);
    }),
  );
  const running = serveFixture(await loadFixtures(), [FIXTURE], { region: 'us-east-1', redact: true, out, signal: stop.signal });
  const endpoint = await endpointPrinted;
  const curl = spawn('bash', ['-c', command], { env: { ...process.env, ENDPOINT: endpoint } });
  let answer = '';
  curl.stdout.on('data', (chunk) => (answer += String(chunk)));
  const [code] = await once(curl, 'exit');
  expect(code).toBe(0);
  stop.abort();
  await running;
  return { served, answer };
}

describe('a failure shows its request as a curl command', () => {
  it('redacted by default, and runnable: --serve judges it as the run did', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('lowercased-operation.ts'), '--filter', FIXTURE);
    expect(code).toBe(1);
    const command = curlCommand(stdout);
    expect(command).toContain(`--data-binary '{"ClientId":"[redacted]","Token":"[redacted]"}'`);
    expect(command).not.toContain(TOKEN);
    expect(stdout).toContain(`ENDPOINT: your service, or the URL that --serve --filter ${FIXTURE} prints`);
    const { served, answer } = await sendToServedFixture(command);
    expect(served).toMatch(/C4 \[must\][^\n]*\n\s*expected:[^\n]*RevokeToken\n\s*actual:[^\n]*revokeToken/);
    expect(answer).toBe('{}');
  });

  it('the real values with --no-redact', async () => {
    const { stdout } = await cli('--adapter', adapterPath('lowercased-operation.ts'), '--filter', FIXTURE, '--no-redact');
    const command = curlCommand(stdout);
    expect(command).toContain(`"Token":"${TOKEN}"`);
    expect(command).toContain(`-H 'x-amz-target: AWSCognitoIdentityProviderService.revokeToken'`);
  });
});
