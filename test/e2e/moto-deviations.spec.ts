import { describe, expect, it } from 'vitest';
import { itDeviatesExactlyAsListed, pinnedExpectations } from './lane-deviations.ts';

const pinned = pinnedExpectations('moto');

describe('moto 5.2.5 deviates exactly as its expectations file says', () => {
  itDeviatesExactlyAsListed({ lane: 'moto', implementation: 'moto 5.2.5', everyCaseDeviates: true });

  it('keeps on record that moto does not implement RevokeToken', () => {
    const listed = new Map(pinned.map((e) => [`${e.case}#${e.check ?? '*'}`, e]));
    for (const rule of [
      'semantics-revoking-ends-the-session#R1',
      'semantics-access-and-id-tokens-are-refused#R5',
      'semantics-revocation-switched-off-is-refused#R6',
      'semantics-client-secret-is-checked#R7',
    ]) {
      expect(listed.get(rule)?.source, rule).toContain('NotImplementedError("The revoke_token action has not been implemented")');
    }
    for (const entry of pinned) expect(entry.source, `${entry.case}#${entry.check}`).toMatch(/^moto 5\.2\.5 moto\//);
  });
});
