import { CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import { signInInput } from '../provision/sessions.ts';

/**
 * The last case of a run: every answer the run received, from every operation (the setup
 * calls, sign-ins, refreshes, GetUser, RevokeToken), judged again for what holds of any answer:
 * no token, secret or password the run knew (P2), a 4xx for a client error (S12), no server
 * internals (S13), a request id of its own (S14, S16), the documented output of a success (S17), and the defaults of the client created
 * with its optional members left out (R12). Before that it asks the defaults client for a
 * USER_PASSWORD_AUTH sign-in, a flow it does not allow by default (R12).
 * @internal
 */
export const EVERY_ANSWER_CASE: FixedServerCase = {
  kind: 'scripted',
  id: 'every-answer-of-every-operation',
  title: "every answer of the run, from every operation, leaks nothing the run knew, has its own request id and a client error's 4xx",
  level: 'must',
  tags: ['P2', 'S12', 'S13', 'S14', 'S16', 'S17', 'R12', 'world'],
  origin: 'conformance/server/probes/every-answer.ts',
  async run(context) {
    const recorder = new CaseRecorder(context.wire.timeoutMs);
    const world = await context.world();
    const attempt = await context.api.call('InitiateAuth', signInInput(world, 'defaults'));
    recorder.judge('signIn(defaults client, USER_PASSWORD_AUTH)', 'InitiateAuth', attempt.exchange, { kind: 'refused', rule: 'R12', level: 'must' });
    for (const [n, entry] of context.wire.log.entries()) {
      recorder.steps.push({
        label: `${entry.caseId || 'setup'}: ${entry.operation} (answer ${n + 1} of the run)`,
        observation: {
          operation: entry.operation,
          exchange: entry.exchange,
          expected: { kind: 'observe' },
          sensitive: [],
          timeoutMs: context.wire.timeoutMs,
          ledger: { caseId: entry.caseId, knownBefore: entry.knownBefore, repeatedRequestId: entry.repeatedRequestId },
        },
      });
    }
    return recorder;
  },
};
