// The public surface of the reference server. Everything else in this folder is internal.
export { createReferenceService, type ReferenceService } from './reference-service.ts';
export { referenceHandlers, type ReferenceHandlersOptions } from './msw-handlers.ts';
export { serveReference, type ServeReferenceOptions, type ServedReference } from './serve-reference.ts';
export { secretHash } from './secret-hash.ts';
export type {
  InjectedFault,
  OperationName,
  ReferenceServiceOptions,
  UnverifiedOutcome,
  UnverifiedRevokeTokenBehaviour,
} from './options.ts';
