import { RevokeTokenInput } from '../input-shapes.ts';
import type { Operation } from '../operation.ts';
import type { UnverifiedOutcome } from '../options.ts';
import { sameSecret } from '../same-secret.ts';
import { ServiceError } from '../service-error.ts';

interface Input {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
  /**
   * LINKED also ends the parent SSO session the token session came through, never the other
   * token sessions (SDK 3.1169.0 documentation of RevokeAssociatedSessions). Sign-ins through
   * InitiateAuth have no parent SSO session, so here LINKED ends what NONE ends.
   */
  RevokeAssociatedSessions?: 'LINKED' | 'NONE';
}

/**
 * RevokeToken: ends the session of a refresh token. The refresh token stops working, and so
 * does every access and ID token carrying its origin_jti, the first sign-in's included.
 *
 * Checks run in the order RFC 7009 §2.1 describes (who is the client, may it revoke, what
 * is the token); Cognito's own order is not documented.
 * @internal
 */
export const revokeToken: Operation = {
  input: RevokeTokenInput,
  run(raw, { store, jwt, options }) {
    const input = raw as unknown as Input;
    const rules = options.revokeToken;
    const client = store.clients.get(input.ClientId);
    if (!client) return settle(rules.unknownClient, 'The app client does not exist.');

    if (client.secret !== undefined) {
      if (input.ClientSecret === undefined) throw new ServiceError('UnauthorizedException', 'The app client has a secret, and none was sent.');
      if (!sameSecret(input.ClientSecret, client.secret)) throw new ServiceError('UnauthorizedException', 'The client secret is wrong.');
    } else if (input.ClientSecret !== undefined && rules.secretForPublicClient !== 'ignore') {
      return settle(rules.secretForPublicClient, 'The app client has no secret.');
    }

    if (!client.enableTokenRevocation) {
      throw new ServiceError('UnsupportedOperationException', 'Token revocation is switched off for this app client.');
    }

    const use = jwt.verify(input.Token)?.['token_use'];
    if (use === 'access' || use === 'id') {
      throw new ServiceError('UnsupportedTokenTypeException', `RevokeToken takes a refresh token, not an ${use === 'id' ? 'ID' : 'access'} token.`);
    }

    const session = store.session(input.Token);
    if (!session) return settle(rules.unknownToken, 'The refresh token is not valid.');
    // Never revoke on another client's say-so, whatever the configured answer.
    if (session.clientId !== client.clientId) return settle(rules.otherClientsToken, 'The refresh token was not issued to this app client.');
    if (session.revoked) return settle(rules.alreadyRevokedToken, 'The refresh token has already been revoked.');

    store.revoke(session);
    return {};
  },
};

function settle(outcome: UnverifiedOutcome, defaultMessage: string): object {
  if (outcome === 'succeed') return {};
  throw new ServiceError(outcome.error, outcome.message ?? defaultMessage);
}
