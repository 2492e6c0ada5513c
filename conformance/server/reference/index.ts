// The public surface of the reference server. Everything else in this folder is internal.

export { secretHash } from '../../protocol/secret-hash.ts';
export { type ReferenceHandlersOptions, referenceHandlers } from './msw-handlers.ts';
export type {
  InjectedFault,
  OperationName,
  ReferenceServiceOptions,
  UnverifiedOutcome,
  UnverifiedRevokeTokenBehaviour,
} from './options.ts';
export { createReferenceService, type ReferenceService } from './reference-service.ts';
export { type ServedReference, type ServeReferenceOptions, serveReference } from './serve-reference.ts';
