import { describe, expect, it } from 'vitest';
import { describeOurs } from '../../tools/fidelity/fidelity.ts';
import { loadRevisions, type RevisionHistory, revisionProblems, trackedChanges } from './revisions.ts';

const history = loadRevisions();

describe('model/revisions.json', () => {
  it('is well-formed', () => {
    expect(revisionProblems(history)).toEqual([]);
  });

  it('records, for each revision, the change its text describes', () => {
    const steps = history.revisions.slice(1).map((revision, index) => [revision.id, trackedChanges(history.revisions[index]!, revision)]);
    expect(steps).toEqual([
      ['2022-08', ['+ForbiddenException']],
      ['2023-08', ['signed true -> false']],
      ['2026-02', ['ClientSecret min 1 -> 24']],
      ['2026-06', ['+OperationNotEnabledException']],
      ['2026-11', ['RevokeAssociatedSessions added']],
    ]);
  });

  it('ends with the revision that generated/model.json describes', () => {
    const latest = history.revisions.at(-1)!;
    const ours = describeOurs();
    expect(latest.errors).toEqual(Object.keys(ours.errors).sort());
    expect(latest.clientSecretMinLength).toBe(ours.input.members.ClientSecret?.lengthMin);
    expect(latest.revokeAssociatedSessions).toBe('RevokeAssociatedSessions' in ours.input.members);
    expect(latest.signed).toBe(ours.signed);
  });

  it('reports what is wrong with a malformed history', () => {
    const broken = structuredClone(history) as RevisionHistory;
    broken.revisions[1]!.errors = ['UnauthorizedException', 'ForbiddenException'];
    broken.revisions[2]!.date = '2020-01-01';
    broken.revisions[3]!.sources = [];
    broken.revisions[4] = { ...broken.revisions[3]!, id: '2026-06', date: '2026-06-01', sources: broken.revisions[4]!.sources };
    expect(revisionProblems(broken)).toEqual([
      'revision 2022-08: errors must be sorted and unique',
      'revision 2023-08: date 2020-01-01 is not in the month its id names',
      'revision 2023-08: dates must increase',
      'revision 2026-02: sources must say where the facts come from',
      'revision 2026-06: changes none of errors, signed, clientSecretMinLength, revokeAssociatedSessions; it is not a revision',
    ]);
  });
});
