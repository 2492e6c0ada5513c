import { describe, expect, it } from 'vitest';
import { secretsOfInput } from './aws-json-client.ts';

describe('secretsOfInput', () => {
  it("takes the secret members and every AuthParameters value but USERNAME, so an answer can be held to the request's own secrets", () => {
    const input = {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'client',
      AuthParameters: { USERNAME: 'someone@example.com', PASSWORD: 'a-password', SECRET_HASH: 'a-hash' },
    };
    expect(secretsOfInput(input).sort()).toEqual(['a-hash', 'a-password']);
    expect(secretsOfInput({ RefreshToken: 'r', ClientSecret: 's', ClientId: 'c' }).sort()).toEqual(['r', 's']);
    expect(secretsOfInput({ AccessToken: 'a' })).toEqual(['a']);
  });

  it('ignores what is not a JSON object or not a string', () => {
    expect(secretsOfInput(undefined)).toEqual([]);
    expect(secretsOfInput(['x'])).toEqual([]);
    expect(secretsOfInput({ AuthParameters: { PASSWORD: 7 }, Password: null })).toEqual([]);
  });
});
