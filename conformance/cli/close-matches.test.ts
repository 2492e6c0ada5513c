import { describe, expect, it } from 'vitest';
import { closeMatches } from './close-matches.ts';

const KNOWN = ['C1', 'C9', 'C19', 'C14', 'wire-header', 'request-wire', 'request-id', 'RevokeTokenSuccessEmptyObject', 'RevokeTokenSuccessEmptyBody', 'Token'];

describe('closeMatches', () => {
  it('finds a one-edit slip, nearest first, whatever the case', () => {
    expect(closeMatches('C99', KNOWN)).toEqual(['C19', 'C9']);
    expect(closeMatches('WIRE-HEADR', KNOWN)).toEqual(['wire-header']);
    expect(closeMatches('request-wir', KNOWN)).toEqual(['request-wire', 'request-id']);
  });

  it('finds a long id typed in part, with a slip, but not a short word the typo happens to contain', () => {
    expect(closeMatches('RevokeTokenSucessEmpty', KNOWN)).toEqual(['RevokeTokenSuccessEmptyBody', 'RevokeTokenSuccessEmptyObject']);
    expect(closeMatches('RevokeTokenSucess', KNOWN)).not.toContain('Token');
  });

  it('finds nothing for a word near nothing, and keeps to the limit', () => {
    expect(closeMatches('xyzzy', KNOWN)).toEqual([]);
    expect(closeMatches('C', ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'], 3)).toHaveLength(3);
  });
});
