import {
  type ModeledErrorName,
  type ValidationResult,
  validateForbiddenExceptionBody,
  validateInternalErrorExceptionBody,
  validateInvalidParameterExceptionBody,
  validateOperationNotEnabledExceptionBody,
  validateRevokeTokenResponse,
  validateTooManyRequestsExceptionBody,
  validateUnauthorizedExceptionBody,
  validateUnsupportedOperationExceptionBody,
  validateUnsupportedTokenTypeExceptionBody,
} from '../../../generated/index.ts';
import { type ErrorContract, revokeToken } from '../../model/contract.ts';

/**
 * The errors RevokeToken declares, read from the model: the only error types a server may
 * send for a request it claimed as RevokeToken.
 * @internal
 */
export const DECLARED_ERRORS: ReadonlyMap<string, ErrorContract> = new Map(revokeToken.errors.map((error) => [error.name, error]));

const BODY_VALIDATORS: Readonly<Record<ModeledErrorName, (value: unknown) => ValidationResult<unknown>>> = {
  ForbiddenException: validateForbiddenExceptionBody,
  InternalErrorException: validateInternalErrorExceptionBody,
  InvalidParameterException: validateInvalidParameterExceptionBody,
  OperationNotEnabledException: validateOperationNotEnabledExceptionBody,
  TooManyRequestsException: validateTooManyRequestsExceptionBody,
  UnauthorizedException: validateUnauthorizedExceptionBody,
  UnsupportedOperationException: validateUnsupportedOperationExceptionBody,
  UnsupportedTokenTypeException: validateUnsupportedTokenTypeExceptionBody,
};

/**
 * The problems of an error body against its error's generated schema, as messages that
 * never quote values; empty when the body is valid. Undefined for an undeclared error.
 * @internal
 */
export function errorBodyProblems(name: string, body: unknown): string[] | undefined {
  const validate = (BODY_VALIDATORS as Record<string, (value: unknown) => ValidationResult<unknown>>)[name];
  if (!validate) return undefined;
  const result = validate(body);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

/** Problems of a success body against RevokeTokenResponse; empty when valid. @internal */
export function successBodyProblems(body: unknown): string[] {
  const result = validateRevokeTokenResponse(body);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

/**
 * Errors that the awsJson framework layer of a Smithy server sends before any operation
 * runs, with the statuses Smithy's framework error shapes and smithy-rs use. RevokeToken does
 * not declare them, so they are acceptable only where no operation could have claimed or read
 * the request.
 * @internal
 */
export const PROTOCOL_ERRORS: Readonly<Record<string, { statuses: readonly number[] }>> = {
  UnknownOperationException: { statuses: [404, 405] },
  UnsupportedMediaTypeException: { statuses: [415] },
  SerializationException: { statuses: [400] },
  NotAcceptableException: { statuses: [406] },
  ValidationException: { statuses: [400] },
};

/** Framework errors that may answer a request no operation claims (S1, S2). @internal */
export const ROUTING_ERRORS: readonly string[] = ['UnknownOperationException', 'UnsupportedMediaTypeException', 'NotAcceptableException'];
/** Framework errors that may answer a body no deserialiser can read (S5). @internal */
export const DESERIALIZATION_ERRORS: readonly string[] = ['SerializationException'];
/** Framework errors that may answer a readable body that breaks a constraint (S6). @internal */
export const VALIDATION_ERRORS: readonly string[] = ['ValidationException', 'SerializationException'];
