import type { ResolvedOptions } from './options.ts';
import type { JsonObject } from './request-body.ts';
import type { Rs256Jwt } from './rs256-jwt.ts';
import { ServiceError } from './service-error.ts';
import type { StructureShape } from './shape.ts';
import type { StateStore, UserPoolRecord, UserRecord } from './state-store.ts';
import type { TokenIssuer } from './token-issuer.ts';

/** What an operation may use: the instance's state, token machinery and settings. @internal */
export interface OperationContext {
  store: StateStore;
  jwt: Rs256Jwt;
  tokens: TokenIssuer;
  options: ResolvedOptions;
}

/**
 * One operation: the shape its input is validated against, and the code that runs on an
 * input that passed. `run` throws {@link ServiceError} for modeled failures; anything else
 * it throws is a bug and becomes an InternalErrorException.
 * @internal
 */
export interface Operation {
  input: StructureShape;
  run(input: JsonObject, context: OperationContext): object;
}

/** @internal */
export function requirePool(context: OperationContext, poolId: string): UserPoolRecord {
  const pool = context.store.pools.get(poolId);
  if (!pool) throw new ServiceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  return pool;
}

/** @internal */
export function requireUser(pool: UserPoolRecord, username: string): UserRecord {
  const user = pool.users.get(username);
  if (!user) throw new ServiceError('UserNotFoundException', 'User does not exist.');
  return user;
}

/** Seconds since the epoch with millisecond precision: awsJson's timestamp format. @internal */
export function epochSeconds(milliseconds: number): number {
  return milliseconds / 1000;
}
