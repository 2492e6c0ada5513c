import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleId, ruleById } from '../rules/registry.ts';
import { BROKEN_SERVERS } from './broken-servers.ts';
import { BROKEN_SHIMS } from './broken-shims.ts';
import { MUTANTS } from './mutants.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the broken implementations', () => {
  it('each name a declared rule of their own direction', () => {
    for (const m of MUTANTS) expect(isRuleId(m.caughtBy) && ruleById(m.caughtBy).direction, m.id).toBe('client');
    for (const s of BROKEN_SHIMS) expect(isRuleId(s.rule) && ruleById(s.rule).direction, s.name).toBe('client');
    for (const b of BROKEN_SERVERS) expect(isRuleId(b.rule) && ruleById(b.rule).direction, b.name).toBe('server');
  });

  it('have unique names, and the broken shims modules that exist', () => {
    for (const names of [MUTANTS.map((m) => m.id), BROKEN_SHIMS.map((s) => s.name), BROKEN_SERVERS.map((b) => b.name)])
      expect(new Set(names).size).toBe(names.length);
    for (const s of BROKEN_SHIMS) expect(existsSync(join(root, s.module)), s.module).toBe(true);
  });
});
