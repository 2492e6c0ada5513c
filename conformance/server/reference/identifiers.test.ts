import { describe, expect, it } from 'vitest';
import { newChallengeSession, newClientId, newClientSecret, newUserPoolId } from './identifiers.ts';
import { CreateUserPoolClientInput, InitiateAuthInput, RevokeTokenInput } from './input-shapes.ts';
import type { StringShape } from './shape.ts';

const shape = (members: typeof RevokeTokenInput, name: string) => members.members[name]?.shape as StringShape;

describe('identifiers', () => {
  it('makes pool ids of the form <region>_<9 characters> that pass the UserPoolId constraints', () => {
    const id = newUserPoolId('eu-west-2');
    expect(id).toMatch(/^eu-west-2_[A-Za-z0-9]{9}$/);
    expect(shape(CreateUserPoolClientInput, 'UserPoolId').pattern?.regex.test(id)).toBe(true);
  });

  it("makes client ids and secrets that RevokeToken's constraints accept", () => {
    const clientId = newClientId();
    const secret = newClientSecret();
    expect(clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(secret).toMatch(/^[a-z0-9]{51}$/);
    expect(shape(RevokeTokenInput, 'ClientId').pattern?.regex.test(clientId)).toBe(true);
    expect(shape(RevokeTokenInput, 'ClientSecret').pattern?.regex.test(secret)).toBe(true);
  });

  it('makes challenge sessions within the Session length limits', () => {
    const session = newChallengeSession();
    const limits = shape(InitiateAuthInput, 'Session');
    expect(session.length).toBeGreaterThanOrEqual(limits.min ?? 0);
    expect(session.length).toBeLessThanOrEqual(limits.max ?? Infinity);
  });

  it('does not repeat itself', () => {
    expect(new Set(Array.from({ length: 100 }, newClientId)).size).toBe(100);
  });
});
