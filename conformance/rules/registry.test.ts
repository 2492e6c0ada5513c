import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Check } from '../judging/check.ts';
import { SERVER_CHECKS } from '../server/checks/index.ts';
import { RULES, ruleById, rulesOf } from './registry.ts';

const root = join(import.meta.dirname, '..', '..');
// Reported outside any check: H2 by the server case runner when setup fails, U1..U3 as
// informational notes of the semantics model.
const REPORTED_BY_THE_RUNNER = new Set(['H2', 'U1', 'U2', 'U3']);

async function checksExportedBy(file: string): Promise<Check<unknown>[]> {
  const module = (await import(join(root, file))) as Record<string, unknown>;
  return Object.values(module).filter(
    (value): value is Check<unknown> => typeof value === 'object' && value !== null && Array.isArray((value as Check<unknown>).rules),
  );
}

describe('the rule registry', () => {
  it('declares each id once', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a check file that exists for every rule', () => {
    for (const rule of RULES) expect(existsSync(join(root, rule.checkFile)), `${rule.id}: ${rule.checkFile}`).toBe(true);
  });

  it('has checks that declare only rules of their own direction', () => {
    for (const [direction, checks] of [
      ['client', CLIENT_CHECKS],
      ['server', SERVER_CHECKS],
    ] as const) {
      for (const check of checks as readonly Check<unknown>[]) {
        for (const id of check.rules) expect(ruleById(id).direction, `${check.name} declares ${id}`).toBe(direction);
      }
    }
  });

  it('has a check for every rule, exported from the file the registry names', async () => {
    for (const rule of RULES) {
      if (REPORTED_BY_THE_RUNNER.has(rule.id)) continue;
      const checks = await checksExportedBy(rule.checkFile);
      expect(
        checks.some((check) => check.rules.includes(rule.id as never)),
        `${rule.id}: no check in ${rule.checkFile} declares it`,
      ).toBe(true);
    }
  });

  it('runs every check that exists: none is declared but left out of its direction', async () => {
    const registered = new Set<Check<unknown>>([...CLIENT_CHECKS, ...SERVER_CHECKS] as Check<unknown>[]);
    for (const file of new Set(RULES.map((rule) => rule.checkFile))) {
      for (const check of await checksExportedBy(file)) expect(registered.has(check), `${check.name} in ${file}`).toBe(true);
    }
  });

  it('keeps the client checklist and the server rules apart', () => {
    expect(rulesOf('client').every((rule) => /^[CAF]\d+$/.test(rule.id))).toBe(true);
    expect(rulesOf('server').every((rule) => /^[SPHRU]\d+$/.test(rule.id))).toBe(true);
  });

  it('refuses an id nobody declared', () => {
    expect(() => ruleById('C99')).toThrow(/no rule C99/);
  });
});
