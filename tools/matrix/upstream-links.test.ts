import { describe, expect, it } from 'vitest';
import { upstreamLinks } from './upstream-links.ts';

describe('upstreamLinks', () => {
  it('finds full issue and pull request addresses, and keeps which one it is', () => {
    expect(upstreamLinks('see https://github.com/aws/aws-sdk-js-v3/issues/6501 and https://github.com/aws-amplify/amplify-js/pull/14427.')).toEqual([
      { url: 'https://github.com/aws/aws-sdk-js-v3/issues/6501', label: 'aws/aws-sdk-js-v3#6501' },
      { url: 'https://github.com/aws-amplify/amplify-js/pull/14427', label: 'aws-amplify/amplify-js#14427' },
    ]);
  });

  it('reads the short form, with or without a space, and numbers that follow in the same repository', () => {
    expect(upstreamLinks('fixed in floci-io/floci #1705; awslabs/aws-jwt-verify#151 and #170').map((l) => l.label)).toEqual([
      'floci-io/floci#1705',
      'awslabs/aws-jwt-verify#151',
      'awslabs/aws-jwt-verify#170',
    ]);
    expect(upstreamLinks('floci-io/floci #1705')[0]?.url).toBe('https://github.com/floci-io/floci/issues/1705');
  });

  it('links nothing that is not an issue or pull request: source files, doc pages, paths, bare numbers', () => {
    for (const source of [
      'https://github.com/smithy-lang/smithy-typescript/blob/main/packages/core/src/parseJsonBody.ts',
      'moto 5.2.5 moto/cognitoidp/responses.py CognitoIdpResponse',
      'cognito-local 5.3.0 src/targets/revokeToken.ts (lib/targets/revokeToken.js)',
      'the API reference, section #3',
      'RFC 7009 section 3',
      undefined,
    ])
      expect(upstreamLinks(source), String(source)).toEqual([]);
  });

  it('lists each issue once', () => {
    expect(upstreamLinks('a/b#1, https://github.com/a/b/issues/1 and a/b #1')).toHaveLength(1);
  });
});
