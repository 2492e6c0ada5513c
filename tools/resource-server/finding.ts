import type { Observation } from './observation.ts';

/** What the observations come to, in one sentence, or why they say nothing (a control failed). */
export type Finding = { meaningful: true; sentence: string } | { meaningful: false; reason: string };

const seenAt = (observations: readonly Observation[], id: string) => observations.find((o) => o.id === id)?.seen;

/**
 * The controls first: the verifier must take the fresh token and refuse an edited one, and
 * the API must take the fresh token and honour the revoke; otherwise the lane is broken and
 * its result is not evidence of anything. Then the one fact the lane is for.
 */
export function findingOf(observations: readonly Observation[]): Finding {
  const seen = (id: string) => seenAt(observations, id);
  if (seen('verifier-before-revoke') !== 'accepted')
    return { meaningful: false, reason: 'the verifier refused the fresh access token, so it is not set up for this pool' };
  if (seen('verifier-edited-token') !== 'refused')
    return { meaningful: false, reason: 'the verifier accepted an edited token, so its acceptance proves nothing' };
  if (seen('api-before-revoke') !== 'accepted') return { meaningful: false, reason: 'GetUser refused the fresh access token' };
  if (seen('revoke-token') !== 'accepted') return { meaningful: false, reason: 'the server did not honour RevokeToken' };
  const api = seen('api-after-revoke');
  const verifier = seen('verifier-after-revoke');
  const idToken = seen('verifier-id-token-after-revoke') === 'accepted' ? ' (and the ID token)' : '';
  if (api === 'refused' && verifier === 'accepted')
    return {
      meaningful: true,
      sentence: `After sign-out (RevokeToken), GetUser refuses the access token, but the JWT verifier still accepts it${idToken} offline until it expires: an API that only verifies JWTs keeps serving a signed-out user.`,
    };
  if (api === 'refused' && verifier === 'refused')
    return { meaningful: true, sentence: 'After sign-out (RevokeToken), both GetUser and the JWT verifier refuse the access token.' };
  return {
    meaningful: true,
    sentence: `After sign-out (RevokeToken), GetUser ${api === 'accepted' ? 'still accepts' : 'refuses'} the access token and the JWT verifier ${verifier === 'accepted' ? 'accepts' : 'refuses'} it.`,
  };
}
