import { describe, expect, it } from 'vitest';
import { isRuleId } from '../rules/registry.ts';
import { SelectionError, selectCases } from '../run/select-cases.ts';
import { SERVER_CASES } from './server-cases.ts';

describe('the server cases', () => {
  it('are selected by id, by rule and by group', () => {
    expect(selectCases(SERVER_CASES, ['auth-accepts-signed-call'], 'server case').map((c) => c.id)).toEqual(['auth-accepts-signed-call']);
    expect(selectCases(SERVER_CASES, ['S15'], 'server case').map((c) => c.id)).toEqual(['auth-accepts-unsigned-call', 'auth-accepts-signed-call']);
    expect(selectCases(SERVER_CASES, ['semantics'], 'server case').every((c) => c.tags.includes('semantics'))).toBe(true);
  });

  it('refuse a filter that matches nothing', () => {
    expect(() => selectCases(SERVER_CASES, ['S99'], 'server case')).toThrow(SelectionError);
  });

  it('have unique ids, each tagged with a declared rule', () => {
    const ids = SERVER_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of SERVER_CASES)
      expect(
        c.tags.some((tag) => /^[SRUPH]\d+$/.test(tag) && isRuleId(tag)),
        c.id,
      ).toBe(true);
  });
});
