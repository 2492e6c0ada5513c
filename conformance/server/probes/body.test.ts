import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validRequest } from '../../model/arbitraries.ts';
import { corrupt, corruption } from './body.ts';

describe('corrupt', () => {
  it('leaves no request body parseable, whatever the corruption and the values', () => {
    fc.assert(
      fc.property(validRequest({ maxUnboundedLength: 64 }), corruption, (request, how) => {
        expect(() => JSON.parse(corrupt(JSON.stringify(request), how))).toThrow(SyntaxError);
      }),
      { numRuns: 300 },
    );
  });
});
