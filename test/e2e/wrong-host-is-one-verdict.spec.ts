import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.ts';

// Issue 17: an adapter that posted to another host got ~1,500 lines of msw "unhandled request"
// warnings and an A5 crash that never named the host. Now the fake service answers every host,
// records the request for the case, and A7 names both places in one line.
const module = new URL('../../conformance/self-test/mutant-modules/posts-to-fixed-host.ts', import.meta.url).pathname;

describe('a client that posts to another host', () => {
  it('fails A7 alone, one line naming where it sent and where it should have, with no msw warning', async () => {
    // Seed 6 gives this fixture the endpoint http://127.0.0.1:4566/v1/custom-path/ (conformance/model/endpoints.ts).
    const { code, stdout, stderr } = await cli('--adapter', module, '--filter', 'RevokeTokenRequestAllMembers', '--seed', '6');
    expect(code, stdout).toBe(1);
    expect(stdout).toMatch(
      /A7 \[must\][^\n]*\n\s+expected: http:\/\/127\.0\.0\.1:4566\/v1\/custom-path\/\n\s+actual: +sent to https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/\n/,
    );
    expect(stdout).not.toMatch(/A5 \[must\]/);
    expect(`${stdout}${stderr}`).not.toMatch(/unhandled|\[MSW\]/i);
  });
});
