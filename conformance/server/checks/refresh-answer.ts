import { fail, pass } from '../../judging/check.ts';
import { isJsonObject, jsonBodyOf } from '../wire/exchange.ts';
import { isSuccess, type ServerCheck, type ServerObservation } from './server-check.ts';

type Accepted = Extract<ServerObservation['expected'], { kind: 'accepted' }>;

/**
 * R11 (must): a refresh answer carries a new refresh token exactly when the app client rotates
 * them. REFRESH_TOKEN_AUTH never hands one out, and GetTokensFromRefreshToken does only with
 * rotation on (API_InitiateAuth; API_GetTokensFromRefreshToken; API_RefreshTokenRotationType).
 * A new token where none is due gives a client a second live token it never asked for; a
 * missing one leaves a rotating client with a token about to die.
 * @internal
 */
export const refreshAnswerShape: ServerCheck = {
  name: 'refreshAnswerShape',
  rules: ['R11'],
  level: () => 'must',
  appliesTo: (o) => o.expected.kind === 'accepted' && o.expected.refreshToken !== undefined && isSuccess(o.exchange.response?.status ?? 0),
  evaluate(o) {
    const wanted = (o.expected as Accepted).refreshToken!;
    const body = jsonBodyOf(o.exchange.response!);
    const result = body.kind === 'json' && isJsonObject(body.value) ? body.value['AuthenticationResult'] : undefined;
    if (!isJsonObject(result)) return fail('an AuthenticationResult object', 'no AuthenticationResult in the answer');
    const has = typeof result['RefreshToken'] === 'string' && result['RefreshToken'] !== '';
    if (has === wanted) return pass;
    return wanted
      ? fail('a new RefreshToken (rotation is on for this app client)', 'no RefreshToken in the AuthenticationResult')
      : fail('no RefreshToken (rotation is off, or the flow never rotates)', 'a RefreshToken in the AuthenticationResult');
  },
};
