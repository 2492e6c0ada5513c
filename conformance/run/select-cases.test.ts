import { describe, expect, it } from 'vitest';
import { SelectionError, selectCases } from './select-cases.ts';

const cases = [
  { id: 'a', tags: ['C14', 'wire-header'] },
  { id: 'b', tags: ['C15'] },
  { id: 'c', tags: ['C14'] },
];

describe('selectCases', () => {
  it('keeps every case without filters', () => {
    expect(selectCases(cases, [], 'case')).toEqual(cases);
  });

  it('keeps a case whose id or one of whose tags equals a filter, in order', () => {
    expect(selectCases(cases, ['C14'], 'case').map((c) => c.id)).toEqual(['a', 'c']);
    expect(selectCases(cases, ['b', 'wire-header'], 'case').map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('refuses a filter that matches nothing, naming it', () => {
    expect(() => selectCases(cases, ['C14', 'C99'], 'fixture')).toThrow(SelectionError);
    expect(() => selectCases(cases, ['C99'], 'fixture')).toThrow('--filter C99: no fixture has this id or tag');
  });
});
