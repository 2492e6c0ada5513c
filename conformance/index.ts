// The conformance side of the package, `revoketoken-conformance/conformance`: the adapter
// contract for writing an adapter, the fixtures and their msw handlers for your own tests, the
// reference server, the server suite, and the rules and protocol facts both directions judge
// by. This list is the public API: every declaration it exports carries `@public`, and nothing
// else under conformance/ does (test/package-exports.spec.ts holds the two together).
export {
  ADAPTER_CONTRACT_VERSION,
  type Adapter,
  type AdapterCapabilities,
  type CallContext,
  type RevokeTokenInput,
  type RevokeTokenOutput,
} from './adapters/contract.ts';
export { FixtureError, loadFixtures, type LoadedFixture } from './fixtures/load.ts';
export type { Fixture, FixtureExpectation, FixtureRequest, FixtureResponse } from './fixtures/types.ts';
export { fail, pass, type Check, type Finding, type InformationalVerdict, type Verdict } from './judging/check.ts';
export { judge } from './judging/judge.ts';
export { AWS_JSON_1_1_CONTENT_TYPE, HEADER, isRetryableAnswer, REVOKE_TOKEN_TARGET, sanitizeErrorCode, SIGNING_HEADERS } from './protocol/aws-json.ts';
export { REDACTED, SENSITIVE_MEMBERS, SensitiveValues } from './redaction/redact.ts';
export { isRuleId, RULES, ruleById, rulesOf, type Direction, type Level, type Rule, type RuleId } from './rules/registry.ts';
export type { Result, Summary } from './run/result.ts';
export type { ExpectationsFile } from './run/expectations.ts';
export { SelectionError } from './run/select-cases.ts';
export {
  createReferenceService,
  referenceHandlers,
  secretHash,
  serveReference,
  type ReferenceService,
  type ReferenceServiceOptions,
} from './server/reference/index.ts';
export type {
  ReferenceHandlersOptions,
  ServeReferenceOptions,
  ServedReference,
  InjectedFault,
  OperationName,
  UnverifiedOutcome,
  UnverifiedRevokeTokenBehaviour,
} from './server/reference/index.ts';
export { runServerSuite, type ServerSuiteOptions, type ServerSuiteRun } from './server/run-server-suite.ts';
export type { ServerResult, ServerSummary } from './server/run/server-result.ts';
export type { UnverifiedExpectation, UnverifiedExpectations } from './server/semantics/unverified.ts';
export { ServerSuiteConfigError } from './server/server-suite-config-error.ts';
export { EndpointSafetyError } from './server/wire/endpoint-safety.ts';
export type { CapturedRequest } from './wire/captured-request.ts';
export { handlerForFixture, type FixtureHandlerOptions } from './wire/fixture-handler.ts';
export { fixtureResponse } from './wire/fixture-response.ts';
