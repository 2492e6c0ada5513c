import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load.ts';
import { RULES } from '../rules/registry.ts';
import { explain, explainRule, listRules } from './explain.ts';
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

describe('explain', () => {
  it('takes a rule id in any case', async () => {
    const fixtures = await loadFixtures();
    expect(explain('c14', fixtures)).toBe(explainRule('C14', fixtures));
    expect(explain('s7', fixtures)).toMatch(/^S7 /);
  });

  it('explains a tag no rule bears by the rules measured on the cases that carry it', async () => {
    const text = explain('c25', await loadFixtures());
    expect(text).toMatch(/^C25 {2}tag \(checklist\)/);
    // The list is cut after twelve ids: a fixture early in it stands for the rest.
    expect(text).toMatch(/fixtures \(\d+\): .*RevokeTokenProxyHtml502/);
    expect(text).toMatch(/A3 {3}retries only throttling .* \[\d+\/\d+ fixtures\]/);
  });

  it('lists what a fixture judges, declared and measured, and marks the rules only one kind of client gets', async () => {
    const text = explain('RevokeTokenTooManyRequestsExceptionAsObserved', await loadFixtures());
    expect(text).toMatch(/fixture \[must\] {2}fixtures\//);
    expect(text).toMatch(/declared {3}.*C25: checklist tags judged through other rules/);
    expect(text).toMatch(/A1 .*\(for a client that does not retry only\)/);
    expect(text).toMatch(/A3 .*\(for a client that declares retries only\)/);
  });

  it('lists what a property judges across its sampled cases, and where it does not apply', async () => {
    const text = explain('CANCELLATION', await loadFixtures());
    expect(text).toMatch(/^cancellation {2}property \[must\]/);
    expect(text).toMatch(/A2 {3}an aborted call .* \[60\/60 cases\]/);
  });

  it('refuses an unknown word with exit-code-2 usage error naming close matches', async () => {
    const fixtures = await loadFixtures();
    expect(() => explain('wire-headr', fixtures)).toThrow(/did you mean wire-header\?/);
    expect(() => explain('nothing-like-it', fixtures)).toThrow(UsageError);
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
