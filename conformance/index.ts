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
export { FixtureError, type LoadedFixture, loadFixtures } from './fixtures/load.ts';
export type { Fixture, FixtureExpectation, FixtureRequest, FixtureResponse } from './fixtures/types.ts';
export { type Check, type Finding, fail, type InformationalVerdict, pass, type Verdict } from './judging/check.ts';
export { judge } from './judging/judge.ts';
export { AWS_JSON_1_1_CONTENT_TYPE, HEADER, isRetryableAnswer, REVOKE_TOKEN_TARGET, SIGNING_HEADERS, sanitizeErrorCode } from './protocol/aws-json.ts';
export { REDACTED, SENSITIVE_MEMBERS, SensitiveValues } from './redaction/redact.ts';
export { type Direction, isRuleId, type Level, RULES, type Rule, type RuleId, ruleById, rulesOf } from './rules/registry.ts';
export type { CapturedExchange, CapturedExchanges, ShownRequest, ShownResponse } from './run/captured-exchange.ts';
export type { Expectation, ExpectationsFile } from './run/expectations.ts';
export type { Reporter } from './run/reporter.ts';
export type { Result, Summary } from './run/result.ts';
export { ConformanceOptionsError, type ConformanceRun, type RunConformanceOptions, runConformance } from './run/run-conformance.ts';
export { SelectionError } from './run/select-cases.ts';
export type {
  InjectedFault,
  OperationName,
  ReferenceHandlersOptions,
  ServedReference,
  ServeReferenceOptions,
  UnverifiedOutcome,
  UnverifiedRevokeTokenBehaviour,
} from './server/reference/index.ts';
export {
  createReferenceService,
  type ReferenceService,
  type ReferenceServiceOptions,
  referenceHandlers,
  secretHash,
  serveReference,
} from './server/reference/index.ts';
export type { ServerResult, ServerSummary } from './server/run/server-result.ts';
export { runServerSuite, type ServerSuiteOptions, type ServerSuiteRun } from './server/run-server-suite.ts';
export type { UnverifiedExpectation, UnverifiedExpectations } from './server/semantics/unverified.ts';
export { ServerSuiteConfigError } from './server/server-suite-config-error.ts';
export { EndpointSafetyError } from './server/wire/endpoint-safety.ts';
export {
  type AssertConformantOptions,
  type ConformanceService,
  type ConformanceServiceOptions,
  createConformanceService,
  type HandlerOptions,
  type JudgedRequest,
  NonConformingRequestError,
} from './service/conformance-service.ts';
export { type FixtureHandlerOptions, handlerForFixture } from './service/fixture-handler.ts';
export type { CapturedRequest } from './wire/captured-request.ts';
export { fixtureResponse } from './wire/fixture-response.ts';
