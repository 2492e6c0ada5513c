import type { Operation } from './operation.ts';
import { adminCreateUser } from './operations/admin-create-user.ts';
import { adminInitiateAuth } from './operations/admin-initiate-auth.ts';
import { adminSetUserPassword } from './operations/admin-set-user-password.ts';
import { createUserPool } from './operations/create-user-pool.ts';
import { createUserPoolClient } from './operations/create-user-pool-client.ts';
import { getTokensFromRefreshToken } from './operations/get-tokens-from-refresh-token.ts';
import { getUser } from './operations/get-user.ts';
import { globalSignOut } from './operations/global-sign-out.ts';
import { initiateAuth } from './operations/initiate-auth.ts';
import { revokeToken } from './operations/revoke-token.ts';
import type { OperationName } from './options.ts';

/** Every operation the reference server claims; any other X-Amz-Target is unknown to it. @internal */
export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  AdminCreateUser: adminCreateUser,
  AdminSetUserPassword: adminSetUserPassword,
  InitiateAuth: initiateAuth,
  AdminInitiateAuth: adminInitiateAuth,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  RevokeToken: revokeToken,
};

/** @internal */
export const OPERATION_NAMES: ReadonlySet<OperationName> = new Set(Object.keys(OPERATIONS) as OperationName[]);
