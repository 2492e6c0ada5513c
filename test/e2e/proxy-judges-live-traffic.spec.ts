import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import v3 from '../../conformance/adapters/aws-sdk-v3.ts';
import { main as lintFixturesCli } from '../../conformance/cli/lint-fixtures.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { runSuite } from '../../conformance/run/runner.ts';
import { minimalClient } from '../../conformance/self-test/minimal-client.ts';
import { createScenario, signIn } from '../../conformance/server/reference/e2e/sdk-scenario.ts';
import { startProxy, UPSTREAMS } from './proxy/proxy-harness.ts';

// Admin calls are signed by the SDK; the upstreams here accept any signature.
const sdk = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDPROXYSPEC', secretAccessKey: 'proxy-spec-not-a-secret' },
    maxAttempts: 1,
  });

// createScenario (4 calls), one sign-in, one revoke.
const APP_FLOW_REQUESTS = 6;

describe.each(UPSTREAMS)('the judging proxy in front of the $name', (upstream) => {
  let target: { url: string; close(): Promise<void> };
  const scratch: string[] = [];
  beforeEach(async () => {
    target = await upstream.start();
  });
  afterEach(async () => {
    await target.close();
    await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('passes the v3 client and a conforming upstream, exit 0, with every secret redacted in the output and the reports', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'proxy-reports-'));
    scratch.push(reports);
    const proxy = await startProxy('--upstream', target.url, '--max-requests', String(APP_FLOW_REQUESTS), '--reporter', `json=${join(reports, 'r.json')}`);
    const client = sdk(proxy.url);
    const scenario = await createScenario(client, { generateSecret: true });
    const tokens = await signIn(client, scenario);
    await client.send(new RevokeTokenCommand({ Token: tokens.refreshToken, ClientId: scenario.clientId, ClientSecret: scenario.clientSecret }));
    client.destroy();
    const { code, stdout } = await proxy.done;

    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/#6 POST RevokeToken -> 200 {2}pass .* \[client and server rules\]/);
    expect(stdout).toMatch(/#5 POST InitiateAuth -> 200 {2}pass .* \[every-answer rules\]/);
    expect(stdout).toMatch(/stopped \(--max-requests 6\): 6 requests judged/);
    expect(stdout).toMatch(/6 passed, 0 failed/);
    const report = await readFile(join(reports, 'r.json'), 'utf8');
    for (const secret of [tokens.refreshToken, tokens.accessToken, scenario.clientSecret!, scenario.clientId, scenario.password]) {
      expect(stdout).not.toContain(secret);
      expect(report).not.toContain(secret);
    }
  });

  it.each([
    ['redacted by default', []],
    ['shown with --no-redact (so the redaction check above can fail)', ['--no-redact']],
  ])('names the rules a broken client breaks, exit 1; its token %s', async (_label, extra) => {
    const reports = await mkdtemp(join(tmpdir(), 'proxy-reports-'));
    scratch.push(reports);
    const proxy = await startProxy('--upstream', target.url, '--max-requests', '1', '--reporter', `json=${join(reports, 'r.json')}`, ...extra);
    // The operation in lower camel case and a plain JSON media type: C4 and C3.
    const broken = minimalClient({ target: 'AWSCognitoIdentityProviderService.revokeToken', contentType: 'application/json' }, 'proxy-broken');
    const token = 'fake-refresh-token.proxy-broken-1';
    await broken.revokeToken({ Token: token, ClientId: 'exampleclient1' }, { endpoint: proxy.url, region: 'us-east-1' } as never).catch(() => undefined);
    const { code, stdout } = await proxy.done;

    expect(code).toBe(1);
    expect(stdout).toMatch(/#1 POST revokeToken -> \d+ {2}FAIL (?=.*\bC3\b)(?=.*\bC4\b)/);
    const text = await readFile(join(reports, 'r.json'), 'utf8');
    const report = JSON.parse(text) as { results: Array<{ verdicts: Array<{ check: string; status: string }> }> };
    const failed = report.results[0]!.verdicts.filter((v) => v.status === 'fail').map((v) => v.check);
    expect(failed).toEqual(expect.arrayContaining(['C3', 'C4']));
    // The report keeps the failing exchange, request body included: the token is there only when redaction is off.
    expect(stdout.includes(token) || text.includes(token)).toBe(extra.length > 0);
  });

  it('records a RevokeToken exchange as a fixture that lints clean and runs as a case', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxy-record-'));
    scratch.push(dir);
    const proxy = await startProxy(
      '--upstream',
      target.url,
      '--max-requests',
      String(APP_FLOW_REQUESTS + 1),
      '--record',
      dir,
      '--upstream-name',
      upstream.name,
    );
    const client = sdk(proxy.url);
    const scenario = await createScenario(client, { generateSecret: true });
    const tokens = await signIn(client, scenario);
    await client.send(new RevokeTokenCommand({ Token: tokens.refreshToken, ClientId: scenario.clientId, ClientSecret: scenario.clientSecret }));
    // The same token with a wrong secret: an error answer, recorded below errors/.
    await client
      .send(new RevokeTokenCommand({ Token: tokens.refreshToken, ClientId: scenario.clientId, ClientSecret: `${scenario.clientSecret!.slice(0, -1)}x` }))
      .catch(() => undefined);
    client.destroy();
    const { code, stdout } = await proxy.done;
    expect(code).toBe(0);
    expect(stdout.match(/recorded .* \(lints clean; review it before you submit it\)/g)).toHaveLength(2);

    const lintOutput: string[] = [];
    const lintCode = await lintFixturesCli(['--dir', dir], { out: (t) => lintOutput.push(t), err: (t) => lintOutput.push(t) });
    expect(lintOutput.join('')).toMatch(/2 files, no problems/);
    expect(lintCode).toBe(0);

    const recorded = await loadFixtures(dir);
    const texts = await Promise.all(recorded.map((f) => readFile(f.file, 'utf8')));
    for (const secret of [tokens.refreshToken, scenario.clientSecret!, scenario.clientId]) for (const text of texts) expect(text).not.toContain(secret);
    expect(recorded.map((f) => f.documentation).join(' ')).toMatch(new RegExp(`^Recorded on \\d{4}-\\d{2}-\\d{2} from ${upstream.name}`));
    expect((await readdir(dir)).sort()).toEqual(['errors', 'success']);

    const { summary, results } = await runSuite({
      adapter: v3,
      adapterFlags: '--adapter aws-sdk-v3',
      fixtures: recorded,
      properties: [],
      strict: true,
      seed: 1,
      expectations: [],
      region: 'us-east-1',
      caseTimeoutMs: 5_000,
      redact: true,
      inProcess: true,
      reporters: [],
    });
    expect(results.map((r) => [r.id, r.classified.kind])).toEqual(recorded.map((f) => [f.id, 'pass']));
    expect(summary.failed).toBe(0);
  });
});
