import { describe, expect, it } from 'vitest';
import { refreshAnswerShape } from './refresh-answer.ts';
import { answer, observe, verdictOf } from './test-support.ts';

const withToken = { AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600, TokenType: 'Bearer' } };
const withoutToken = { AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600, TokenType: 'Bearer' } };

describe('R11: a refresh answer carries a refresh token exactly where rotation is on', () => {
  const verdict = (body: unknown, refreshToken: boolean) =>
    verdictOf(
      refreshAnswerShape,
      observe(answer({ body }), { operation: 'InitiateAuth', expected: { kind: 'accepted', rule: 'R11', level: 'must', refreshToken } }),
    )?.status;

  it('fails a refresh token where none is due, and a missing one where rotation is on', () => {
    expect(verdict(withToken, false)).toBe('fail');
    expect(verdict(withoutToken, true)).toBe('fail');
    expect(verdict(withToken, true)).toBe('pass');
    expect(verdict(withoutToken, false)).toBe('pass');
  });

  it('does not apply to a refusal or to an answer with no such expectation', () => {
    expect(
      verdictOf(
        refreshAnswerShape,
        observe(answer({ status: 400, body: {} }), { expected: { kind: 'accepted', rule: 'R11', level: 'must', refreshToken: true } }),
      ),
    ).toBeUndefined();
    expect(verdictOf(refreshAnswerShape, observe(answer({ body: withToken }), { expected: { kind: 'accepted', rule: 'R4', level: 'must' } }))).toBeUndefined();
  });
});
