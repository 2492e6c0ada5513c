import { GlobalSignOutInput } from '../input-shapes.ts';
import type { Operation } from '../operation.ts';
import { userOfAccessToken } from './get-user.ts';

interface Input {
  AccessToken: string;
}

/**
 * GlobalSignOut: ends every session of the user the access token belongs to, on every app
 * client: their refresh tokens, and every access and ID token minted from them ("invalidates
 * the identity, access, and refresh tokens that Amazon Cognito issued to a user", API
 * reference). Sessions that begin afterwards are new and work. The token is checked as GetUser
 * checks it: a revoked, expired or foreign one is refused.
 * @internal
 */
export const globalSignOut: Operation = {
  input: GlobalSignOutInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const user = userOfAccessToken(context, input.AccessToken);
    context.store.revokeUser(user.poolId, user.username);
    return {};
  },
};
