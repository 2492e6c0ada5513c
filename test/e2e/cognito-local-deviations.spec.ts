import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectationsFile } from '../../conformance/run/expectations.ts';
import { loadExpectations } from '../../conformance/run/expectations.ts';
import { type StartedServer, startCognitoLocal } from '../../conformance/server/lanes/cognito-local.ts';
import { runServerSuite } from '../../conformance/server/run-server-suite.ts';

const EXPECTATIONS = new URL('../../conformance/expectations/cognito-local.json', import.meta.url).pathname;

// The lane needs the pinned cognito-local installed (a devDependency). Without it the lane
// fails loudly: a silently skipped lane would let its expectations rot.
let server: StartedServer;
beforeAll(async () => {
  server = await startCognitoLocal();
});
afterAll(async () => {
  await server?.close();
});

describe('cognito-local 5.3.0 deviates exactly as its expectations file says', () => {
  it('runs the pinned release on 127.0.0.1', () => {
    expect(server.name).toBe('cognito-local 5.3.0');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('finds every listed deviation and no other, must and should level', async () => {
    const file: ExpectationsFile = await loadExpectations(EXPECTATIONS);
    const { summary, results } = await runServerSuite({
      endpoint: server.url,
      serverName: server.name,
      serverFlags: '--server cognito-local',
      seed: 1,
      strict: true,
      expectations: file.expectations,
    });
    const surprises = results
      .filter((r) => r.classified.kind === 'fail' || r.classified.kind === 'unexpected-pass')
      .map(
        (r) =>
          `${r.id}: ${r.classified.kind === 'fail' ? `new deviation ${r.classified.failures.map((v) => `${v.check} (${v.actual})`).join(', ')}` : 'a listed deviation did not happen'}`,
      );
    expect(surprises).toEqual([]);
    expect(summary).toMatchObject({ failed: 0, unexpectedPasses: 0, budgetExhausted: false });
    // It passes nothing outright: every case meets at least the missing request id.
    expect(summary.expectedFailures).toBe(results.length);
  });

  it('keeps the documented RevokeToken bugs on record', () => {
    const listed = new Set((JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) as ExpectationsFile).expectations.map((e) => `${e.case}#${e.check}`));
    for (const bug of [
      'semantics-revoking-ends-the-session#R3',
      'semantics-access-and-id-tokens-are-refused#R5',
      'semantics-revocation-switched-off-is-refused#R6',
      'semantics-client-secret-is-checked#R7',
    ]) {
      expect(listed).toContain(bug);
    }
  });
});
