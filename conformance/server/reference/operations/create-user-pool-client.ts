import { newClientId, newClientSecret } from '../identifiers.ts';
import { CreateUserPoolClientInput } from '../input-shapes.ts';
import { epochSeconds, type Operation, requirePool } from '../operation.ts';
import { ServiceError } from '../service-error.ts';
import type { AppClientRecord } from '../state-store.ts';

interface Input {
  UserPoolId: string;
  ClientName: string;
  GenerateSecret?: boolean;
  ClientSecret?: string;
  ExplicitAuthFlows?: string[];
  PreventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  EnableTokenRevocation?: boolean;
  RefreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
}

/** What a client allows when ExplicitAuthFlows is left out, per the CreateUserPoolClient reference. */
const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
const LEGACY_AUTH_FLOWS = new Set(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);

/**
 * CreateUserPoolClient: an app client with or without a secret, its allowed auth flows, and
 * whether its tokens can be revoked (on unless switched off, as in Cognito since 2021), and
 * whether its refresh tokens rotate (off unless switched on).
 * @internal
 */
export const createUserPoolClient: Operation = {
  input: CreateUserPoolClientInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const pool = requirePool(context, input.UserPoolId);
    const flows = [...new Set(input.ExplicitAuthFlows ?? DEFAULT_AUTH_FLOWS)];
    const legacy = flows.filter((flow) => LEGACY_AUTH_FLOWS.has(flow));
    if (legacy.length > 0 && legacy.length < flows.length) {
      throw new ServiceError('InvalidParameterException', 'ExplicitAuthFlows cannot mix legacy values with ALLOW_ values.');
    }
    if (input.ClientSecret !== undefined && input.GenerateSecret === false) {
      throw new ServiceError('InvalidParameterException', 'A ClientSecret can only be given when GenerateSecret is true.');
    }
    const { store, options } = context;
    let clientId = newClientId();
    while (store.clients.has(clientId)) clientId = newClientId();
    const now = options.now();
    const client: AppClientRecord = {
      poolId: pool.id,
      clientId,
      clientName: input.ClientName,
      secret: input.ClientSecret ?? (input.GenerateSecret ? newClientSecret() : undefined),
      explicitAuthFlows: flows,
      enableTokenRevocation: input.EnableTokenRevocation ?? true,
      preventUserExistenceErrors: input.PreventUserExistenceErrors ?? 'LEGACY',
      // Rotation is off unless asked for; a client created before April 2025 never had it.
      refreshTokenRotation: {
        enabled: input.RefreshTokenRotation?.Feature === 'ENABLED',
        retryGracePeriodSeconds: input.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0,
      },
      createdAt: now,
    };
    store.clients.set(clientId, client);
    return {
      UserPoolClient: {
        UserPoolId: client.poolId,
        ClientName: client.clientName,
        ClientId: client.clientId,
        ...(client.secret === undefined ? {} : { ClientSecret: client.secret }),
        LastModifiedDate: epochSeconds(now),
        CreationDate: epochSeconds(now),
        RefreshTokenValidity: Math.round(options.tokenLifetimes.refreshSeconds / 86_400),
        ExplicitAuthFlows: client.explicitAuthFlows,
        AllowedOAuthFlowsUserPoolClient: false,
        PreventUserExistenceErrors: client.preventUserExistenceErrors,
        EnableTokenRevocation: client.enableTokenRevocation,
        RefreshTokenRotation: {
          Feature: client.refreshTokenRotation.enabled ? 'ENABLED' : 'DISABLED',
          RetryGracePeriodSeconds: client.refreshTokenRotation.retryGracePeriodSeconds,
        },
        EnablePropagateAdditionalUserContextData: false,
        AuthSessionValidity: 3,
      },
    };
  },
};
