// Whether a fixture carries the same wire data and outcome as an official case, once the
// official test model's names are read as RevokeToken's. The official cases run against
// test operations (JsonProtocol.KitchenSinkOperation, the error FooError...), so a fixture can
// never repeat them byte for byte; these are the only readings allowed, everything else must
// be equal:
//
// - X-Amz-Target `JsonProtocol.<Op>` stands for RevokeToken's target.
// - The official error name stands for the error the fixture expects. In a code (`__type`,
//   `code`, X-Amzn-Errortype) the namespace of the test model (`aws.protocoltests.*`) stands
//   for Cognito's, any other namespace for a namespace other than Cognito's; the `:` suffix
//   must be the same text.
// - The status may be the official one or the model's status of the fixture's error (FooError
//   is a server error, 500; its stand-in is a RevokeToken error with its own httpError).
// - An error message member keeps its name (`message` or `Message`); its text is the fixture's
//   own fake one, which the fixture must expect. When the official error shape has no members
//   at all, the fixture may add the members its own error models (RevokeToken's `message`).
// - A response may add `x-amzn-RequestId` (every Cognito answer has one), and a request id's
//   value is the fixture's own.
// - A request's members are RevokeToken's: the body must be the fixture's params serialised
//   the way the official body serialises the official params (both empty, or both the same
//   JSON kinds of value: strings, nulls...).
//
// For a fixture, "the wire data" is what the harness sends and checks, not only what the file
// spells out: every case is checked for POST, `/`, the awsJson1_1 Content-Type and target, a
// Content-Length and a body equal to the params (conformance/checks/).
import { isDeepStrictEqual } from 'node:util';
import { expectedBody } from '../../conformance/checks/request-body.ts';
import type { Fixture } from '../../conformance/fixtures/types.ts';
import { revokeToken } from '../../conformance/model/contract.ts';
import { jsonKind } from '../../conformance/model/json-values.ts';
import { AWS_JSON_1_1_CONTENT_TYPE as CONTENT_TYPE, SIGNING_HEADERS, REVOKE_TOKEN_TARGET as TARGET } from '../../conformance/protocol/aws-json.ts';
import type { OfficialCase, OfficialRequestCase, OfficialResponseCase } from './cases.ts';

const COGNITO_NAMESPACE = revokeToken.errors[0]!.shapeId.split('#')[0]!;
const TEST_MODEL_NAMESPACE = /^aws\.protocoltests\./;
const TEST_MODEL_TARGET = /^JsonProtocol\.[A-Za-z0-9_]+$/;
const REQUEST_ID = 'x-amzn-requestid';
const ERROR_TYPE = 'x-amzn-errortype';
const CODE_MEMBERS = ['__type', 'code'];

