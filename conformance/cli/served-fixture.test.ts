import { describe, expect, it } from 'vitest';
import type { FixtureWithFile } from '../run/runner.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { chooseServedFixture, preferredFixture } from './served-fixture.ts';

const fixture = (id: string) => ({ id }) as FixtureWithFile;
const byId = new Map(['RevokeTokenSuccessEmptyObject', 'RevokeTokenForbiddenExceptionAsObserved'].map((id) => [id, fixture(id)]));
const fallback = byId.get('RevokeTokenSuccessEmptyObject')!;
const request = (path: string, headers: Record<string, string> = {}): CapturedRequest => ({
  method: 'POST',
  url: `http://127.0.0.1:1234${path}`,
  headers,
  body: '{}',
  bodyBytes: 2,
  transport: 'loopback',
});

describe('--serve picks a fixture per request', () => {
  it('reads fixture=<id> among other preferences, quoted or not', () => {
    expect(preferredFixture('fixture=RevokeTokenX')).toBe('RevokeTokenX');
    expect(preferredFixture('return=minimal, Fixture="RevokeTokenX"')).toBe('RevokeTokenX');
    expect(preferredFixture('respond-async')).toBeUndefined();
    expect(preferredFixture(undefined)).toBeUndefined();
  });

  it('answers with the default fixture when the request asks for none', () => {
    expect(chooseServedFixture(request('/'), byId, fallback)).toMatchObject({
      kind: 'fixture',
      fixture: { id: 'RevokeTokenSuccessEmptyObject' },
      by: 'default',
    });
  });

  it('takes the Prefer header for one request', () => {
    const choice = chooseServedFixture(request('/', { prefer: 'fixture=RevokeTokenForbiddenExceptionAsObserved' }), byId, fallback);
    expect(choice).toMatchObject({ kind: 'fixture', fixture: { id: 'RevokeTokenForbiddenExceptionAsObserved' }, by: 'Prefer header', basePath: '' });
  });

  it('takes a /fixtures/<id>/ path, whose prefix is the base path the request rules judge below', () => {
    const choice = chooseServedFixture(request('/fixtures/RevokeTokenForbiddenExceptionAsObserved/'), byId, fallback);
    expect(choice).toMatchObject({ kind: 'fixture', by: 'path', basePath: '/fixtures/RevokeTokenForbiddenExceptionAsObserved' });
  });

  it('names an unknown id with the close matches', () => {
    const choice = chooseServedFixture(request('/', { prefer: 'fixture=RevokeTokenForbidenExceptionAsObserved' }), byId, fallback);
    expect(choice).toMatchObject({ kind: 'unknown', id: 'RevokeTokenForbidenExceptionAsObserved', suggestions: ['RevokeTokenForbiddenExceptionAsObserved'] });
  });
});
