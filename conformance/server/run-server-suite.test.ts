import { afterEach, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../self-test/broken-servers.ts';
import { type LoopbackServer, startLoopbackServer } from '../wire/loopback-server.ts';
import { createReferenceService } from './reference/index.ts';
import { EndpointSafetyError, runServerSuite, ServerSuiteConfigError } from './run-server-suite.ts';
import { SERVER_CASES } from './server-cases.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handle: (request: Request) => Promise<Response>): Promise<string> {
  const server = await startLoopbackServer(handle, { closeGraceMs: 50 });
  servers.push(server);
  return server.url;
}

describe('runServerSuite', () => {
  it('starts the reference server when no endpoint is given, and it passes every rule, should-level included', async () => {
    const { summary, results } = await runServerSuite({ seed: 7, strict: true });
    const failing = results.filter((r) => r.classified.kind !== 'pass').map((r) => `${r.id}: ${JSON.stringify(r.classified)}`);
    expect(failing).toEqual([]);
    expect(summary).toMatchObject({
      total: SERVER_CASES.length,
      passed: SERVER_CASES.length,
      strict: true,
      seed: 7,
      budgetExhausted: false,
      informationalDifferences: 0,
    });
    expect(summary.requests).toBeGreaterThan(100);
  });

  it('judges every rule of the checklist at least once', async () => {
    const { results } = await runServerSuite({ seed: 3 });
    const judged = new Set(results.flatMap((r) => [...r.verdicts, ...r.informational].map((v) => v.check)));
    for (const rule of [
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
      'S9',
      'S10',
      'S11',
      'S12',
      'S13',
      'S14',
      'S15',
      'P1',
      'H1',
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'U1',
      'U2',
      'U3',
    ]) {
      expect(judged, rule).toContain(rule);
    }
  });

  it('refuses an endpoint on another machine before sending anything', async () => {
    await expect(runServerSuite({ endpoint: 'https://cognito-idp.us-east-1.amazonaws.com' })).rejects.toBeInstanceOf(EndpointSafetyError);
  });

  it('refuses options that cannot work, naming them', async () => {
    await expect(runServerSuite({ filters: ['no-such-case'] })).rejects.toBeInstanceOf(ServerSuiteConfigError);
    await expect(runServerSuite({ maxRequests: 0 })).rejects.toThrow(/maxRequests must be a whole number/);
    await expect(runServerSuite({ replay: { path: '1:2' } })).rejects.toThrow(/replay needs exactly one selected generated case/);
    await expect(runServerSuite({ unverified: { unknownToken: { error: 'NotAuthorizedException' as never } } })).rejects.toThrow(/unverified.unknownToken/);
  });

  it('never sends more than the budget, and says which cases did not run', async () => {
    const service = createReferenceService();
    let arrived = 0;
    const endpoint = await serve((request) => {
      arrived += 1;
      return service.handle(request);
    });
    const { summary, results } = await runServerSuite({ endpoint, seed: 1, maxRequests: 12 });
    expect(arrived).toBeLessThanOrEqual(12);
    expect(summary).toMatchObject({ requests: 12, budgetExhausted: true });
    expect(results.at(-1)?.classified).toMatchObject({ kind: 'not-applicable', reason: expect.stringMatching(/budget/) });
  });

  it('fails the cases of a server that hangs, with the reason, and finishes the run', async () => {
    const hangs = BROKEN_SERVERS.find((b) => b.name === 'hangs-on-revoke')!;
    const endpoint = await serve(hangs.wrap(createReferenceService()));
    const { results } = await runServerSuite({ endpoint, seed: 1, filters: ['auth'], requestTimeoutMs: 200 });
    expect(results).toHaveLength(2);
    for (const result of results)
      expect(result.classified).toMatchObject({ kind: 'fail', failures: [{ check: 'H1', actual: expect.stringContaining('no answer within 200 ms') }] });
  });

  it('reports what it cannot set up as H2, once per case, without retrying the setup', async () => {
    let calls = 0;
    const endpoint = await serve(async () => {
      calls += 1;
      return new Response('{"__type":"InternalErrorException","message":"down"}', { status: 500, headers: { 'content-type': 'application/x-amz-json-1.1' } });
    });
    const { results } = await runServerSuite({ endpoint, seed: 1, filters: ['auth', 'semantics-revoking-ends-the-session'] });
    for (const result of results)
      expect(result.classified).toMatchObject({
        kind: 'fail',
        failures: [{ check: 'H2', actual: expect.stringMatching(/^CreateUserPool: 500 InternalErrorException/) }],
      });
    expect(calls).toBe(1);
  });
});
