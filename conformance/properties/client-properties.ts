import fc from 'fast-check';
import type { Case } from '../fixtures/case.ts';
import type { FixtureExpectation } from '../fixtures/types.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, RETRYABLE_ERROR_NAMES } from '../protocol/aws-json.ts';
import { callerRequest, MODEL_ERRORS, validRequest } from './model-inputs.ts';
import type { PropertyDefinition } from './property.ts';
import {
  type CarriersAnswer,
  CONTENT_TYPE_VARIANTS,
  type CodeVariant,
  type ContentTypeVariant,
  carriersName,
  carriersResponse,
  contentTypeHeaders,
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

/**
 * What a caller in any language can pass, sent as given: a Token with whitespace around it, U+0000
 * and other controls, lone surrogates (JSON.stringify writes them as \\udXXX escapes, which parse
 * back to the same code unit: C8 compares the parsed value, so an escape passes and a U+FFFD in its
 * place fails), characters outside the BMP. Such input breaks the Token pattern, so the answer is
 * the service's InvalidParameterException; a client that rejects it before sending is C11's to
 * judge (should), one that sends something else is C8's, one that changes the caller's object
 * is A9's.
 */
export const callerStrings: PropertyDefinition = {
  id: 'caller-strings',
  title:
    'strings with surrounding whitespace, U+0000 and other controls, lone surrogates and non-BMP characters go on the wire as given (C8), the input untouched (A9)',
  level: 'must',
  tags: ['C8', 'C9', 'A9', 'request'],
  runs: 30,
  cases: (capabilities) =>
    fc.record({ params: callerRequest(capabilities), requestId: requestIdArb }).map(
      ({ params, requestId }): GeneratedCase => ({
        id: 'caller-strings',
        level: 'must',
        tags: ['C8', 'C9', 'caller-strings'],
        params,
        response: errorResponse({
          name: 'InvalidParameterException',
          status: 400,
          variant: 'dunder-bare',
          message: { kind: 'message', text: '1 validation error detected' },
          extras: {},
          cognitoHeaders: true,
          requestId,
        }),
        expect: { outcome: 'error' },
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

function modeledErrorCase(
  variants: readonly CodeVariant[],
  messageKinds: ReadonlyArray<MessageVariant['kind']>,
  level: 'must' | 'should',
  id: string,
  contentTypes: readonly ContentTypeVariant[] = ['protocol'],
) {
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
        contentType: fc.constantFrom(...contentTypes),
      })
      .map(({ params, error, observedStatus, variant, messageKind, text, extras, cognitoHeaders, requestId, contentType }): GeneratedCase => {
        // The observed status and the model's: clients must not care, both are generated.
        const status = observedStatus ? observedStatusOf(error) : error.status;
        // A header-only error has no body, so no message to surface.
        const message: MessageVariant = messageKind === 'absent' || variant === 'header-only' ? { kind: 'absent' } : { kind: messageKind, text };
        const answer: ErrorAnswer = { name: error.name, status, variant, message, extras, cognitoHeaders, requestId, contentType };
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

/**
 * The wider awsJson1_1 rules: header-only errors, a `code` field, a capitalised `Message`, and
 * every Content-Type a JSON error body comes with (with `; charset=utf-8`, `application/json` as
 * cognito-local sends, none): the code is in the body whatever the Content-Type says.
 */
export const modeledErrorsWireVariants: PropertyDefinition = {
  id: 'modeled-errors-wire-variants',
  title:
    'every modeled error sent as X-Amzn-Errortype only, as a body code field, with a :URI suffix, with Message capitalised, or with any Content-Type (charset, application/json, none) surfaces its name and message',
  level: 'should',
  tags: ['C14', 'C15', 'C19', 'C21', 'error'],
  runs: 80,
  cases: modeledErrorCase(
    [...MUST_VARIANTS, ...SHOULD_VARIANTS],
    ['message', 'Message', 'absent'],
    'should',
    'modeled-errors-wire-variants',
    CONTENT_TYPE_VARIANTS,
  ),
};

const NOT_RETRYABLE_NAMES = MODEL_ERRORS.map((e) => e.name).filter((name) => !RETRYABLE_ERROR_NAMES.has(name));

/** Codes a precedence case puts in its carriers: modeled names and unknown ones, in the forms the carriers take. */
const carrierCode = (name: string) =>
  fc.constantFrom(name, `${name}:`, `com.amazonaws.cognitoidentityprovider#${name}`, `${name}:http://internal.amazon.com/coral/com.amazon.coral.validate/`);

/**
 * Decision (issue 17): when X-Amzn-Errortype, the body's `code` and its `__type` name different
 * errors, the header wins, then `code`, then `__type` (resolveErrorCode: Smithy's test
 * documentation, js-v3 loadRestJsonErrorCode, smithy-rs json_errors.rs). It is C14's order made
 * explicit, judged at should level: the awsJson1_1 text itself gives no order, and botocore
 * reads `__type` alone (protocol.md 1.6, 5.3).
 */
export const errorCodePrecedence: PropertyDefinition = {
  id: 'error-code-precedence',
  title: 'an error naming different codes in X-Amzn-Errortype, body code and body __type surfaces the header one, else code, else __type',
  level: 'should',
  tags: ['C14', 'error'],
  runs: 30,
  cases: (capabilities) =>
    fc
      .record({
        params: validRequest(capabilities),
        // Names no client retries, under statuses no client retries: a client that reads another
        // carrier must show as a wrong name (C14), not as a retry of an error it thinks transient (A3).
        names: fc.shuffledSubarray(NOT_RETRYABLE_NAMES, { minLength: 3, maxLength: 3 }),
        carriers: fc.constantFrom<ReadonlyArray<'header' | 'code' | '__type'>>(
          ['header', 'code'],
          ['header', '__type'],
          ['code', '__type'],
          ['header', 'code', '__type'],
        ),
        status: fc.constantFrom(400, 403),
        requestId: requestIdArb,
      })
      .chain(({ params, names, carriers, status, requestId }) =>
        fc.tuple(carrierCode(names[0]!), carrierCode(names[1]!), carrierCode(names[2]!)).map(([header, code, dunderType]): GeneratedCase => {
          const answer: CarriersAnswer = {
            status,
            requestId,
            // One cause at a time: the Content-Type variants are modeled-errors-wire-variants' to vary.
            contentType: 'protocol',
            ...(carriers.includes('header') ? { header } : {}),
            ...(carriers.includes('code') ? { code } : {}),
            ...(carriers.includes('__type') ? { dunderType } : {}),
          };
          const name = carriersName(answer)!;
          return {
            id: 'error-code-precedence',
            level: 'should',
            tags: ['C14'],
            params,
            response: carriersResponse(answer),
            expect: { outcome: 'error', name, statusCode: status, requestId },
          };
        }),
      ),
};

/**
 * Any 2xx answer resolves (protocol.md checklist C12: "A 2xx response yields an empty
 * RevokeTokenResponse", the Content-Type "may be absent or carry parameters"; C13: only non-2xx
 * is an error): 200, and the 201, 202 and 204 a proxy or emulator may send, with unknown members,
 * `{}` or no body (204 never has one), under every Content-Type a JSON body arrives with.
 */
export const successUnknownMembers: PropertyDefinition = {
  id: 'success-unknown-members',
  title: 'a 2xx answer (200, 201, 202, 204) with arbitrary unknown members, {} or no body, under any Content-Type (charset, application/json, none), resolves',
  level: 'must',
  tags: ['C12', 'success'],
  runs: 40,
  cases: (capabilities) =>
    fc
      .record({
        params: validRequest(capabilities),
        members: fc.option(unknownMembers, { nil: undefined }),
        // Shrinks towards 200 and the protocol's Content-Type: what the real service sends.
        status: fc.constantFrom(200, 201, 202, 204),
        contentType: fc.constantFrom(...CONTENT_TYPE_VARIANTS),
      })
      .map(({ params, members, status, contentType }): GeneratedCase => {
        const headers = contentTypeHeaders(contentType);
        return {
          id: 'success-unknown-members',
          level: 'must',
          tags: ['C12'],
          params,
          response: members === undefined || status === 204 ? { code: status, headers } : { code: status, headers, body: JSON.stringify(members) },
          expect: { outcome: 'success' },
        };
      }),
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
