import { serverRuleBroken } from '../fixtures/lint-rules/applies-to.ts';
import { MODELED_ERRORS } from '../fixtures/lint-rules/model.ts';
import { REVISIONS, requiredRevisions } from '../fixtures/lint-rules/since.ts';
import { DERIVED_TAGS, facts } from '../fixtures/lint-rules/tags-match-content.ts';
import { codeCarriers, resolvedErrorCode } from '../fixtures/lint-rules/wire.ts';
import type { Fixture, FixtureResponse, RevisionId } from '../fixtures/types.ts';
import { revokeToken } from '../model/contract.ts';
import type { ReceivedResponse } from '../server/wire/exchange.ts';

/** The fixtures' own fake values (CONTRIBUTING.md, "Values must be obviously fake"), one per sensitive member. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  Token: 'fake-refresh-token.example-1',
  ClientId: 'exampleclient1',
  ClientSecret: 'examplesecretexamplesecret0001',
};
/** What every recorded request id and date becomes. */
export const NORMALISED_REQUEST_ID = '00000000-0000-4000-8000-000000000001';
export const NORMALISED_DATE = 'Mon, 01 Jun 2026 00:00:00 GMT';

const REQUEST_ID_HEADERS = new Set(['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id']);
// Framing and per-connection headers: the fake service writes its own, and a recorded length would be wrong once values are replaced.
const DROPPED_HEADERS = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'x-revoketoken-proxy']);
const INPUT_MEMBERS = new Set(revokeToken.input.members.map((member) => member.name));

/** Where the recorded exchange came from, for its documentation and source. */
export interface RecordingOrigin {
  /** The upstream as the user named it (`--upstream-name`), or its host and port. */
  upstreamName: string;
  /** The day of the recording, YYYY-MM-DD. */
  date: string;
}

/** A candidate fixture and the folder below the record directory it belongs in. */
export interface CandidateFixture {
  fixture: Fixture;
  /** `success`, `errors/modeled`, `errors/unknown` or `errors/non-json`: the folders the linter's `folder` rule knows. */
  folder: string;
}

// Below this length a sent value is replaced only where it stands as a whole JSON string: a
// one-letter ClientId must not rewrite every "a" of the answer.
const BARE_MIN_LENGTH = 6;

/** Each sent value replaced in text, as sent and JSON-escaped (short values only where quoted whole). */
function replaceAll(text: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let out = text;
  for (const [from, to] of replacements) {
    if (from === '') continue;
    const escaped = JSON.stringify(from).slice(1, -1);
    const escapedTo = JSON.stringify(to).slice(1, -1);
    if (from.length < BARE_MIN_LENGTH) {
      out = out.split(`"${escaped}"`).join(`"${escapedTo}"`);
      continue;
    }
    out = out.split(from).join(to);
    if (escaped !== from) out = out.split(escaped).join(escapedTo);
  }
  return out;
}

/** The request body's members as fixture params: the model's members only, each sensitive one as its placeholder. */
function paramsOf(body: string): { params: Record<string, unknown>; replacements: Array<readonly [string, string]> } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { params: {}, replacements: [] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { params: {}, replacements: [] };
  const params: Record<string, unknown> = {};
  const replacements: Array<readonly [string, string]> = [];
  for (const [name, member] of Object.entries(value)) {
    if (!INPUT_MEMBERS.has(name) || member === null) continue;
    const placeholder = PLACEHOLDERS[name];
    if (placeholder !== undefined && typeof member === 'string') {
      params[name] = placeholder;
      replacements.push([member, placeholder]);
    } else params[name] = member;
  }
  // Longest first, so a value inside another is not replaced in the middle of the longer one.
  replacements.sort((a, b) => b[0].length - a[0].length);
  return { params, replacements };
}

/** The folder whose concern the answer is: the linter's `folder` rule wants errors below a concern. */
function folderOf(response: FixtureResponse, outcome: 'success' | 'error', name: string | undefined): string {
  if (outcome === 'success') return 'success';
  if (name !== undefined) return MODELED_ERRORS.has(name) ? 'errors/modeled' : 'errors/unknown';
  return codeCarriers(response).length === 0 ? 'errors/non-json' : 'errors/unknown';
}

