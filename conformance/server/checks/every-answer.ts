import { fail, pass } from '../../judging/check.ts';
import { AWS_JSON_1_1_CONTENT_TYPE } from '../../protocol/aws-json.ts';
import { isJsonObject, jsonBodyOf, mediaTypeOf, snippet } from '../wire/exchange.ts';
import { resolveErrorType } from './error-type.ts';
import { s13NoInternals } from './leaks.ts';
import { REQUEST_ID_HEADERS, s14RequestId } from './request-id.ts';
import { isSuccess, type ServerCheck, type ServerObservation } from './server-check.ts';

// These checks judge the run's log of every answer, of every operation (the last case), where
// the per-case checks judge RevokeToken answers only.
const logged = (o: ServerObservation): boolean => o.ledger !== undefined && o.exchange.response !== undefined;

// Error types that are the server's fault; every other error is the caller's and takes a 4xx.
const SERVER_FAULTS = new Set(['InternalErrorException', 'InternalFailure', 'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException']);

/** S12 (must), for every operation: a client error comes with a 4xx status, never a 5xx or a 2xx. @internal */
export const s12EveryOperation: ServerCheck = {
  name: 's12EveryOperation',
  rules: ['S12'],
  aspect: 'every operation: a client-fault error comes with a 4xx status',
  level: () => 'must',
  appliesTo: (o) => logged(o) && resolveErrorType(o.exchange.response!) !== undefined,
  evaluate(o) {
    const response = o.exchange.response!;
    const type = resolveErrorType(response)!.name;
    if (SERVER_FAULTS.has(type)) return pass;
    return response.status >= 400 && response.status < 500 ? pass : fail(`a 4xx status for ${type} (${o.operation})`, `status ${response.status}`);
  },
};

/** S13 (must), for every operation: no HTML page, stack trace or file path. @internal */
export const s13EveryOperation: ServerCheck = { ...s13NoInternals, name: 's13EveryOperation', appliesTo: logged };

/** S14 (must), for every operation: a request id on every answer. @internal */
export const s14EveryOperation: ServerCheck = { ...s14RequestId, name: 's14EveryOperation', appliesTo: logged };

/** S16 (must): no two answers of the run share a request id. @internal */
export const s16UniqueRequestId: ServerCheck = {
  name: 's16UniqueRequestId',
  rules: ['S16'],
  level: () => 'must',
  appliesTo: (o) => logged(o) && REQUEST_ID_HEADERS.some((name) => (o.exchange.response!.headers[name] ?? '').trim() !== ''),
  evaluate(o) {
    return o.ledger!.repeatedRequestId ? fail('a request id of its own', 'the request id of an earlier answer of the run') : pass;
  },
};

// Shorter values occur in ordinary text (the same bound as P1).
const MIN_KNOWN_LENGTH = 8;

/** A retry of GetTokensFromRefreshToken within the grace period may hand back the token the first call rotated in (undocumented either way). */
function handedBackRefreshToken(o: ServerObservation): string | undefined {
  if (o.operation !== 'GetTokensFromRefreshToken' || !isSuccess(o.exchange.response!.status)) return undefined;
  const body = jsonBodyOf(o.exchange.response!);
  const result = body.kind === 'json' && isJsonObject(body.value) ? body.value['AuthenticationResult'] : undefined;
  return isJsonObject(result) && typeof result['RefreshToken'] === 'string' ? result['RefreshToken'] : undefined;
}

/**
 * P2 (must): no answer, of any operation, carries a token, client secret or password the run
 * knew before it sent the request: not another user's or session's token, not the token the
 * request presented, not a secret in an error message or a header.
 * @internal
 */
export const p2NoKnownSecret: ServerCheck = {
  name: 'p2NoKnownSecret',
  rules: ['P2'],
  level: () => 'must',
  appliesTo: (o) => logged(o) && o.ledger!.knownBefore.some((value) => value.length >= MIN_KNOWN_LENGTH),
  evaluate(o) {
    const response = o.exchange.response!;
    const places: ReadonlyArray<readonly [string, string]> = [
      ['the body', response.text],
      ...Object.entries(response.headers).map(([name, value]) => [`the ${name} header`, value] as const),
    ];
    const allowed = handedBackRefreshToken(o);
    // One haystack, searched once per value; the place is looked up only for a hit.
    const haystack = places.map(([, text]) => text).join('\n');
    for (const value of o.ledger!.knownBefore) {
      if (value.length < MIN_KNOWN_LENGTH || value === allowed) continue;
      const escaped = JSON.stringify(value).slice(1, -1);
      const forms = escaped === value ? [value] : [value, escaped];
      if (!forms.some((form) => haystack.includes(form))) continue;
      // The value is never printed: a report would carry it even where redaction is off.
      const where = places.find(([, text]) => forms.some((form) => text.includes(form)))?.[0] ?? 'the answer';
      return fail(`no token, secret or password the run knew in the ${o.operation} answer`, `one appears in ${where}`);
    }
    return pass;
  },
};

const DEFAULT_FLOWS = ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'];

/** The prefix of the defaults client's name (provision/world.ts), by which the log finds its creation. @internal */
export const DEFAULTS_CLIENT_NAME = /^rt-defaults-/;

