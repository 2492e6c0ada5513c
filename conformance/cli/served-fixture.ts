import type { FixtureWithFile } from '../run/runner.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { closeMatches } from './close-matches.ts';

/** The path prefix that picks a fixture for one request: `/fixtures/<id>/`. */
export const FIXTURE_PATH_PREFIX = '/fixtures/';

/** Which fixture answers one request under `--serve`, and how it was picked. */
export type ServedChoice =
  | { kind: 'fixture'; fixture: FixtureWithFile; by: 'default' | 'Prefer header' | 'path'; basePath: string }
  | { kind: 'unknown'; id: string; by: 'Prefer header' | 'path'; suggestions: string[] };

// RFC 7240: a comma-separated list of preferences, each `token[=value]`, the value a token or a quoted string.
const PREFERENCE = /^\s*fixture\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i;

/** The id a `Prefer` header asks for (`Prefer: fixture=<id>`, among other preferences), if any. */
export function preferredFixture(prefer: string | undefined): string | undefined {
  if (prefer === undefined) return undefined;
  for (const part of prefer.split(',')) {
    const match = PREFERENCE.exec(part);
    if (match) return match[1] ?? match[2];
  }
  return undefined;
}

/**
 * The fixture that answers this request: the one a `Prefer: fixture=<id>` header names, else the
 * one a `/fixtures/<id>/` path names (the rest of the path is then judged as the request's path
 * below that base), else the fixture `--serve` was started with. The choice holds for this one
 * request: the next one gets the default again unless it asks too.
 */
export function chooseServedFixture(request: CapturedRequest, byId: ReadonlyMap<string, FixtureWithFile>, fallback: FixtureWithFile): ServedChoice {
  const pathname = new URL(request.url).pathname;
  const fromPath = pathname.startsWith(FIXTURE_PATH_PREFIX) ? pathname.slice(FIXTURE_PATH_PREFIX.length).split('/')[0] : undefined;
  const fromHeader = preferredFixture(request.headers['prefer']);
  const by = fromHeader !== undefined ? 'Prefer header' : 'path';
  const asked = fromHeader ?? (fromPath !== undefined && fromPath !== '' ? safeDecode(fromPath) : undefined);
  const basePath = fromPath !== undefined && fromPath !== '' ? `${FIXTURE_PATH_PREFIX}${fromPath}` : '';
  if (asked === undefined) return { kind: 'fixture', fixture: fallback, by: 'default', basePath };
  const fixture = byId.get(asked);
  if (fixture === undefined) return { kind: 'unknown', id: asked, by, suggestions: closeMatches(asked, [...byId.keys()], 3) };
  return { kind: 'fixture', fixture, by, basePath };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
