import fc from 'fast-check';
import type { Case } from '../fixtures/case.ts';
import type { FixtureExpectation } from '../fixtures/types.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, RETRYABLE_ERROR_NAMES } from '../protocol/aws-json.ts';
import { MODEL_ERRORS, validRequest } from './model-inputs.ts';
import type { PropertyDefinition } from './property.ts';
import {
  type CodeVariant,
  type ErrorAnswer,
  errorResponse,
  type MessageVariant,
  MUST_VARIANTS,
  messageText,
  requestIdArb,
  SHOULD_VARIANTS,
  unknownMembers,
  VARIANT_RULE,
} from './wire-errors.ts';

type GeneratedCase = Omit<Case, 'origin'>;
const SUCCESS_HEADERS = { 'Content-Type': AWS_JSON_1_1_CONTENT_TYPE };

/** For all valid inputs the wire request is exactly right, and a `{}` answer resolves. */
export const requestWire: PropertyDefinition = {
  id: 'request-wire',
  title: 'every valid input goes on the wire exactly as the model says (C1-C9) and {} resolves (C12)',
  level: 'must',
  tags: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8', 'C9', 'C12', 'request'],
  runs: 60,
  cases: (capabilities) =>
    validRequest(capabilities).map(
      (params): GeneratedCase => ({
        id: 'request-wire',
        level: 'must',
        tags: ['C8', 'C9'],
        params,
        response: { code: 200, headers: SUCCESS_HEADERS, body: '{}' },
        expect: { outcome: 'success' },
      }),
    ),
};

// Shrinking goes to the first error listed: those whose observed status differs from the
// model's come first, since a client that reads the status (C18) goes wrong on them.
const ERRORS_OBSERVED_ELSEWHERE_FIRST = [...MODEL_ERRORS].sort((a, b) => Number(observedStatusOf(a) === a.status) - Number(observedStatusOf(b) === b.status));

/** Cognito is seen answering 400 for most errors (403 for WAF, 500 for internal ones); the model says otherwise for some. */
function observedStatusOf(error: (typeof MODEL_ERRORS)[number]): number {
  return error.status === 403 || error.status >= 500 ? error.status : 400;
}

function modeledErrorCase(variants: readonly CodeVariant[], messageKinds: ReadonlyArray<MessageVariant['kind']>, level: 'must' | 'should', id: string) {
  return (capabilities: Parameters<PropertyDefinition['cases']>[0]) =>
    fc
      .record({
        params: validRequest(capabilities),
        error: fc.constantFrom(...ERRORS_OBSERVED_ELSEWHERE_FIRST),
        // Shrinks towards the observed status: what the real service sends.
        observedStatus: fc.boolean().map((modeled) => !modeled),
        variant: fc.constantFrom(...variants),
        messageKind: fc.constantFrom(...messageKinds),
        text: messageText,
        extras: fc.oneof(fc.constant({}), unknownMembers),
        cognitoHeaders: fc.boolean(),
        requestId: requestIdArb,
      })
      .map(({ params, error, observedStatus, variant, messageKind, text, extras, cognitoHeaders, requestId }): GeneratedCase => {
        // The observed status and the model's: clients must not care, both are generated.
        const status = observedStatus ? observedStatusOf(error) : error.status;
        // A header-only error has no body, so no message to surface.
        const message: MessageVariant = messageKind === 'absent' || variant === 'header-only' ? { kind: 'absent' } : { kind: messageKind, text };
        const answer: ErrorAnswer = { name: error.name, status, variant, message, extras, cognitoHeaders, requestId };
        const expect: FixtureExpectation = {
          outcome: 'error',
          name: error.name,
          ...(message.kind !== 'absent' ? { message: message.text } : {}),
          statusCode: status,
          requestId,
        };
        return {
          id,
          level,
          // A status other than the model's is where a client that reads the status goes wrong.
          tags: [VARIANT_RULE[variant], ...(status !== error.status ? ['C18'] : []), ...(message.kind === 'Message' ? ['C21'] : [])],
          params,
          response: errorResponse(answer),
          expect,
        };
      });
}

/** Each modeled error, as Cognito and current SDKs exchange it, surfaces by name and message. */
export const modeledErrors: PropertyDefinition = {
  id: 'modeled-errors',
  title: 'every modeled error x __type (bare or namespaced) x status (400 or modeled) x message present/absent x extra members surfaces its name and message',
  level: 'must',
  tags: ['C13', 'C15', 'C16', 'C18', 'C20', 'C21', 'C24', 'error'],
  runs: 120,
  cases: modeledErrorCase(MUST_VARIANTS, ['message', 'absent'], 'must', 'modeled-errors'),
};

/** The wider awsJson1_1 rules: header-only errors, a `code` field, a capitalised `Message`. */
export const modeledErrorsWireVariants: PropertyDefinition = {
  id: 'modeled-errors-wire-variants',
  title:
    'every modeled error sent as X-Amzn-Errortype only, as a body code field, with a :URI suffix, or with Message capitalised surfaces its name and message',
  level: 'should',
  tags: ['C14', 'C15', 'C19', 'C21', 'error'],
  runs: 80,
  cases: modeledErrorCase(SHOULD_VARIANTS, ['message', 'Message', 'absent'], 'should', 'modeled-errors-wire-variants'),
};

