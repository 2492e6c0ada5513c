import type { PropertyDefinition } from '../properties/property.ts';
import type { FixtureWithFile } from '../run/runner.ts';
import { UsageError } from './options.ts';

/**
 * Applies --filter: a case is kept when any filter equals its id or one of its tags. A
 * filter that matches nothing is a usage error (a typo must not turn into a silent pass).
 */
export function selectCases(
  fixtures: readonly FixtureWithFile[],
  properties: readonly PropertyDefinition[],
  filters: readonly string[],
): { fixtures: FixtureWithFile[]; properties: PropertyDefinition[] } {
  if (filters.length === 0) return { fixtures: [...fixtures], properties: [...properties] };
  const matches = (id: string, tags: readonly string[]) => filters.some((f) => f === id || tags.includes(f));
  const selected = {
    fixtures: fixtures.filter((f) => matches(f.id, f.tags)),
    properties: properties.filter((p) => matches(p.id, p.tags)),
  };
  for (const filter of filters) {
    const used = [...fixtures.map((f) => [f.id, f.tags] as const), ...properties.map((p) => [p.id, p.tags] as const)].some(
      ([id, tags]) => id === filter || tags.includes(filter),
    );
    if (!used) throw new UsageError(`--filter ${filter}: no fixture or property has this id or tag`);
  }
  return selected;
}
