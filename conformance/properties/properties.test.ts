import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../adapters/contract.ts';
import { isRuleId } from '../rules/registry.ts';
import { CLIENT_PROPERTIES } from './index.ts';

const capabilities = resolveCapabilities({
  name: 'unit',
  revokeToken: async () => ({}),
  capabilities: { retries: true, cancellation: true, revokeAssociatedSessions: true },
});

describe('the client properties', () => {
  it('have unique ids and tag at least one declared rule each', () => {
    expect(new Set(CLIENT_PROPERTIES.map((p) => p.id)).size).toBe(CLIENT_PROPERTIES.length);
    for (const property of CLIENT_PROPERTIES)
      expect(
        property.tags.some((tag) => isRuleId(tag)),
        property.id,
      ).toBe(true);
  });

  it("generate cases that carry their property's id, with rule tags nobody left undeclared", () => {
    for (const property of CLIENT_PROPERTIES) {
      for (const generated of fc.sample(property.cases(capabilities), { numRuns: 20, seed: 1 })) {
        expect(generated.id, property.id).toBe(property.id);
        for (const tag of generated.tags.filter((t) => /^[CAF]\d+$/.test(t) && !['C7', 'C25', 'C26'].includes(t)))
          expect(isRuleId(tag), `${property.id}: ${tag}`).toBe(true);
      }
    }
  });
});

describe('where reports say a property comes from', () => {
  it('is a module that exists and defines it', async () => {
    const { CLIENT_PROPERTIES_MODULE } = await import('../run/runner.ts');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(join(import.meta.dirname, '..', '..', CLIENT_PROPERTIES_MODULE), 'utf8');
    for (const property of CLIENT_PROPERTIES) expect(text, property.id).toContain(`id: '${property.id}'`);
  });
});