function requestJson(o: ServerObservation): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(o.exchange.request.body));
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * R12 (must): the app client created with only its required members describes the documented
 * defaults: no secret, token revocation on, and the three default flows. Members the answer
 * leaves out are not judged; what it states must be the default.
 * @internal
 */
export const r12ClientDefaults: ServerCheck = {
  name: 'r12ClientDefaults',
  rules: ['R12'],
  aspect: 'the creation answer of a client with its optional members left out states the documented defaults',
  level: () => 'must',
  appliesTo: (o) =>
    logged(o) &&
    o.operation === 'CreateUserPoolClient' &&
    isSuccess(o.exchange.response!.status) &&
    DEFAULTS_CLIENT_NAME.test(String(requestJson(o)?.['ClientName'] ?? '')),
  evaluate(o) {
    const body = jsonBodyOf(o.exchange.response!);
    const client = body.kind === 'json' && isJsonObject(body.value) ? body.value['UserPoolClient'] : undefined;
    if (!isJsonObject(client)) return fail('a UserPoolClient in the answer', 'none');
    const wrong: string[] = [];
    if (client['ClientSecret'] !== undefined) wrong.push('a ClientSecret (GenerateSecret defaults to false)');
    if (client['EnableTokenRevocation'] !== undefined && client['EnableTokenRevocation'] !== true) wrong.push('EnableTokenRevocation not true');
    const flows = client['ExplicitAuthFlows'];
    if (flows !== undefined && JSON.stringify(Array.isArray(flows) ? [...flows].sort() : flows) !== JSON.stringify(DEFAULT_FLOWS))
      wrong.push(`ExplicitAuthFlows ${JSON.stringify(flows)}`);
    return wrong.length === 0 ? pass : fail(`the documented defaults (no secret, revocation on, ${DEFAULT_FLOWS.join(', ')})`, wrong.join('; '));
  },
};

/** The members a success of each operation the run calls must carry, as the Cognito API reference gives them. */
function shapeProblems(operation: string, output: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const result = output['AuthenticationResult'];
  const tokens = (names: readonly string[]) => {
    if (!isJsonObject(result)) return problems.push('no AuthenticationResult');
    for (const name of names) if (typeof result[name] !== 'string' || result[name] === '') problems.push(`AuthenticationResult.${name} is not a string`);
    if (typeof result['ExpiresIn'] !== 'number') problems.push('AuthenticationResult.ExpiresIn is not a number');
    if (result['TokenType'] !== 'Bearer') problems.push(`AuthenticationResult.TokenType is ${JSON.stringify(result['TokenType'])}, not "Bearer"`);
  };
  if (operation === 'InitiateAuth') {
    // A sign-in may answer a challenge instead; a result needs all its members.
    if (typeof output['ChallengeName'] !== 'string') tokens(['AccessToken', 'IdToken']);
  } else if (operation === 'GetTokensFromRefreshToken') {
    tokens(['AccessToken', 'IdToken']);
  } else if (operation === 'GetUser') {
    if (typeof output['Username'] !== 'string') problems.push('Username is not a string');
    if (!Array.isArray(output['UserAttributes'])) problems.push('UserAttributes is not a list');
  } else if (operation === 'CreateUserPoolClient') {
    const client = output['UserPoolClient'];
    if (!isJsonObject(client) || typeof client['ClientId'] !== 'string') problems.push('UserPoolClient.ClientId is not a string');
  } else if (operation === 'CreateUserPool') {
    const pool = output['UserPool'];
    if (!isJsonObject(pool) || typeof pool['Id'] !== 'string') problems.push('UserPool.Id is not a string');
  }
  return problems;
}

/**
 * S17 (must): a success of any operation the run calls comes with the protocol's Content-Type,
 * a JSON object, and the members the API reference gives that operation's output (tokens with
 * ExpiresIn and TokenType Bearer, GetUser's Username and UserAttributes, the created ids). A
 * client SDK decodes these members; one missing is a crash or an undefined in the client.
 * @internal
 */
export const s17EveryOperationShape: ServerCheck = {
  name: 's17EveryOperationShape',
  rules: ['S17'],
  level: () => 'must',
  appliesTo: (o) => logged(o) && o.operation !== 'RevokeToken' && isSuccess(o.exchange.response!.status),
  evaluate(o) {
    const response = o.exchange.response!;
    const contentType = response.headers['content-type'];
    if (mediaTypeOf(contentType) !== AWS_JSON_1_1_CONTENT_TYPE)
      return fail(
        `Content-Type: ${AWS_JSON_1_1_CONTENT_TYPE} on the ${o.operation} answer`,
        contentType === undefined ? '(no Content-Type)' : `Content-Type: ${contentType}`,
      );
    const body = jsonBodyOf(response);
    if (body.kind !== 'json' || !isJsonObject(body.value))
      return fail(`a JSON object answering ${o.operation}`, `not a JSON object: ${snippet(response.text)}`);
    const problems = shapeProblems(o.operation, body.value);
    return problems.length === 0 ? pass : fail(`the documented output of ${o.operation}`, problems.join('; '));
  },
};
