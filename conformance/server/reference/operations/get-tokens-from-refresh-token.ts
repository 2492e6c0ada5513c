import { GetTokensFromRefreshTokenInput } from '../input-shapes.ts';
import type { Operation } from '../operation.ts';
import { mintRefreshToken } from '../refresh-token.ts';
import { sameSecret } from '../same-secret.ts';
import { ServiceError } from '../service-error.ts';
import type { UserPoolRecord } from '../state-store.ts';

interface Input {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
}

/**
 * GetTokensFromRefreshToken (2025): new access and ID tokens for a refresh token. On a client
 * with rotation on (API_RefreshTokenRotationType) the answer also carries a new refresh token,
 * and the one presented keeps working for RetryGracePeriodSeconds (0 to 60), then never again.
 * With rotation off it answers like REFRESH_TOKEN_AUTH: no refresh token.
 *
 * Which error a rotated-out token gets after its grace period is not documented; the model
 * declares RefreshTokenReuseException for this operation, and its name says what it is for.
 * @internal
 */
export const getTokensFromRefreshToken: Operation = {
  input: GetTokensFromRefreshTokenInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const { store, tokens, options } = context;
    const client = store.clients.get(input.ClientId);
    if (!client) throw new ServiceError('ResourceNotFoundException', 'User pool client does not exist.');
    if (client.secret !== undefined) {
      if (input.ClientSecret === undefined) throw new ServiceError('NotAuthorizedException', 'Client is configured with a secret but none was received.');
      if (!sameSecret(input.ClientSecret, client.secret)) throw new ServiceError('NotAuthorizedException', 'Unable to verify secret for client.');
    }
    const session = store.session(input.RefreshToken);
    const pool = store.pools.get(client.poolId) as UserPoolRecord;
    // Another client's token is as good as unknown: nothing about it is revealed.
    const user = session && session.clientId === client.clientId ? pool.users.get(session.username) : undefined;
    if (!session || !user) throw new ServiceError('NotAuthorizedException', 'Invalid Refresh Token.');
    if (session.revoked) throw new ServiceError('NotAuthorizedException', 'Refresh Token has been revoked');
    const now = options.now();
    if (now >= session.expiresAt) throw new ServiceError('NotAuthorizedException', 'Refresh Token has expired');
    const retiredUntil = store.retiredUntil(input.RefreshToken);
    if (retiredUntil !== undefined && now >= retiredUntil) {
      throw new ServiceError('RefreshTokenReuseException', 'The refresh token was rotated out and its grace period is over.');
    }
    const minted = tokens.refresh(pool, client, user, session);
    if (!client.refreshTokenRotation.enabled) return { AuthenticationResult: minted };
    const next = mintRefreshToken();
    store.rotate(input.RefreshToken, next, now + client.refreshTokenRotation.retryGracePeriodSeconds * 1000);
    return { AuthenticationResult: { ...minted, RefreshToken: next } };
  },
};
