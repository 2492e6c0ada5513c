import { createHmac } from 'node:crypto';

/**
 * The SECRET_HASH a client with a secret sends to the auth APIs: Base64 of HMAC-SHA256 keyed
 * with the client secret over the username followed by the client id. One function for the
 * reference server that checks it and the server suite that sends it, so they cannot disagree.
 * @public
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}
