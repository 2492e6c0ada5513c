import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretHash as referenceSecretHash } from '../reference/index.ts';
import { secretHash } from './secret-hash.ts';

describe('secretHash', () => {
  it('is the hash the reference server checks', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (secret, username, clientId) => {
        expect(secretHash(secret, username, clientId)).toBe(referenceSecretHash(secret, username, clientId));
      }),
    );
  });
});