/** The earliest revision everything the case relies on exists in (the linter's `since` rule). */
function earliestSince(fixture: Fixture): RevisionId {
  const needed = requiredRevisions(fixture).map((need) => REVISIONS.indexOf(need.revision));
  return REVISIONS[Math.max(0, ...needed)]!;
}

function describeAnswer(fixture: Fixture): string {
  const { response, expect } = fixture;
  if (expect.outcome === 'success')
    return `HTTP ${response.code} with ${response.body === undefined || response.body === '' ? 'no body' : `the body \`${shortBody(response.body)}\``}, so the call resolves`;
  return `HTTP ${response.code} ${expect.name !== undefined ? `naming ${expect.name}` : 'naming no error code'}, so the call rejects${expect.name !== undefined ? ` with that name` : ''}`;
}

const shortBody = (body: string) => (body.length > 60 ? `${body.slice(0, 57)}...` : body).replaceAll('`', "'");

/**
 * A recorded RevokeToken exchange as a candidate fixture: the request's sensitive members
 * become the fixtures' placeholders, in the params and wherever the answer repeats them; the
 * request id and the date are normalised; the tags, expectation, folder, `since` and
 * `appliesTo` are read off the answer the way the linter reads them, so a faithful recording
 * lints clean. The documentation says it was recorded, when and from where: a reviewer
 * rewrites it to say why the outcome is right.
 */
export function recordedFixture(id: string, requestBody: string, response: ReceivedResponse, origin: RecordingOrigin): CandidateFixture {
  const { params, replacements } = paramsOf(requestBody);
  const headers: Record<string, string> = {};
  let requestId: string | undefined;
  for (const [name, value] of Object.entries(response.headers)) {
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower)) continue;
    if (REQUEST_ID_HEADERS.has(lower)) {
      requestId ??= value;
      headers[displayName(lower)] = NORMALISED_REQUEST_ID;
    } else if (lower === 'date') headers.Date = NORMALISED_DATE;
    else headers[displayName(lower)] = replaceAll(value, replacements);
  }
  const all = requestId !== undefined ? [...replacements, [requestId, NORMALISED_REQUEST_ID] as const] : replacements;
  const recorded: FixtureResponse = {
    code: response.status,
    headers,
    ...(response.body.byteLength > 0 || response.text !== '' ? { body: replaceAll(response.text, all) } : {}),
  };
  const outcome = response.status >= 200 && response.status < 300 ? 'success' : 'error';
  const name = outcome === 'error' ? resolvedErrorCode(recorded)?.name : undefined;
  const fixture: Fixture = {
    id,
    documentation: '',
    level: 'must',
    since: '2021-06',
    source: { kind: 'observed', ref: `recorded by revoketoken-conformance proxy from ${origin.upstreamName} on ${origin.date}` },
    tags: [],
    params,
    response: recorded,
    expect: outcome === 'success' ? { outcome } : { outcome, ...(name !== undefined ? { name } : {}) },
  };
  const derived = facts(fixture);
  fixture.tags = DERIVED_TAGS.filter((tag) => tag.when(fixture, derived)).map((tag) => tag.tag);
  fixture.since = earliestSince(fixture);
  if (serverRuleBroken(fixture) !== undefined) fixture.appliesTo = 'client';
  fixture.documentation = `Recorded on ${origin.date} from ${origin.upstreamName} through the judging proxy: ${describeAnswer(fixture)}. Review before submitting: say what the case shows and why the outcome is right.`;
  return { fixture: ordered(fixture), folder: folderOf(recorded, outcome, name) };
}

/** The header's usual spelling, so a recorded file reads like the hand-written ones. */
function displayName(lower: string): string {
  if (lower === 'x-amzn-requestid') return 'x-amzn-RequestId';
  if (lower === 'x-amzn-errortype') return 'x-amzn-ErrorType';
  return lower.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

/** The fields in the order the hand-written fixtures use. */
function ordered(f: Fixture): Fixture {
  return {
    id: f.id,
    documentation: f.documentation,
    level: f.level,
    since: f.since,
    source: f.source,
    tags: f.tags,
    ...(f.appliesTo !== undefined ? { appliesTo: f.appliesTo } : {}),
    params: f.params,
    response: f.response,
    expect: f.expect,
  };
}
