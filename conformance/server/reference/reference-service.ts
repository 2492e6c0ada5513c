import { randomUUID } from 'node:crypto';
import { jwksPoolId, jwksResponse } from './jwks-route.ts';
import type { OperationContext } from './operation.ts';
import { OPERATION_NAMES, OPERATIONS } from './operation-table.ts';
import { type OperationName, type ReferenceServiceOptions, resolveOptions } from './options.ts';
import { MalformedBodyError, parseRequestBody } from './request-body.ts';
import { errorResponse, successResponse } from './responses.ts';
import { claimRequest } from './routing.ts';
import { Rs256Jwt } from './rs256-jwt.ts';
import { ServiceError } from './service-error.ts';
import { StateStore } from './state-store.ts';
import { TokenIssuer } from './token-issuer.ts';
import { validateInput } from './validate-input.ts';

/**
 * An in-memory Cognito user-pools service that speaks awsJson 1.1 for the operations a
 * RevokeToken scenario needs. Each instance has its own state and its own signing key id;
 * it serves the public key of its RS256 tokens at `GET /<user pool id>/.well-known/jwks.json`.
 * @public
 */
export interface ReferenceService {
  /** The region in the instance's pool ids and token issuers. */
  readonly region: string;
  /** The operations it claims, in X-Amz-Target form without the service prefix. */
  readonly operations: ReadonlySet<OperationName>;
  /** Answers one HTTP request. Never rejects: every failure becomes an error response. */
  handle(request: Request): Promise<Response>;
}

/**
 * Creates a reference service. Pass `handle` to a loopback server, to msw
 * (see `referenceHandlers`), or call it directly with fetch Requests.
 * @public
 */
export function createReferenceService(options: ReferenceServiceOptions = {}): ReferenceService {
  const resolved = resolveOptions(options);
  const store = new StateStore();
  const jwt = new Rs256Jwt(resolved.signingKey);
  const context: OperationContext = {
    store,
    jwt,
    tokens: new TokenIssuer(jwt, store, resolved.now, resolved.region, resolved.tokenLifetimes),
    options: resolved,
  };

  async function answer(request: Request): Promise<object> {
    const claim = claimRequest(request, OPERATION_NAMES);
    if (!claim.ok) throw claim.error;
    const fault = resolved.fault?.(claim.operation, request);
    if (fault) throw new ServiceError(fault.error, fault.message, fault.status === undefined ? {} : { status: fault.status });
    const operation = OPERATIONS[claim.operation];
    try {
      const input = parseRequestBody(new Uint8Array(await request.arrayBuffer()));
      validateInput(input, operation.input);
      return operation.run(input, context);
    } catch (error) {
      if (error instanceof MalformedBodyError) throw new ServiceError(resolved.malformedBodyError, error.message);
      throw error;
    }
  }

  return {
    region: resolved.region,
    operations: OPERATION_NAMES,
    async handle(request) {
      // Only for a pool the instance has: anything else gets the framework errors as before.
      const jwksPool = jwksPoolId(request);
      if (jwksPool !== undefined && store.pools.has(jwksPool)) return jwksResponse(jwt.jwks());
      let requestId = '';
      try {
        requestId = resolved.requestId();
        return successResponse(await answer(request), requestId);
      } catch (error) {
        // Anything but a ServiceError is a bug (or a failing injected hook). Its message may
        // quote input, so the client learns only that something broke.
        const known = error instanceof ServiceError ? error : new ServiceError('InternalErrorException', 'An internal error occurred.');
        return errorResponse(known, requestId || randomUUID());
      }
    },
  };
}
