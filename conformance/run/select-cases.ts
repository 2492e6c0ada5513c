/** A `--filter` that matches no case: a typo must not turn into a silent pass. @public */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** Anything a filter can select: fixtures, properties, server probes and model runs. */
export interface Selectable {
  readonly id: string;
  readonly tags: readonly string[];
}

/**
 * `--filter`, in either direction: a case is kept when any filter equals its id or one of its
 * tags (a rule id such as C14 or S6, or a group). With no filters every case is kept. A filter
 * that matches none of `cases` throws SelectionError naming it; `what` names the kind of case.
 */
export function selectCases<T extends Selectable>(cases: readonly T[], filters: readonly string[], what: string): T[] {
  if (filters.length === 0) return [...cases];
  const matches = (c: Selectable, filter: string) => c.id === filter || c.tags.includes(filter);
  for (const filter of filters) {
    if (!cases.some((c) => matches(c, filter))) throw new SelectionError(`--filter ${filter}: no ${what} has this id or tag`);
  }
  return cases.filter((c) => filters.some((filter) => matches(c, filter)));
}
