import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';

/** Checks a token the way a resource server does, with nothing but the pool's JWKS in hand. */
export interface OfflineVerifier {
  /** `accepted`, or the name of the error the verifier threw. */
  verify(token: string, tokenUse: 'access' | 'id'): Promise<{ accepted: true } | { accepted: false; error: string }>;
}

/**
 * aws-jwt-verify's CognitoJwtVerifier for one pool and app client, given the JWKS up front
 * (cacheJwks), so no verification reaches any network: exactly the offline check the
 * library's users run in their APIs.
 */
export function awsJwtVerifier(jwks: unknown, userPoolId: string, clientId: string): OfflineVerifier {
  const verifiers = {
    access: CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId }),
    id: CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId }),
  };
  verifiers.access.cacheJwks(jwks as Jwks);
  verifiers.id.cacheJwks(jwks as Jwks);
  return {
    async verify(token, tokenUse) {
      try {
        await verifiers[tokenUse].verify(token);
        return { accepted: true };
      } catch (error) {
        // The class name only (JwtInvalidSignatureError, ...): the message may quote a claim such as the client id.
        return { accepted: false, error: error instanceof Error ? error.constructor.name : 'a thrown value' };
      }
    },
  };
}
