import {
  callerStrings,
  cancellation,
  errorCodePrecedence,
  modeledErrors,
  modeledErrorsWireVariants,
  nonJsonBodies,
  requestWire,
  retries,
  successUnknownMembers,
  unknownErrorCodes,
} from './client-properties.ts';
import type { PropertyDefinition } from './property.ts';

/** Every client property, in the order they run. */
export const CLIENT_PROPERTIES: readonly PropertyDefinition[] = [
  requestWire,
  callerStrings,
  successUnknownMembers,
  modeledErrors,
  modeledErrorsWireVariants,
  errorCodePrecedence,
  unknownErrorCodes,
  nonJsonBodies,
  cancellation,
  retries,
];
