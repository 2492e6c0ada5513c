import { GetUserInput } from '../input-shapes.ts';
import type { Operation } from '../operation.ts';
import { ServiceError } from '../service-error.ts';
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
  run(raw, { jwt, store, options }) {
    const input = raw as unknown as Input;
    const claims = jwt.verify(input.AccessToken);
    if (!claims || claims['token_use'] !== 'access') throw new ServiceError('NotAuthorizedException', 'Invalid Access Token');
    const origin = claims['origin_jti'];
    if (typeof origin === 'string' && store.isOriginRevoked(origin)) {
      throw new ServiceError('NotAuthorizedException', 'Access Token has been revoked');
    }
    const expiry = claims['exp'];
    if (typeof expiry !== 'number' || options.now() / 1000 >= expiry) {
      throw new ServiceError('NotAuthorizedException', 'Access Token has expired');
    }
    const poolId = String(claims['iss']).split('/').pop() ?? '';
    const user = store.pools.get(poolId)?.users.get(String(claims['username']));
    if (!user || user.sub !== claims['sub']) throw new ServiceError('UserNotFoundException', 'User does not exist.');
    return { Username: user.username, UserAttributes: userAttributes(user) };
  },
};
