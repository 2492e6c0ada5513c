import { describe, expect, it } from 'vitest';
import { type Check, fail, pass } from './check.ts';
import { judge } from './judge.ts';

interface Seen {
  status: number;
  tag?: string;
}

const statusIs200: Check<Seen> = {
  name: 'statusIs200',
  rules: ['S8', 'S12'],
  level: (o) => (o.tag === 'soft' ? 'should' : 'must'),
  ruleFor: (o) => (o.status >= 400 ? 'S12' : 'S8'),
  appliesTo: (o) => o.status !== 0,
  evaluate: (o) => (o.status === 200 ? pass : fail('200', String(o.status))),
};

describe('judge', () => {
  it("gives one verdict per applicable check, under the rule it reports and the rule's title", () => {
    expect(judge([statusIs200], { status: 200 })).toEqual([
      { check: 'S8', title: expect.stringContaining('answers success with 200'), level: 'must', status: 'pass' },
    ]);
    expect(judge([statusIs200], { status: 404, tag: 'soft' })).toEqual([
      { check: 'S12', title: expect.stringContaining('4xx status'), level: 'should', status: 'fail', expected: '200', actual: '404' },
    ]);
  });

  it('skips a check that does not apply', () => {
    expect(judge([statusIs200], { status: 0 })).toEqual([]);
  });

  it('shows the aspect of a check that judges part of a rule', () => {
    expect(judge([{ ...statusIs200, aspect: 'a 200, exactly' }], { status: 200 })[0]!.title).toBe('a 200, exactly');
  });

  it('refuses a check that reports a rule it did not declare', () => {
    const stray: Check<Seen> = { ...statusIs200, rules: ['S8'], ruleFor: () => 'S12' };
    expect(() => judge([stray], { status: 500 })).toThrow(/reported S12, which it does not declare/);
  });
});
