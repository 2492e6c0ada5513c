// Canary values for the redaction specs: long, high-entropy and in no fixture, so any run of 8
// of their characters in an output can only have come from a leak.
export const CANARY = {
  Token: 'cnryTOK-7Hq2Zx9VwL4pR8mK3sJ6-tail',
  ClientId: 'cnryclient5Ub8Yt2Ne6Gm',
  ClientSecret: 'cnrySEC-Wd3Fg7Hk1Lz9Qx5Cv2Bn8',
} as const;

export const CANARY_VALUES: readonly string[] = Object.values(CANARY);

/** A fixture with each sensitive member it sets replaced by its canary, so any leak of it is ours to find. */
export function withCanaries<F extends { params: object }>(fixture: F): F {
  const params: Record<string, unknown> = { ...fixture.params };
  for (const name of ['Token', 'ClientId', 'ClientSecret'] as const) if (typeof params[name] === 'string' && params[name] !== '') params[name] = CANARY[name];
  return { ...fixture, params: params as F['params'] };
}

/** The env variables the process client reads its canaries from (never its command line: replay lines show that). */
export const CANARY_ENV = { CANARY_TOKEN: CANARY.Token, CANARY_CLIENT_ID: CANARY.ClientId, CANARY_CLIENT_SECRET: CANARY.ClientSecret };

/**
 * Five and more ways a broken client mangles a value it then shows: truncated, upper-cased,
 * reversed, wrapped in a prefix and suffix, a middle substring of 10 characters, JSON-quoted.
 * The process client (canary-process-client.mjs) writes the same forms.
 */
export function mangled(value: string): string[] {
  return [value.slice(0, 12), value.toUpperCase(), [...value].reverse().join(''), `Bearer:${value}:end`, value.slice(6, 16), JSON.stringify({ v: value })];
}

/** Every run of 8 characters of a value, forwards and reversed, lower-cased: what must appear nowhere. */
export function fragmentsOf(value: string): string[] {
  const lower = value.toLowerCase();
  const reversed = [...lower].reverse().join('');
  const out = new Set<string>();
  for (const form of [lower, reversed]) for (let i = 0; i + 8 <= form.length; i += 1) out.add(form.slice(i, i + 8));
  return [...out];
}

/** The outputs (by name) that show any fragment of any of the values, with the first fragment found. */
export function leaks(outputs: Record<string, string>, values: Iterable<string>): string[] {
  const found: string[] = [];
  for (const value of values) {
    const fragments = fragmentsOf(value);
    for (const [name, text] of Object.entries(outputs)) {
      const lower = text.toLowerCase();
      const hit = fragments.find((fragment) => lower.includes(fragment));
      if (hit !== undefined) found.push(`${name} shows "${hit}" of ${value.slice(0, 4)}…`);
    }
  }
  return found;
}
