import { AdminInitiateAuthInput } from '../input-shapes.ts';
import { type Operation, requirePool } from '../operation.ts';
import { ServiceError } from '../service-error.ts';
import { flowEnabled, passwordAuth, refreshAuth } from './initiate-auth.ts';

interface Input {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: string;
  AuthParameters?: Record<string, string>;
}

/**
 * AdminInitiateAuth: the server-side sign-in (ADMIN_USER_PASSWORD_AUTH, and its legacy name
 * ADMIN_NO_SRP_AUTH) and refresh (REFRESH_TOKEN_AUTH, REFRESH_TOKEN). Its sessions are the same
 * as InitiateAuth's: revocable, refreshable and revoked the same way.
 * @internal
 */
export const adminInitiateAuth: Operation = {
  input: AdminInitiateAuthInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const pool = requirePool(context, input.UserPoolId);
    const client = context.store.clients.get(input.ClientId);
    if (!client || client.poolId !== pool.id) throw new ServiceError('ResourceNotFoundException', 'User pool client does not exist.');
    if (!flowEnabled(client, input.AuthFlow)) throw new ServiceError('InvalidParameterException', `${input.AuthFlow} flow not enabled for this client`);
    const parameters = input.AuthParameters ?? {};
    switch (input.AuthFlow) {
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        return passwordAuth(context, pool, client, parameters);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshAuth(context, pool, client, parameters);
      default:
        throw new ServiceError('InvalidParameterException', `The reference server does not implement the ${input.AuthFlow} flow through AdminInitiateAuth.`);
    }
  },
};
