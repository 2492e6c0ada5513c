import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load.ts';
import { RULES } from '../rules/registry.ts';
import { explainRule, listRules } from './explain.ts';
import { UsageError } from './flags.ts';

describe('explainRule', () => {
  it('explains every declared rule: its check file, its cases and its self-test', async () => {
    const fixtures = await loadFixtures();
    for (const rule of RULES) {
      const text = explainRule(rule.id, fixtures);
      expect(text, rule.id).toContain(`checked in ${rule.checkFile}`);
      // Every rule that can fail has a broken implementation that proves it.
      if (rule.level !== 'informational') expect(text, rule.id).not.toMatch(/self-test {2}\(none\)/);
    }
  });

  it('refuses an id nobody declared', async () => {
    expect(() => explainRule('S99', [])).toThrow(UsageError);
  });
});

describe('listRules', () => {
  it('lists one direction only, one line a rule', () => {
    const client = listRules('client').split('\n');
    expect(client.every((line) => /^[CAF]\d+ /.test(line))).toBe(true);
    expect(
      listRules('server')
        .split('\n')
        .every((line) => /^[SPHRU]\d+ /.test(line)),
    ).toBe(true);
  });
});
