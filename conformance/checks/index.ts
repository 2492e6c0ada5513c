import { a1OneRequestPerCall, a2Cancellation, a3RetryBound, a4Settles, a5NoCrash, f1FixtureRequest } from './adapter-behaviour.ts';
import { a8NothingAfterSettled } from './after-settled.ts';
import { a9CallerInputUnchanged } from './caller-input.ts';
import type { ClientCheck } from './check.ts';
import { a7Endpoint } from './endpoint.ts';
import { errorName } from './error-name.ts';
import { a6NoNetwork } from './network.ts';
import { c12Success, c13NonSuccessRejects, c21Message, c23NonJson, c24Metadata } from './outcome.ts';
import { c08BodyMembers, c09OmitUnset, c10EmptyObject, c11NoClientValidation } from './request-body.ts';
import { c03ContentType, c04Target, c05ContentLength, c06Unsigned } from './request-headers.ts';
import { c01MethodPost, c02PathRoot } from './request-line.ts';

/**
 * The checks of one request on its own (request line, headers, body): the ones that need no
 * knowledge of how the call ended, so they can also judge a request in a user's own test.
 */
export const REQUEST_CHECKS: readonly ClientCheck[] = [
  c01MethodPost,
  c02PathRoot,
  c03ContentType,
  c04Target,
  c05ContentLength,
  c06Unsigned,
  c08BodyMembers,
  c09OmitUnset,
  c10EmptyObject,
];

/** Every client check, in checklist order. */
export const CLIENT_CHECKS: readonly ClientCheck[] = [
  ...REQUEST_CHECKS,
  c11NoClientValidation,
  c12Success,
  c13NonSuccessRejects,
  errorName,
  c21Message,
  c23NonJson,
  c24Metadata,
  a1OneRequestPerCall,
  a2Cancellation,
  a3RetryBound,
  a4Settles,
  a5NoCrash,
  a6NoNetwork,
  a7Endpoint,
  a8NothingAfterSettled,
  a9CallerInputUnchanged,
  f1FixtureRequest,
];
