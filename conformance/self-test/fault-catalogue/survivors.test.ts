import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.ts';
import { loadSurvivors, SURVIVORS_FILE } from './survivors.ts';

const root = join(import.meta.dirname, '..', '..', '..');

function rootWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'survivors-'));
  mkdirSync(dirname(join(dir, SURVIVORS_FILE)), { recursive: true });
  writeFileSync(join(dir, SURVIVORS_FILE), content);
  return dir;
}

describe('loadSurvivors', () => {
  it('reads the checked-in list: catalogue ids only', () => {
    const ids = loadSurvivors(root);
    expect([...ids].every((id) => CATALOGUE.some((e) => e.id === id))).toBe(true);
  });

  it.each([
    ['not JSON', '{', /cannot be read as JSON/],
    ['no list', '{}', /"survivors" must be a list/],
    ['an id that is not a string', '{"survivors":[{"id":3}]}', /survivors\[0\]\.id must be a string/],
    ['an unknown id', '{"survivors":[{"id":"no-such-entry"}]}', /"no-such-entry" is not an entry/],
    ['an id twice', `{"survivors":[{"id":"${CATALOGUE[0]!.id}"},{"id":"${CATALOGUE[0]!.id}"}]}`, /listed twice/],
  ])('refuses %s, naming the file', (_label, content, message) => {
    expect(() => loadSurvivors(rootWith(content))).toThrow(message);
    expect(() => loadSurvivors(rootWith(content))).toThrow(SURVIVORS_FILE);
  });
});
