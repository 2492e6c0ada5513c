import { createHmac } from 'node:crypto';

/**
 * Cognito's SECRET_HASH for an app client with a secret: Base64 of HMAC-SHA256, keyed with
 * the client secret, over the username followed by the client id.
 * @internal
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(`${username}${clientId}`).digest('base64');
}
