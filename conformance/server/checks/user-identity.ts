import { fail, pass } from '../../judging/check.ts';
import { isJsonObject, jsonBodyOf } from '../wire/exchange.ts';
import { isSuccess, type ServerCheck, type ServerObservation } from './server-check.ts';

type Accepted = Extract<ServerObservation['expected'], { kind: 'accepted' }>;

/**
 * R15 (must): GetUser answers the user the access token belongs to, never another user of the
 * pool. How a server names the user (the username, or a generated one where users sign in by
 * e-mail) is left open; naming another of the run's users is a session mixed up across users.
 * @internal
 */
export const getUserIdentity: ServerCheck = {
  name: 'getUserIdentity',
  rules: ['R15'],
  level: () => 'must',
  appliesTo: (o) =>
    o.operation === 'GetUser' && o.expected.kind === 'accepted' && (o.expected.notUsers?.length ?? 0) > 0 && isSuccess(o.exchange.response?.status ?? 0),
  evaluate(o) {
    const others = new Set((o.expected as Accepted).notUsers);
    const body = jsonBodyOf(o.exchange.response!);
    if (body.kind !== 'json' || !isJsonObject(body.value)) return pass;
    const attributes = Array.isArray(body.value['UserAttributes']) ? body.value['UserAttributes'] : [];
    const named = [body.value['Username'], ...attributes.map((a) => (isJsonObject(a) ? a['Value'] : undefined))];
    // The names are never printed: they are sensitive.
    return named.some((value) => typeof value === 'string' && others.has(value)) ? fail("the access token's own user", 'another user of the run') : pass;
  },
};
