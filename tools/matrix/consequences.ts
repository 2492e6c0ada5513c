// "What would my sign-out tests miss on this emulator?": each server rule, said as what a
// test suite running against an implementation that breaks it would not notice. Sign-out
// rules (R) are what the question is about; the protocol and privacy rules (S, P, H) are
// differences a client's error handling would meet only on the real service.

export interface Consequence {
  area: 'sign-out' | 'protocol';
  /** Lower-case, no full stop: it joins a list. */
  words: string;
}

export const RULE_CONSEQUENCES: Readonly<Record<string, Consequence>> = {
  R1: { area: 'sign-out', words: 'revoking a refresh token does not work as on Cognito (RevokeToken fails, or the token stays alive)' },
  R2: { area: 'sign-out', words: 'a revoked refresh token still gets new tokens, or is refused with another error than NotAuthorizedException' },
  R3: { area: 'sign-out', words: 'revoked access tokens keep working, or are refused with another error than NotAuthorizedException' },
  R4: { area: 'sign-out', words: "revoking one session disturbs the user's other sessions" },
  R5: { area: 'sign-out', words: 'RevokeToken does not refuse an access or ID token with UnsupportedTokenTypeException' },
  R6: { area: 'sign-out', words: 'RevokeToken on an app client with token revocation switched off is not refused with UnsupportedOperationException' },
  R7: { area: 'sign-out', words: 'RevokeToken with a missing or wrong client secret is not refused with UnauthorizedException' },
  R8: {
    area: 'sign-out',
    words: 'a refused revoke, or a revoke by another app client, is not handled as on Cognito, where the sessions it touched keep working',
  },
  R9: { area: 'sign-out', words: 'after a run of sign-ins, refreshes and sign-outs, not every revoked token is refused and every kept token working' },
  R10: { area: 'sign-out', words: 'RevokeAssociatedSessions LINKED does not end exactly the linked session' },
  R11: { area: 'sign-out', words: 'refresh-token rotation (GetTokensFromRefreshToken, the grace period) does not behave as on Cognito' },
  R12: { area: 'sign-out', words: "app clients created with the defaults differ from Cognito's (secret, revocation switch, auth flows)" },
  R13: { area: 'sign-out', words: 'signing out twice with the same refresh token does not succeed the second time, as it does on Cognito' },
  R14: { area: 'sign-out', words: 'a sign-in or a refresh with a wrong or missing secret proof is not refused' },
  R15: { area: 'sign-out', words: 'GetUser does not always answer with the user the access token belongs to' },
  R16: { area: 'sign-out', words: 'GetUser accepts tokens that are not a valid access token (an ID token, a refresh token, or a forged signature)' },
  R17: { area: 'sign-out', words: 'refresh tokens it never issued are not refused as invalid (or are answered as if revoked)' },
  R18: { area: 'sign-out', words: 'GlobalSignOut does not end exactly every session of the user' },
  S1: { area: 'protocol', words: 'requests are routed differently (path, method, content type or target)' },
  S2: { area: 'protocol', words: "requests it does not route get other answers than Cognito's framework errors" },
  S3: { area: 'protocol', words: 'an empty request body is not reported as missing members' },
  S4: { area: 'protocol', words: 'null or unknown request members are treated differently' },
  S5: { area: 'protocol', words: 'a malformed request body gets a success or a server error instead of a 4xx' },
  S6: { area: 'protocol', words: "a request that breaks the model's constraints gets a success or a server error instead of a 4xx" },
  S7: { area: 'protocol', words: 'broken constraints are not reported as InvalidParameterException' },
  S8: { area: 'protocol', words: 'RevokeToken does not succeed with the answer Cognito gives (200, awsJson, an empty object)' },
  S9: { area: 'protocol', words: 'answers carry null members' },
  S10: { area: 'protocol', words: "error answers are not shaped like Cognito's (content type or __type), so error handling meets something else" },
  S11: { area: 'protocol', words: 'the error header and the error body name different errors' },
  S12: { area: 'protocol', words: "error status codes differ from Cognito's (4xx against 5xx)" },
  S13: { area: 'protocol', words: 'errors come back as HTML pages, stack traces or file paths' },
  S14: { area: 'protocol', words: 'answers carry no request id' },
  S15: { area: 'protocol', words: 'RevokeToken is not accepted both signed and unsigned' },
  S16: { area: 'protocol', words: 'request ids repeat' },
  S17: { area: 'protocol', words: 'sign-in, GetUser and the set-up calls answer differently' },
  P1: { area: 'protocol', words: 'error messages echo the token, client id or secret sent' },
  P2: { area: 'protocol', words: 'answers carry tokens, secrets or passwords sent earlier' },
  H1: { area: 'protocol', words: 'calls hang or the connection drops' },
  H2: { area: 'protocol', words: 'setting up a user pool, app client, user or sign-in fails, so later steps never run' },
};

export interface EmulatorMisses {
  signOut: string[];
  protocol: string[];
  /** Rules without a consequence (a new rule nobody has put into words yet); listed by id. */
  unexplained: string[];
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** What an implementation's tests would miss, from the rules it does not pass (listed or not). */
export function emulatorMisses(row: { expected: readonly string[]; unexpected: readonly string[] }): EmulatorMisses {
  const misses: EmulatorMisses = { signOut: [], protocol: [], unexplained: [] };
  // Sign-out rules first (R3 before R10), then the protocol ones as the README orders them.
  const rules = [...new Set([...row.expected, ...row.unexpected])].sort(byNumber);
  const order = ['R', 'S', 'P', 'H'];
  rules.sort((a, b) => order.indexOf(a[0] ?? '') - order.indexOf(b[0] ?? '') || byNumber(a, b));
  for (const rule of rules) {
    const consequence = RULE_CONSEQUENCES[rule];
    if (!consequence) misses.unexplained.push(rule);
    else (consequence.area === 'sign-out' ? misses.signOut : misses.protocol).push(consequence.words);
  }
  return misses;
}

/** The answer in one paragraph of plain words, for the README and the page. */
export function describeMisses(misses: EmulatorMisses): string {
  const parts: string[] = [];
  if (misses.signOut.length) parts.push(`Sign-out tests would miss that ${misses.signOut.join('; ')}.`);
  else parts.push('Sign-out behaves as the contract says.');
  if (misses.protocol.length) parts.push(`Unlike Cognito, ${misses.protocol.join('; ')}.`);
  if (misses.unexplained.length) parts.push(`Also fails ${misses.unexplained.join(', ')}.`);
  return parts.join(' ');
}
