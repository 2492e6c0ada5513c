import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROXY_LIMITS } from '../../conformance/proxy/proxy-limits.ts';
import { cli } from './cli-harness.ts';
import { startProxy } from './proxy/proxy-harness.ts';

const revokeToken = {
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
  body: JSON.stringify({ Token: 'fake-refresh-token.hostile-1', ClientId: 'exampleclient1' }),
};

let upstream: Server | undefined;
afterEach(async () => {
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve) ?? resolve(undefined));
  upstream = undefined;
});

/** An upstream on loopback that answers every request with `answer`, counting what arrives. */
async function hostile(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  upstream = createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, requests: () => requests };
}

describe('the proxy gives a hostile upstream a bounded, clear verdict', () => {
  it('an upstream that never answers: the client gets 504 when the time-out ends, and the exchange fails H1', async () => {
    const target = await hostile(() => {
      // Never answers: the proxy's own time-out must end the exchange.
    });
    const proxy = await startProxy('--upstream', target.url, '--max-requests', '1', '--upstream-timeout', '300');
    const response = await fetch(`${proxy.url}/`, revokeToken);
    const { code, stdout } = await proxy.done;
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ __type: 'UpstreamUnavailable', message: expect.stringMatching(/no answer within 300 ms/) });
    expect(stdout).toMatch(/#1 POST RevokeToken -> no answer \(timeout\) {2}FAIL H1/);
    expect(code).toBe(1);
  });

  it('an answer past the cap: not relayed, 502 to the client, and H1 names the cap', async () => {
    const huge = 'x'.repeat(PROXY_LIMITS.answerBodyBytes + 1024);
    const target = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'hostile-1' });
      response.end(huge);
    });
    const proxy = await startProxy('--upstream', target.url, '--max-requests', '1');
    const response = await fetch(`${proxy.url}/`, revokeToken);
    const { code, stdout } = await proxy.done;
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ __type: 'UpstreamAnswerTooLarge' });
    expect(stdout).toMatch(/#1 POST RevokeToken -> no answer \(connection\) {2}FAIL H1/);
    expect(stdout).toMatch(/the answer exceeds the proxy's cap of 1048576 bytes/);
    expect(code).toBe(1);
  });

  it('a redirect off this machine: neither followed nor relayed, and the answer is judged as the upstream sent it', async () => {
    const target = await hostile((_request, response) => {
      // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): nothing there, and nothing may go there.
      response.writeHead(307, { location: 'http://192.0.2.10/', 'x-amzn-requestid': 'hostile-2' });
      response.end();
    });
    const proxy = await startProxy('--upstream', target.url, '--max-requests', '1');
    const response = await fetch(`${proxy.url}/`, { ...revokeToken, redirect: 'manual' });
    const { code, stdout } = await proxy.done;
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ __type: 'UpstreamRedirectRefused', message: expect.stringMatching(/192\.0\.2\.10/) });
    expect(target.requests()).toBe(1);
    expect(stdout).toMatch(/#1 POST RevokeToken -> 307 {2}FAIL .*S10/);
    expect(code).toBe(1);
  });

  it('a request body past the cap is refused with 413 and never forwarded', async () => {
    const target = await hostile((_request, response) => response.end('{}'));
    const proxy = await startProxy('--upstream', target.url, '--max-requests', '1');
    const big = await fetch(`${proxy.url}/`, { ...revokeToken, body: 'y'.repeat(PROXY_LIMITS.requestBodyBytes + 1) }).catch((error: Error) => error);
    if (!(big instanceof Error)) expect(big.status).toBe(413);
    expect(target.requests()).toBe(0);
    expect(proxy.stdout()).toMatch(/refused, a body of more than \d+ bytes/);
    // One ordinary request ends the run.
    await fetch(`${proxy.url}/`, revokeToken);
    await proxy.done;
    expect(target.requests()).toBe(1);
  });
});

describe('the proxy stops by itself', () => {
  it('--duration ends the run and writes the reports; with no request judged it exits 2 and says so', async () => {
    const target = await hostile((_request, response) => response.end('{}'));
    const proxy = await startProxy('--upstream', target.url, '--duration', '1');
    const { code, stdout, stderr } = await proxy.done;
    expect(stdout).toMatch(/stopped \(--duration 1\): 0 requests judged/);
    expect(stderr).toMatch(/no request arrived, so nothing was judged/);
    expect(code).toBe(2);
  });
});

describe('the proxy refuses what it cannot use, naming the flag', () => {
  it.each([
    [['--max-requests', '1'], /--upstream <url> is required/],
    [['--upstream', 'http://192.0.2.10:9229'], /--upstream http:\/\/192\.0\.2\.10:9229: refusing to test .* not a loopback address/],
    [['--upstream', 'not a url'], /--upstream not a url: "not a url" is not a URL/],
    [['--upstream', 'http://127.0.0.1:1', '--max-requests', '0'], /--max-requests must be a whole number from 1 to 1,000,000/],
    [['--upstream', 'http://127.0.0.1:1', '--duration', 'soon'], /--duration must be a whole number/],
    [['--upstream', 'http://127.0.0.1:1', '--port', '70000'], /--port must be a whole number from 0 to 65,535/],
    [['--upstream', 'http://127.0.0.1:1', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await cli('proxy', ...args);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });
});

describe('Ctrl-C', () => {
  it('SIGINT stops the command, which writes its reports and exits by its verdicts', async () => {
    const target = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'sigint-1' });
      response.end('{}');
    });
    const reports = await mkdtemp(join(tmpdir(), 'proxy-sigint-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'conformance/cli/main.ts', 'proxy', '--upstream', target.url, '--reporter', `json=${join(reports, 'r.json')}`],
      {
        cwd: join(import.meta.dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += String(chunk);
        const match = /judging proxy on (\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${stdout}`)));
    });
    const response = await fetch(`${url}/`, revokeToken);
    expect(response.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const code = await exited;
    expect(stdout).toMatch(/stopped \(SIGINT\): 1 request judged/);
    expect(JSON.parse(await readFile(join(reports, 'r.json'), 'utf8'))).toMatchObject({ summary: { total: 1, passed: 1 } });
    expect(code).toBe(0);
    await rm(reports, { recursive: true, force: true });
  }, 60_000);
});
