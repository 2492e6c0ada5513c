// The conformance side of the package: fixtures as msw handlers for your own tests, the
// reference server, and the adapter contract for writing an adapter. Everything else under
// conformance/ is internal to the harness.
export { ADAPTER_CONTRACT_VERSION, type Adapter, type AdapterCapabilities, type CallContext, type RevokeTokenInput, type RevokeTokenOutput } from './adapters/contract.ts';
export { FixtureError, loadFixtures, type LoadedFixture } from './fixtures/load.ts';
export type { Fixture, FixtureExpectation, FixtureRequest, FixtureResponse } from './fixtures/types.ts';
export { handlerForFixture, type FixtureHandlerOptions } from './wire/fixture-handler.ts';
export { fixtureResponse } from './wire/fixture-response.ts';
export type { CapturedRequest } from './wire/captured-request.ts';
export { createReferenceService, referenceHandlers, serveReference, type ReferenceService, type ReferenceServiceOptions } from './server/reference/index.ts';
