// Reads the official awsJson1_1 cases out of botocore's converted files (tests/unit/protocols/
// {input,output}/json.json) into one flat list. botocore's format: a list of suites, each with
// the shapes of one test operation and its cases; request cases carry `params` and
// `serialized`, response cases `response` plus `result` (success) or `errorCode` and `error`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { casesDirFor, ensureOfficialCases } from './fetch.mjs';

export type Direction = 'request' | 'response';

interface CaseBase {
  readonly id: string;
  /** botocore's suite description, e.g. `Test cases for KitchenSinkOperation operation`. */
  readonly suite: string;
  readonly description?: string;
}

/** An httpRequestTests case: what the client must send for `params`. */
export interface OfficialRequestCase extends CaseBase {
  readonly direction: 'request';
  readonly params: Record<string, unknown>;
  readonly method: string;
  readonly uri: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly requireHeaders: readonly string[];
  readonly forbidHeaders: readonly string[];
  readonly body?: string;
  /** The endpoint the client is configured with, when the case sets one (a host, maybe with a path). */
  readonly clientEndpoint?: string;
  readonly host?: string;
}

/** An httpResponseTests case: what the client must make of this answer. */
export interface OfficialResponseCase extends CaseBase {
  readonly direction: 'response';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly outcome: 'success' | 'error';
  /** The error's shape name the client must surface (error cases). */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** Members of the error's shape in the test model (error cases). */
  readonly errorShapeMembers?: readonly string[];
}

export type OfficialCase = OfficialRequestCase | OfficialResponseCase;

export interface OfficialCaseSet {
  readonly dir: string;
  readonly request: readonly OfficialRequestCase[];
  readonly response: readonly OfficialResponseCase[];
  /** Ids botocore's protocol-tests-ignore-list.json skips for the `json` protocol. */
  readonly botocoreSkips: { readonly request: readonly string[]; readonly response: readonly string[] };
}

type Json = Record<string, unknown>;

function asObject(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: expected an object`);
  return value as Json;
}

function stringMap(value: unknown, where: string): Record<string, string> {
  const entries = Object.entries(value === undefined ? {} : asObject(value, where));
  for (const [name, v] of entries) if (typeof v !== 'string') throw new Error(`${where}.${name}: expected a string`);
  return Object.fromEntries(entries) as Record<string, string>;
}

function suitesIn(path: string): Json[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a list of suites`);
  return parsed.map((suite, i) => asObject(suite, `${path}[${i}]`));
}

function readRequestCases(path: string): OfficialRequestCase[] {
  return suitesIn(path).flatMap((suite, i) =>
    (suite.cases as Json[]).map((c, j): OfficialRequestCase => {
      const where = `${path}[${i}].cases[${j}]`;
      const serialized = asObject(c.serialized, `${where}.serialized`);
      return {
        direction: 'request',
        id: String(c.id),
        suite: String(suite.description),
        ...(typeof c.description === 'string' ? { description: c.description } : {}),
        params: asObject(c.params ?? {}, `${where}.params`),
        method: String(serialized.method),
        uri: String(serialized.uri),
        headers: stringMap(serialized.headers, `${where}.serialized.headers`),
        requireHeaders: (serialized.requireHeaders as string[] | undefined) ?? [],
        forbidHeaders: (serialized.forbidHeaders as string[] | undefined) ?? [],
        ...(typeof serialized.body === 'string' ? { body: serialized.body } : {}),
        ...(typeof suite.clientEndpoint === 'string' ? { clientEndpoint: suite.clientEndpoint } : {}),
        ...(typeof serialized.host === 'string' ? { host: serialized.host } : {}),
      };
    }),
  );
}

function readResponseCases(path: string): OfficialResponseCase[] {
  return suitesIn(path).flatMap((suite, i) =>
    (suite.cases as Json[]).map((c, j): OfficialResponseCase => {
      const where = `${path}[${i}].cases[${j}]`;
      const response = asObject(c.response, `${where}.response`);
      const isError = typeof c.errorCode === 'string';
      const shapes = asObject(suite.shapes ?? {}, `${path}[${i}].shapes`);
      const errorShape = isError ? (shapes[c.errorCode as string] as Json | undefined) : undefined;
      return {
        direction: 'response',
        id: String(c.id),
        suite: String(suite.description),
        ...(typeof c.description === 'string' ? { description: c.description } : {}),
        status: Number(response.status_code),
        headers: stringMap(response.headers, `${where}.response.headers`),
        ...(typeof response.body === 'string' ? { body: response.body } : {}),
        outcome: isError ? 'error' : 'success',
        ...(isError ? { errorCode: c.errorCode as string, errorShapeMembers: Object.keys((errorShape?.members as Json | undefined) ?? {}) } : {}),
        ...(typeof c.errorMessage === 'string' ? { errorMessage: c.errorMessage } : {}),
      };
    }),
  );
}

function readSkips(path: string): OfficialCaseSet['botocoreSkips'] {
  const list = asObject(JSON.parse(readFileSync(path, 'utf8')), path);
  const json = ((list.protocols as Json | undefined)?.json ?? {}) as Json;
  const ids = (side: unknown) => (((side as Json | undefined)?.cases as string[] | undefined) ?? []).map(String);
  return { request: ids(json.input), response: ids(json.output) };
}

/** Reads the cases from `dir` (a folder laid out like botocore's tests/unit/protocols parent). */
export function readOfficialCases(dir: string): OfficialCaseSet {
  const protocols = join(dir, 'tests', 'unit', 'protocols');
  return {
    dir,
    request: readRequestCases(join(protocols, 'input', 'json.json')),
    response: readResponseCases(join(protocols, 'output', 'json.json')),
    botocoreSkips: readSkips(join(protocols, 'protocol-tests-ignore-list.json')),
  };
}

/** The cases of the pinned botocore, fetched into .cache/ first when they are not there yet. */
export function loadOfficialCases(options: { fetch?: boolean } = {}): OfficialCaseSet {
  const dir = options.fetch === false ? casesDirFor() : ensureOfficialCases().dir;
  return readOfficialCases(dir);
}
