import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.ts';
import { isRuleId } from '../../rules/registry.ts';
import { CATALOGUE, CONTROLS } from './catalogue.ts';

const root = join(import.meta.dirname, '..', '..', '..');

// The rules issue 17 adds; the catalogue names them before they exist.
const NEW_RULES = new Set(['A7', 'A8', 'A9']);

describe('the fault catalogue', () => {
  it('has at least 40 entries with unique ids, across every dimension', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((e) => e.dimension))).toEqual(
      new Set(['calls', 'endpoint', 'signal', 'transport', 'after-settle', 'input', 'answers', 'concurrency']),
    );
  });

  it('cites for each entry an issue, pull request or commit, and says what it shows', () => {
    for (const e of CATALOGUE) {
      expect(e.source, e.id).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull|commit)\/\w+$/);
      expect(e.shows.length, e.id).toBeGreaterThan(20);
      expect(e.via.length, e.id).toBeGreaterThan(5);
    }
  });

  it('names only client rules the registry has, or the new A7, A8 and A9', () => {
    for (const e of CATALOGUE) if (e.rule !== undefined) expect(isRuleId(e.rule) || NEW_RULES.has(e.rule), `${e.id}: ${e.rule}`).toBe(true);
  });

  it.each([...CONTROLS, ...CATALOGUE].map((e) => [e.id, e.module] as const))('%s is an adapter module', async (_id, module) => {
    expect(existsSync(join(root, module)), module).toBe(true);
    const { default: factory } = (await import(join(root, module))) as { default: () => Adapter };
    const adapter = factory();
    expect(typeof adapter.name).toBe('string');
    expect(typeof adapter.revokeToken).toBe('function');
    expect(adapter.capabilities?.cancellation).toBe(true);
  });
});
