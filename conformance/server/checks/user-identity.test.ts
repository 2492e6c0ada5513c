import { describe, expect, it } from 'vitest';
import { answer, observe, verdictOf } from './test-support.ts';
import { getUserIdentity } from './user-identity.ts';

describe("R15: GetUser answers the token's own user", () => {
  const verdict = (body: unknown) =>
    verdictOf(
      getUserIdentity,
      observe(answer({ body }), { operation: 'GetUser', expected: { kind: 'accepted', rule: 'R4', level: 'must', notUsers: ['bob@example.com'] } }),
    );

  it('fails an answer naming another user of the run, by username or attribute, without printing it', () => {
    expect(verdict({ Username: 'bob@example.com', UserAttributes: [] })?.status).toBe('fail');
    const byAttribute = verdict({ Username: 'x', UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] });
    expect(byAttribute?.status).toBe('fail');
    expect(JSON.stringify(byAttribute)).not.toContain('bob@');
  });

  it("passes the user's own name, however the server spells it", () => {
    expect(verdict({ Username: 'alice@example.com', UserAttributes: [{ Name: 'sub', Value: 'abc' }] })?.status).toBe('pass');
    expect(verdict({ Username: '7f1c0d2e-sub', UserAttributes: [] })?.status).toBe('pass');
  });
});
