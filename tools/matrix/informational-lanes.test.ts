import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import { LANES } from './lanes.ts';
import { REPO_ROOT } from './main.ts';
import { resolveVersion } from './versions.ts';

describe('the informational lanes', () => {
  it('have names no client or server lane has, so --lane picks exactly one', () => {
    const names = [...LANES, ...INFORMATIONAL_LANES].map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('run a script that is in the tree, at a version that resolves', () => {
    for (const lane of INFORMATIONAL_LANES) {
      expect(existsSync(join(REPO_ROOT, lane.script)), lane.script).toBe(true);
      expect(resolveVersion(lane.version, REPO_ROOT), lane.name).toMatch(/ \d+\.\d+\.\d+$/);
    }
  });

  it('give every source an https address', () => {
    for (const lane of INFORMATIONAL_LANES) {
      expect(lane.sources.length, lane.name).toBeGreaterThan(0);
      for (const source of lane.sources) expect(source.url, source.label).toMatch(/^https:\/\//);
    }
  });
});
