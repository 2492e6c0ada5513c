import { h1Answered } from './answered.ts';
import { s10BareName, s10ErrorShape, s11SourcesAgree, s12ExactStatus, s12StatusClass } from './error-shape.ts';
import {
  p2NoKnownSecret,
  r12ClientDefaults,
  s12EveryOperation,
  s13EveryOperation,
  s14EveryOperation,
  s16UniqueRequestId,
  s17EveryOperationShape,
} from './every-answer.ts';
import { p1NoEcho, s13NoInternals } from './leaks.ts';
import { expectedMessage, expectedOutcome, preferredRefusal } from './outcome.ts';
import { refreshAnswerShape } from './refresh-answer.ts';
import { s14RequestId } from './request-id.ts';
import type { ServerCheck } from './server-check.ts';
import { s8SuccessObject, s8SuccessShape, s9NoNulls } from './success-shape.ts';
import { getUserIdentity } from './user-identity.ts';

/** Every server check, in the order their verdicts are reported. @internal */
export const SERVER_CHECKS: readonly ServerCheck[] = [
  h1Answered,
  expectedOutcome,
  preferredRefusal,
  expectedMessage,
  s8SuccessShape,
  s8SuccessObject,
  s9NoNulls,
  s10ErrorShape,
  s10BareName,
  s11SourcesAgree,
  s12StatusClass,
  s12ExactStatus,
  s13NoInternals,
  s14RequestId,
  p1NoEcho,
  refreshAnswerShape,
  getUserIdentity,
  s12EveryOperation,
  s13EveryOperation,
  s14EveryOperation,
  s16UniqueRequestId,
  s17EveryOperationShape,
  p2NoKnownSecret,
  r12ClientDefaults,
];
