import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GetUserInput, RevokeTokenInput } from './input-shapes.ts';
import type { StringShape } from './shape.ts';

const token = RevokeTokenInput.members['Token']?.shape as StringShape;
const clientSecret = RevokeTokenInput.members['ClientSecret']?.shape as StringShape;

describe('the RevokeToken input shape', () => {
  it('takes Token with exactly the characters [A-Za-z0-9-_=.]', () => {
    const allowed = 'ABCXYZabcxyz0189-_=.';
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...allowed), minLength: 1 }), (value) => token.pattern?.regex.test(value) === true));
    for (const bad of ['', 'a b', 'a+b', 'a/b', 'a\nb', 'é']) expect(token.pattern?.regex.test(bad), bad).toBe(false);
  });

  it('uses the same token shape for GetUser', () => {
    expect(GetUserInput.members['AccessToken']?.shape).toBe(token);
  });

  it('marks every RevokeToken string member sensitive, as the model does', () => {
    for (const name of ['Token', 'ClientId', 'ClientSecret']) {
      expect((RevokeTokenInput.members[name]!.shape as StringShape).sensitive, name).toBe(true);
    }
  });

  it('follows the project model for ClientSecret: 24 to 64 characters', () => {
    expect(clientSecret.min).toBe(24);
    expect(clientSecret.max).toBe(64);
  });

  it('requires Token and ClientId only', () => {
    const requiredMembers = Object.entries(RevokeTokenInput.members)
      .filter(([, member]) => member.required)
      .map(([name]) => name);
    expect(requiredMembers).toEqual(['Token', 'ClientId']);
  });
});
