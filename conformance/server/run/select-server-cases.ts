import type { ServerCase } from './server-case.ts';

/**
 * A server suite option that cannot work as given; the message names the option.
 * @public
 */
export class ServerSuiteConfigError extends Error {
  override name = 'ServerSuiteConfigError';
}

/**
 * The cases whose id or one of whose tags (a rule id such as S6, or a group such as
 * `routing`) equals a filter. A filter that matches nothing is an error: a typo must not turn
 * into a silent pass.
 * @internal
 */
export function selectServerCases(cases: readonly ServerCase[], filters: readonly string[]): ServerCase[] {
  if (filters.length === 0) return [...cases];
  const matches = (c: ServerCase, filter: string) => c.id === filter || c.tags.includes(filter);
  for (const filter of filters) {
    if (!cases.some((c) => matches(c, filter))) throw new ServerSuiteConfigError(`filter ${filter}: no server case has this id or tag`);
  }
  return cases.filter((c) => filters.some((filter) => matches(c, filter)));
}