const lower = (headers: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const show = (value: unknown) => JSON.stringify(value);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

interface ErrorCode {
  namespace?: string;
  name: string;
  suffix?: string;
}

function parseCode(value: string): ErrorCode {
  const colon = value.indexOf(':');
  const head = colon === -1 ? value : value.slice(0, colon);
  const hash = head.indexOf('#');
  return {
    ...(hash === -1 ? {} : { namespace: head.slice(0, hash) }),
    name: hash === -1 ? head : head.slice(hash + 1),
    ...(colon === -1 ? {} : { suffix: value.slice(colon) }),
  };
}

/** Differences between an official error code and the fixture's, in the reading above. */
function compareCode(where: string, official: string, ours: unknown, officialName: string, ourName: string | undefined): string[] {
  if (typeof ours !== 'string') return [`${where}: the fixture has ${show(ours)} where the case has the code ${show(official)}`];
  const a = parseCode(official);
  const b = parseCode(ours);
  const problems: string[] = [];
  if (a.name !== officialName) problems.push(`${where}: the case's code ${show(official)} does not name its error ${officialName}`);
  if (ourName === undefined || b.name !== ourName)
    problems.push(`${where}: the fixture's code ${show(ours)} does not name the error it expects (${ourName ?? 'none'})`);
  if (a.namespace === undefined && b.namespace !== undefined) problems.push(`${where}: the fixture adds the namespace ${b.namespace}#`);
  if (a.namespace !== undefined) {
    if (b.namespace === undefined) problems.push(`${where}: the case has a namespace (${a.namespace}#), the fixture none`);
    else if (TEST_MODEL_NAMESPACE.test(a.namespace) && b.namespace !== COGNITO_NAMESPACE) {
      problems.push(`${where}: the case uses its own model's namespace, which stands for ${COGNITO_NAMESPACE}, not ${b.namespace}`);
    } else if (!TEST_MODEL_NAMESPACE.test(a.namespace) && b.namespace === COGNITO_NAMESPACE) {
      problems.push(`${where}: the case uses a namespace other than its model's (${a.namespace}), the fixture Cognito's own`);
    }
  }
  if (a.suffix !== b.suffix)
    problems.push(`${where}: the suffix after ":" differs (case ${show(a.suffix ?? '(none)')}, fixture ${show(b.suffix ?? '(none)')})`);
  return problems;
}

function modelStatusOf(errorName: string | undefined): number | undefined {
  return revokeToken.errors.find((e) => e.name === errorName)?.status;
}

function compareResponse(official: OfficialResponseCase, fixture: Fixture): string[] {
  const problems: string[] = [];
  const expectedName = fixture.expect.outcome === 'error' ? fixture.expect.name : undefined;
  const expectedMessage = fixture.expect.outcome === 'error' ? fixture.expect.message : undefined;
  if (fixture.expect.outcome !== official.outcome) problems.push(`outcome: the case expects ${official.outcome}, the fixture ${fixture.expect.outcome}`);
  if (official.outcome === 'error' && expectedName === undefined)
    problems.push(`expect.name: the case expects the error ${official.errorCode}, the fixture any error`);

  const status = fixture.response.code;
  if (status !== official.status && status !== modelStatusOf(expectedName)) {
    problems.push(`status: the case has ${official.status}, the fixture ${status}, which is not the model's status of ${expectedName ?? 'its outcome'} either`);
  }

  const theirs = lower(official.headers);
  const ours = lower(fixture.response.headers);
  for (const [name, value] of Object.entries(theirs)) {
    if (!(name in ours)) problems.push(`header ${name}: the case sends ${show(value)}, the fixture nothing`);
    else if (name === ERROR_TYPE) problems.push(...compareCode(`header ${name}`, value, ours[name], official.errorCode ?? '', expectedName));
    else if (name !== REQUEST_ID && ours[name] !== value) problems.push(`header ${name}: the case sends ${show(value)}, the fixture ${show(ours[name])}`);
  }
  for (const name of Object.keys(ours)) {
    if (!(name in theirs) && name !== REQUEST_ID) problems.push(`header ${name}: the fixture adds ${show(ours[name])}`);
  }

  problems.push(...compareResponseBody(official, fixture, expectedName, expectedMessage));
  return problems;
}

function compareResponseBody(
  official: OfficialResponseCase,
  fixture: Fixture,
  expectedName: string | undefined,
  expectedMessage: string | undefined,
): string[] {
  const theirs = official.body;
  const ours = fixture.response.body;
  if (theirs === undefined || ours === undefined) {
    return theirs === ours
      ? []
      : [`body: the case has ${theirs === undefined ? 'no body' : show(theirs)}, the fixture ${ours === undefined ? 'no body' : show(ours)}`];
  }
  const a = parseJson(theirs);
  const b = parseJson(ours);
  if (!a.ok || !b.ok || theirs === '' || ours === '') {
    return theirs === ours ? [] : [`body: the case has ${show(theirs)}, the fixture ${show(ours)}`];
  }
  const objectA = a.value !== null && typeof a.value === 'object' && !Array.isArray(a.value) ? (a.value as Record<string, unknown>) : undefined;
  const objectB = b.value !== null && typeof b.value === 'object' && !Array.isArray(b.value) ? (b.value as Record<string, unknown>) : undefined;
  if (!objectA || !objectB) return isDeepStrictEqual(a.value, b.value) ? [] : [`body: the case has ${show(a.value)}, the fixture ${show(b.value)}`];

  const problems: string[] = [];
  const standIn = revokeToken.errors.find((e) => e.name === expectedName);
  const mayAdd =
    official.outcome === 'error' && official.errorShapeMembers?.length === 0 ? new Set(standIn?.members.map((m) => m.name) ?? []) : new Set<string>();
  for (const [name, value] of Object.entries(objectA)) {
    if (!(name in objectB)) {
      problems.push(`body member ${name}: the case has ${show(value)}, the fixture nothing`);
    } else if (official.outcome === 'error' && CODE_MEMBERS.includes(name) && typeof value === 'string') {
      problems.push(...compareCode(`body member ${name}`, value, objectB[name], official.errorCode ?? '', expectedName));
    } else if (official.errorMessage !== undefined && value === official.errorMessage) {
      if (objectB[name] !== expectedMessage)
        problems.push(`body member ${name}: the fixture's message ${show(objectB[name])} is not the one it expects (${show(expectedMessage)})`);
    } else if (!isDeepStrictEqual(value, objectB[name])) {
      problems.push(`body member ${name}: the case has ${show(value)}, the fixture ${show(objectB[name])}`);
    }
  }
  for (const name of Object.keys(objectB)) {
    if (!(name in objectA) && !mayAdd.has(name)) problems.push(`body member ${name}: the fixture adds ${show(objectB[name])}`);
  }
  return problems;
}

/** What the harness requires of the request in this fixture, spelled out. */
export function effectiveRequest(fixture: Fixture) {
  const params = fixture.params as Record<string, unknown>;
  return {
    method: fixture.request?.method ?? 'POST',
    // A fixture's uri is read after its endpoint's path (absent: the suite draws the endpoint).
    uri: `${fixture.endpoint === undefined ? '' : new URL(fixture.endpoint).pathname.replace(/\/$/, '')}${fixture.request?.uri ?? '/'}`,
    headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': TARGET, ...lower(fixture.request?.headers) },
    requireHeaders: new Set(['content-length', ...(fixture.request?.requireHeaders ?? []).map((h) => h.toLowerCase())]),
    forbidHeaders: new Set([...SIGNING_HEADERS, ...(fixture.request?.forbidHeaders ?? []).map((h) => h.toLowerCase())]),
    body: fixture.request?.body ?? JSON.stringify(expectedBody(params)),
    params,
  };
}

const kindsOf = (object: Record<string, unknown>) => [...new Set(Object.values(object).map(jsonKind))].sort();

function compareRequest(official: OfficialRequestCase, fixture: Fixture): string[] {
  const problems: string[] = [];
  const ours = effectiveRequest(fixture);
  const theirs = official.clientEndpoint ?? official.host;
  if (theirs !== undefined || fixture.endpoint !== undefined) {
    // Smithy's host has no scheme: the client calls it over https.
    const wanted = theirs === undefined || /^[a-z]+:\/\//.test(theirs) ? theirs : `https://${theirs}`;
    if (wanted !== fixture.endpoint) {
      problems.push(
        `endpoint: the case configures the client with ${theirs ?? 'no endpoint of its own'}, the fixture with ${fixture.endpoint ?? 'the endpoint the suite draws'}`,
      );
    }
  }
  if (official.method !== ours.method) problems.push(`method: the case sends ${official.method}, the fixture ${ours.method}`);
  if (official.uri !== ours.uri) problems.push(`uri: the case sends ${official.uri}, the fixture ${ours.uri}`);
  for (const [name, value] of Object.entries(lower(official.headers))) {
    const wanted = name === 'x-amz-target' && TEST_MODEL_TARGET.test(value) ? TARGET : value;
    const actual = ours.headers[name as keyof typeof ours.headers];
    if (actual !== wanted)
      problems.push(
        `header ${name}: the case requires ${show(value)}${wanted === value ? '' : ` (${show(wanted)} here)`}, the fixture ${actual === undefined ? 'nothing' : show(actual)}`,
      );
  }
  for (const name of official.requireHeaders)
    if (!ours.requireHeaders.has(name.toLowerCase())) problems.push(`header ${name}: the case requires it, the fixture does not`);
  for (const name of official.forbidHeaders)
    if (!ours.forbidHeaders.has(name.toLowerCase())) problems.push(`header ${name}: the case forbids it, the fixture does not`);

  if (official.body !== undefined) {
    const a = parseJson(official.body);
    const b = parseJson(ours.body);
    if (!a.ok || !b.ok) {
      if (official.body !== ours.body) problems.push(`body: the case sends ${show(official.body)}, the fixture ${show(ours.body)}`);
    } else {
      const body = a.value as Record<string, unknown>;
      const ourBody = b.value as Record<string, unknown>;
      if (!isDeepStrictEqual(ourBody, expectedBody(ours.params))) problems.push(`body: the fixture's body ${show(ourBody)} is not its params serialised`);
      const emptyA = Object.keys(body).length === 0;
      const emptyB = Object.keys(ourBody).length === 0;
      if (emptyA !== emptyB) problems.push(`body: the case sends ${show(body)}, the fixture ${show(ourBody)}`);
      const paramKinds = [kindsOf(official.params), kindsOf(ours.params)];
      const bodyKinds = [kindsOf(body), kindsOf(ourBody)];
      if (!isDeepStrictEqual(paramKinds[0], paramKinds[1]))
        problems.push(`params: the case sets members of kinds ${show(paramKinds[0])}, the fixture ${show(paramKinds[1])}`);
      if (!isDeepStrictEqual(bodyKinds[0], bodyKinds[1]))
        problems.push(`body: the case's members are of kinds ${show(bodyKinds[0])}, the fixture's ${show(bodyKinds[1])}`);
    }
  }
  return problems;
}

/**
 * The ways `fixture` differs from `official`, one line each; an empty list means the fixture
 * carries the case's wire data and outcome.
 */
export function compareWithOfficialCase(official: OfficialCase, fixture: Fixture): string[] {
  return official.direction === 'request' ? compareRequest(official, fixture) : compareResponse(official, fixture);
}
