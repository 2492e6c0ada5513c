import { fail, pass } from '../../judging/check.ts';
import type { ServerCheck } from './server-check.ts';

/**
 * H1 (must): the server answered. A request that timed out or whose connection dropped
 * fails here, with the reason, and no other rule is judged on it.
 * @internal
 */
export const h1Answered: ServerCheck = {
  name: 'h1Answered',
  rules: ['H1'],
  level: () => 'must',
  appliesTo: () => true,
  evaluate(o) {
    const failure = o.exchange.failure;
    if (!failure) return pass;
    return fail(`an answer within ${o.timeoutMs} ms`, failure.detail);
  },
};
