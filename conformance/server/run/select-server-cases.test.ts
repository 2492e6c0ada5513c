import { describe, expect, it } from 'vitest';
import { SERVER_CASES } from '../server-cases.ts';
import { selectServerCases, ServerSuiteConfigError } from './select-server-cases.ts';

describe('selectServerCases', () => {
  it('selects by id, by rule and by group', () => {
    expect(selectServerCases(SERVER_CASES, ['auth-accepts-signed-call']).map((c) => c.id)).toEqual(['auth-accepts-signed-call']);
    expect(selectServerCases(SERVER_CASES, ['S15']).map((c) => c.id)).toEqual(['auth-accepts-unsigned-call', 'auth-accepts-signed-call']);
    expect(selectServerCases(SERVER_CASES, ['semantics']).every((c) => c.tags.includes('semantics'))).toBe(true);
  });

  it('refuses a filter that matches nothing', () => {
    expect(() => selectServerCases(SERVER_CASES, ['S99'])).toThrow(ServerSuiteConfigError);
  });

  it('has unique case ids, each tagged with a rule', () => {
    const ids = SERVER_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of SERVER_CASES) expect(c.tags.some((tag) => /^[SRUPH]\d+$/.test(tag))).toBe(true);
  });
});
