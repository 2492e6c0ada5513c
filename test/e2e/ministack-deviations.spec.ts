import { describe, expect, it } from 'vitest';
import { itDeviatesExactlyAsListed, pinnedExpectations } from './lane-deviations.ts';

const pinned = pinnedExpectations('ministack');

describe('MiniStack 1.5.33 deviates exactly as its expectations file says', () => {
  itDeviatesExactlyAsListed({ lane: 'ministack', implementation: 'MiniStack 1.5.33', everyCaseDeviates: false });

  it('keeps on record that revoked access tokens keep working, and why', () => {
    const listed = new Map(pinned.map((e) => [`${e.case}#${e.check ?? '*'}`, e]));
    for (const rule of ['semantics-revoking-ends-the-session#R3', 'semantics-populated-world#R9']) {
      expect(listed.get(rule)?.reason, rule).toMatch(/^Revoked access tokens keep working/);
      expect(listed.get(rule)?.source, rule).toContain('only when MiniStack is started with AUTH=true');
    }
    for (const entry of pinned)
      expect(entry.source, `${entry.case}#${entry.check}`).toMatch(/^MiniStack 1\.5\.33 \(https:\/\/pypi\.org\/project\/ministack\/1\.5\.33\/\) ministack\//);
  });
});
