import { describe, expect, it } from 'vitest';
import type { Result } from '../run/result.ts';
import { ConformanceAssertionError } from './index.ts';

describe('toMatchRevokeTokenRequest', () => {
  it('passes a valid body, as an object or as its JSON text', () => {
    expect({ Token: 'abc.def', ClientId: 'client1' }).toMatchRevokeTokenRequest();
    expect('{"Token":"abc.def","ClientId":"client1"}').toMatchRevokeTokenRequest();
    expect({ ClientId: 'client1' }).not.toMatchRevokeTokenRequest();
  });

  it('names each member and the constraint it breaks', () => {
    expect(() => expect({ ClientId: 'a b' }).toMatchRevokeTokenRequest()).toThrow(
      /Token: is required \(member Token, constraint required\)\n.*ClientId: must match pattern .* \(member ClientId, constraint pattern\)/,
    );
  });

  it('says a text that is not JSON is not a body, without quoting it', () => {
    const secret = 'Token=eyJ.secret';
    expect(() => expect(secret).toMatchRevokeTokenRequest()).toThrow(/not JSON \(16 characters\)/);
    expect(() => expect(secret).toMatchRevokeTokenRequest()).not.toThrow(/secret/);
  });
});

describe('toBeModeledRevokeTokenError', () => {
  const decoded = (name: string) => Object.assign(new Error('m'), { name });

  it('passes a modeled error, and the named one when a name is given', () => {
    expect(decoded('UnauthorizedException')).toBeModeledRevokeTokenError();
    expect(decoded('UnauthorizedException')).toBeModeledRevokeTokenError('UnauthorizedException');
    expect('ForbiddenException').toBeModeledRevokeTokenError('ForbiddenException');
    expect(decoded('UnauthorizedException')).not.toBeModeledRevokeTokenError('ForbiddenException');
  });

  it('fails a name the client did not decode as the model says', () => {
    expect(() => expect(decoded('UnauthorizedException:')).toBeModeledRevokeTokenError()).toThrow(/got UnauthorizedException:, which is not a modeled error/);
    expect(() => expect(decoded('ForbiddenException')).toBeModeledRevokeTokenError('UnauthorizedException')).toThrow(
      'expected an error named UnauthorizedException, got ForbiddenException',
    );
    expect(() => expect(42).toBeModeledRevokeTokenError()).toThrow(/got number without a name/);
  });

  it('refuses a name that is not a modeled error', () => {
    // @ts-expect-error: the parameter takes only the modeled errors' names.
    expect(() => expect(decoded('X')).toBeModeledRevokeTokenError('NotAnError')).toThrow(TypeError);
  });
});

describe('ConformanceAssertionError', () => {
  it('carries each broken rule with expected and actual, and the replay line', () => {
    const result: Result = {
      id: 'RevokeTokenRequestProtocolHeaders',
      kind: 'fixture',
      level: 'must',
      origin: 'fixtures/x.json',
      classified: {
        kind: 'fail',
        failures: [{ check: 'C4', title: 'X-Amz-Target', level: 'must', status: 'fail', expected: 'A.RevokeToken', actual: 'A.revokeToken' }],
      },
      verdicts: [],
      replay: "npx vitest run t.test.ts -t 'RevokeTokenRequestProtocolHeaders$'",
      warnings: [],
    };
    const error = new ConformanceAssertionError(result);
    expect(error.message).toBe(
      [
        'RevokeTokenRequestProtocolHeaders: C4 failed',
        'C4 [must] X-Amz-Target',
        '  expected: A.RevokeToken',
        '  actual:   A.revokeToken',
        "replay: npx vitest run t.test.ts -t 'RevokeTokenRequestProtocolHeaders$'",
      ].join('\n'),
    );
    expect(error).toMatchObject({ name: 'AssertionError', expected: 'A.RevokeToken', actual: 'A.revokeToken', showDiff: true });
  });
});
