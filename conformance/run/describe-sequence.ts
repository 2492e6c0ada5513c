import type { CallSequence } from '../properties/call-sequence.ts';

/**
 * A sequence as a short numbered list a reader can follow, one line per step:
 * `1. call 1: revokeToken(input#1) → https://cognito-idp.eu-west-1.amazonaws.com/q1/ answers 500 InternalErrorException`.
 * A call that starts and is waited for at once is one line; one left in flight says so, and
 * the line that waits for it comes later. Inputs are named, never quoted (they hold secrets).
 */
export function describeSequence(sequence: CallSequence): string[] {
  const lines: string[] = [];
  const given = new Set<number>();
  const { steps } = sequence;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (step.kind === 'await') {
      lines.push(`wait for call ${step.call + 1}`);
      continue;
    }
    const call = sequence.calls[step.call]!;
    const again = given.has(call.input) ? ' again' : '';
    given.add(call.input);
    const next = steps[index + 1];
    const waited = next?.kind === 'await' && next.call === step.call;
    if (waited) index += 1;
    const signal =
      call.signal === undefined
        ? ''
        : call.signal.kind === 'pre-aborted'
          ? ', signal already aborted'
          : call.signal.kind === 'in-backoff'
            ? ', signal aborted while it backs off'
            : call.signal.kind === 'long-lived'
              ? `, long-lived signal #${call.signal.signal + 1} aborted once every call has settled`
              : `, signal #${call.signal.signal + 1} aborted when a request arrives`;
    lines.push(
      `call ${step.call + 1}: revokeToken(input#${call.input + 1}${again}) → ${call.endpoint} answers ${call.answer.label}${signal}${waited ? '' : ' (left in flight)'}`,
    );
  }
  return lines.map((line, index) => `${index + 1}. ${line}`);
}
