import { type BrokenRequest, type ConstraintCase, inputBreaking, inputConstraintCases } from '../../model/arbitraries.ts';
import { revokeToken } from '../../model/contract.ts';
import { CaseRecorder, type GeneratedServerCase } from '../cases/server-case.ts';
import { VALIDATION_ERRORS } from '../checks/declared-errors.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { sendRevoke, sensitiveValuesOf } from './revoke-probe.ts';

const ORIGIN = 'conformance/server/probes/constraints.ts';
// Long enough for real-looking tokens, short enough to stay polite to an emulator.
const MAX_TOKEN_LENGTH = 2048;

/** What the request will carry: the broken member as generated, the others made real. */
function effectiveInput(which: ConstraintCase, broken: BrokenRequest, real: { token: () => string; clientId: string }): Record<string, unknown> {
  const input: Record<string, unknown> = { ...(broken.value as Record<string, unknown>) };
  if (which.member !== 'Token') input['Token'] = real.token();
  if (which.member !== 'ClientId') input['ClientId'] = real.clientId;
  if (which.member !== 'ClientSecret') delete input['ClientSecret'];
  return input;
}

function shapeOf(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return `a string of ${[...value].length} characters`;
  return `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
}

function constraintCase(which: ConstraintCase): GeneratedServerCase<BrokenRequest> {
  return {
    kind: 'generated',
    id: `constraint-${which.member}-${which.constraint}`,
    title: `a request whose ${which.member} breaks ${which.constraint} (and nothing else) is refused with a 4xx, preferably InvalidParameterException`,
    level: 'must',
    tags: ['S6', 'S7', 'constraints', which.member],
    origin: ORIGIN,
    runs: 4,
    arbitrary: () => {
      const broken = inputBreaking(which, revokeToken, { maxUnboundedLength: MAX_TOKEN_LENGTH });
      // A server reads an optional member sent as null as absent (S4): that breaks nothing.
      const optional = !revokeToken.input.members.find((m) => m.name === which.member)?.required;
      return optional && which.constraint === 'type' ? broken.filter((b) => (b.value as Record<string, unknown>)[which.member] !== null) : broken;
    },
    describe: (broken) => ({
      member: which.member,
      constraint: which.constraint,
      brokenValue: shapeOf((broken.value as Record<string, unknown>)[which.member]),
      request: effectiveInput(which, broken, { token: () => '(a live refresh token)', clientId: "(the public client's id)" }),
    }),
    async run(context, broken) {
      const recorder = new CaseRecorder(context.wire.timeoutMs);
      const world = await context.world();
      // Every member but the broken one is made real, and ClientSecret (which the public
      // client does not have) left out: a server that skipped validation would revoke a live
      // token and answer 2xx.
      const token = which.member === 'Token' ? '' : (await context.freshSession('public')).refreshToken;
      const input = effectiveInput(which, broken, { token: () => token, clientId: world.clients.public.clientId });
      await sendRevoke(
        context,
        recorder,
        `${which.member} breaking ${which.constraint}`,
        awsJsonRequest(context.wire.endpoint, 'RevokeToken', input),
        {
          kind: 'refused',
          rule: 'S6',
          level: 'must',
          protocolErrors: VALIDATION_ERRORS,
          // A value of the wrong JSON type cannot even be read, so SerializationException fits as well.
          prefer: { rule: 'S7', types: which.constraint === 'type' ? ['InvalidParameterException', 'SerializationException'] : ['InvalidParameterException'] },
        },
        sensitiveValuesOf(input),
      );
      return recorder;
    },
  };
}

/**
 * One property per constraint of RevokeTokenRequest that a value can break alone (checklist
 * S6, S7), from the model: required members missing, wrong JSON types, patterns, lengths and
 * enum values. A property per constraint keeps a server's deviations stable from one seed to
 * the next.
 * @internal
 */
export const CONSTRAINT_CASES: readonly GeneratedServerCase<BrokenRequest>[] = inputConstraintCases(revokeToken, { maxUnboundedLength: MAX_TOKEN_LENGTH })
  .filter((c) => c.member !== '(root)' && c.constraint !== 'additionalProperties')
  .map(constraintCase);
