import { GetUserInput } from '../input-shapes.ts';
import type { Operation, OperationContext } from '../operation.ts';
import { ServiceError } from '../service-error.ts';
import type { UserRecord } from '../state-store.ts';
import { userAttributes } from './admin-create-user.ts';

interface Input {
  AccessToken: string;
}

/**
 * GetUser: the user an access token belongs to. This is where revocation shows: a token of
 * a revoked session is refused here even though its signature and expiry are still fine.
 * @internal
 */
export const getUser: Operation = {
  input: GetUserInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const { user } = userOfAccessToken(context, input.AccessToken);
    return { Username: user.username, UserAttributes: userAttributes(user) };
  },
};

/**
 * The user an access token belongs to, as every operation authorised by an access token
 * checks it: issued by this server as an access token, of a session not revoked, not expired,
 * of a user who still exists.
 * @internal
 */
export function userOfAccessToken({ jwt, store, options }: OperationContext, accessToken: string): { user: UserRecord; poolId: string; username: string } {
  const claims = jwt.verify(accessToken);
  if (!claims || claims['token_use'] !== 'access') throw new ServiceError('NotAuthorizedException', 'Invalid Access Token');
  const origin = claims['origin_jti'];
  const event = claims['event_id'];
  if ((typeof origin === 'string' && store.isOriginRevoked(origin)) || (typeof event === 'string' && store.isEventSignedOut(event))) {
    throw new ServiceError('NotAuthorizedException', 'Access Token has been revoked');
  }
  const expiry = claims['exp'];
  if (typeof expiry !== 'number' || options.now() / 1000 >= expiry) {
    throw new ServiceError('NotAuthorizedException', 'Access Token has expired');
  }
  const poolId = String(claims['iss']).split('/').pop() ?? '';
  const user = store.pools.get(poolId)?.users.get(String(claims['username']));
  if (!user || user.sub !== claims['sub']) throw new ServiceError('UserNotFoundException', 'User does not exist.');
  return { user, poolId, username: user.username };
}