/** A 2xx answer with members the client does not know must still resolve. */
export const successUnknownMembers: PropertyDefinition = {
  id: 'success-unknown-members',
  title: 'a 200 answer with arbitrary unknown members, or with no body at all, resolves',
  level: 'must',
  tags: ['C12', 'success'],
  runs: 40,
  cases: (capabilities) =>
    fc.record({ params: validRequest(capabilities), members: fc.option(unknownMembers, { nil: undefined }) }).map(
      ({ params, members }): GeneratedCase => ({
        id: 'success-unknown-members',
        level: 'must',
        tags: ['C12'],
        params,
        response: members === undefined ? { code: 200, headers: SUCCESS_HEADERS } : { code: 200, headers: SUCCESS_HEADERS, body: JSON.stringify(members) },
        expect: { outcome: 'success' },
      }),
    ),
};

const modeledNames = new Set(MODEL_ERRORS.map((e) => e.name));
/** Error codes no model revision has: identifiers in the usual Exception naming. */
const unknownCode = fc
  .tuple(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), fc.stringMatching(/^[A-Z][a-z]{2,8}$/))
  .map(([a, b]) => `${a}${b}Exception`)
  .filter((code) => !modeledNames.has(code));

/** An error code the client has never heard of rejects with that code as the name. */
export const unknownErrorCodes: PropertyDefinition = {
  id: 'unknown-error-codes',
  title: 'an unknown error code (any status, with or without message) rejects with that code as the name and never resolves',
  level: 'must',
  tags: ['C13', 'C22', 'error'],
  runs: 40,
  cases: (capabilities) =>
    fc
      .record({
        params: validRequest(capabilities),
        code: unknownCode,
        status: fc.constantFrom(400, 401, 403, 404, 409, 429, 500, 503),
        text: fc.option(messageText, { nil: undefined }),
        requestId: requestIdArb,
      })
      .map(
        ({ params, code, status, text, requestId }): GeneratedCase => ({
          id: 'unknown-error-codes',
          level: 'must',
          tags: ['C22'],
          params,
          response: errorResponse({
            name: code,
            status,
            variant: 'dunder-bare',
            message: text === undefined ? { kind: 'absent' } : { kind: 'message', text },
            extras: {},
            cognitoHeaders: true,
            requestId,
          }),
          expect: { outcome: 'error', name: code },
        }),
      ),
};

const nonJsonBody = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `<html><body><h1>${s}</h1></body></html>`),
  fc.constantFrom('Bad Gateway', 'upstream connect error or disconnect/reset before headers', '{"__type":', '<?xml version="1.0"?><Error/>'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** A proxy's HTML page or a truncated body must reject, not resolve or hang. */
export const nonJsonBodies: PropertyDefinition = {
  id: 'non-json-bodies',
  title: 'a non-JSON error body (proxy page, truncated JSON, plain text) rejects promptly',
  level: 'must',
  tags: ['C13', 'C23', 'error'],
  runs: 30,
  cases: (capabilities) =>
    fc
      .record({
        params: validRequest(capabilities),
        status: fc.constantFrom(400, 403, 500, 502, 503, 504),
        body: nonJsonBody,
        contentType: fc.constantFrom('text/html', 'text/plain', 'application/x-amz-json-1.1'),
      })
      .map(
        ({ params, status, body, contentType }): GeneratedCase => ({
          id: 'non-json-bodies',
          level: 'must',
          tags: ['C23'],
          params,
          response: { code: status, headers: { 'Content-Type': contentType }, body },
          expect: { outcome: 'error' },
        }),
      ),
};

/** Where the adapter declares cancellation: an aborted call rejects promptly and sends nothing more. */
export const cancellation: PropertyDefinition = {
  id: 'cancellation',
  title: 'an aborted call rejects promptly and sends no further request',
  level: 'must',
  tags: ['A2', 'cancellation'],
  runs: 10,
  notApplicable: (c) => (c.cancellation ? undefined : 'the adapter does not declare cancellation'),
  cases: (capabilities) =>
    validRequest(capabilities).map(
      (params): GeneratedCase => ({
        id: 'cancellation',
        level: 'must',
        tags: ['A2'],
        params,
        response: 'hang',
        mode: 'cancel',
        expect: { outcome: 'error' },
      }),
    ),
};

/** Where the adapter declares retries: throttling and transient errors within the bound, others once. */
export const retries: PropertyDefinition = {
  id: 'retries',
  title: 'retryable errors (TooManyRequests, InternalError, 5xx) are retried within the declared bound; others are not retried',
  level: 'must',
  tags: ['A3', 'retries'],
  runs: 30,
  notApplicable: (c) => (c.retries ? undefined : 'the adapter does not declare retries'),
  cases: (capabilities) =>
    fc
      .record({ params: validRequest(capabilities), error: fc.constantFrom(...MODEL_ERRORS), observedStatus: fc.boolean(), requestId: requestIdArb })
      .map(({ params, error, observedStatus, requestId }): GeneratedCase => {
        const status = observedStatus && !RETRYABLE_ERROR_NAMES.has(error.name) ? 400 : error.status;
        return {
          id: 'retries',
          level: 'must',
          tags: ['A3', 'C20'],
          params,
          response: errorResponse({
            name: error.name,
            status,
            variant: 'dunder-bare',
            message: { kind: 'message', text: 'fake failure' },
            extras: {},
            cognitoHeaders: true,
            requestId,
          }),
          expect: { outcome: 'error', name: error.name },
        };
      }),
};
