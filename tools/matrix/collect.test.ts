import { describe, expect, it } from 'vitest';
import { smallMatrix } from './test-fixtures/small-matrix.ts';

describe('the matrix cells', () => {
  const data = smallMatrix();
  const cell = (lane: string, rule: string) => data.cells[lane]?.[rule];

  it('passes a rule every case passed, and counts a passing property for the rules it is tagged with', () => {
    expect(cell('good-client', 'C1')).toMatchObject({ status: 'pass', passed: ['RevokeTokenSuccess'] });
    expect(cell('good-client', 'A2')).toMatchObject({ status: 'pass', passed: ['cancellation'] });
  });

  it('fails a rule on an unlisted must-level failure, with what was seen and the replay line', () => {
    expect(cell('odd-client', 'C3')?.status).toBe('fail');
    expect(cell('odd-client', 'C3')?.others[0]).toMatchObject({
      id: 'RevokeTokenSuccess',
      status: 'fail',
      actual: 'application/json',
      replay: expect.stringContaining('--filter RevokeTokenSuccess'),
    });
  });

  it('marks an unlisted should-level failure as a divergence, not a failure', () => {
    expect(cell('odd-client', 'C24')?.status).toBe('should');
  });

  it("marks a listed failure as expected, with the expectation's reason and source", () => {
    expect(cell('odd-client', 'C14')?.others[0]).toMatchObject({
      status: 'expected',
      reason: 'reads the error code from __type only',
      source: 'odd-sdk parsers.py parse_error; odd-org/odd-sdk #42',
      upstream: [{ url: 'https://github.com/odd-org/odd-sdk/issues/42', label: 'odd-org/odd-sdk#42' }],
    });
    // A case-wide expectation (no check) covers every rule of the case.
    expect(cell('small-server', 'S14')?.status).toBe('expected');
  });

  it('carries the reason a case did not apply, and keeps informational rules apart', () => {
    expect(cell('odd-client', 'A3')).toMatchObject({ status: 'na', others: [{ reason: 'the adapter does not declare retries' }] });
    expect(cell('small-server', 'U1')).toMatchObject({ status: 'info', others: [{ status: 'info-differs' }] });
  });

  it('counts rules per level and lists the diverging ones', () => {
    const lane = (name: string) => data.lanes.find((l) => l.name === name)!;
    expect(lane('good-client').counts.must).toEqual({ passed: 4, expected: 0, failed: 0, total: 4 });
    expect(lane('odd-client').counts).toEqual({
      must: { passed: 1, expected: 0, failed: 1, total: 2 },
      should: { passed: 0, expected: 1, failed: 1, total: 2 },
    });
    expect(lane('odd-client')).toMatchObject({ unexpected: ['C3', 'C24'], expected: ['C14'] });
    // U1 differs from the configured outcome but is never counted.
    expect(lane('small-server').counts.should.total).toBe(0);
  });

  it('marks a listed failure that stopped happening as a failure of the rule it names', async () => {
    const { cellsOfReport } = await import('./collect.ts');
    const stale = { case: 'RevokeTokenSuccess', check: 'C3', reason: 'old bug', source: 'issue 1' };
    const cells = cellsOfReport(
      {
        version: 1,
        summary: {} as never,
        results: [
          {
            id: 'RevokeTokenSuccess',
            kind: 'fixture',
            level: 'must',
            classified: { kind: 'unexpected-pass', expectations: [stale] },
            verdicts: [{ check: 'C3', title: 't', level: 'must', status: 'pass' }],
            replay: 'r',
          },
        ],
      },
      { expectations: [stale], rulesOfProperty: () => [] },
    );
    expect(cells['C3']).toMatchObject({ status: 'fail', byLevel: { must: 'fail' }, others: [{ reason: expect.stringContaining('stale') }] });
  });
});
