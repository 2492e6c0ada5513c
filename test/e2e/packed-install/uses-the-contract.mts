// What a user's TypeScript sees: types, validators, schemas and the conformance entry's types.
import {
  type ErrorEnvelope,
  isErrorEnvelope,
  type ModeledErrorName,
  modeledErrors,
  type RevokeTokenRequest,
  validateRevokeTokenRequest,
} from 'revoketoken-conformance';
import type { Adapter, Fixture, Result } from 'revoketoken-conformance/conformance';
import requestSchema from 'revoketoken-conformance/schemas/RevokeTokenRequest.schema.json' with { type: 'json' };

const checked = validateRevokeTokenRequest({ Token: 'abc', ClientId: 'client_1' });
export const request: RevokeTokenRequest | undefined = checked.ok ? checked.value : undefined;
export const problems: string[] = checked.ok ? [] : checked.issues.map((issue) => issue.message);
export const envelope: ErrorEnvelope | undefined = isErrorEnvelope({ __type: 'ForbiddenException' }) ? { __type: 'ForbiddenException' } : undefined;
export const names: ModeledErrorName[] = modeledErrors.map((error) => error.name);
export const schemaId: string = requestSchema.$id;
export type Mine = Adapter;
export const firstResult = (results: Result[]): string | undefined => results[0]?.id;
export const fixtureId = (fixture: Fixture): string => fixture.id;
