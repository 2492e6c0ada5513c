import { SENSITIVE_MEMBERS } from '../../redaction/redact.ts';
import type { CaseContext, CaseRecorder } from '../cases/server-case.ts';
import type { ExpectedOutcome } from '../checks/server-check.ts';
import type { OutgoingRequest } from '../wire/send-once.ts';

/** The sensitive string members of an input, wherever they are. @internal */
export function sensitiveValuesOf(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const record = input as Record<string, unknown>;
  return SENSITIVE_MEMBERS.map((name) => record[name]).filter((value): value is string => typeof value === 'string');
}

/**
 * A RevokeToken request that would succeed as it stands: a refresh token nothing else has
 * used, on the public client. Probes start from it and break one thing, so a server that
 * ignores the broken thing revokes the token and answers 2xx, which no rule allows.
 * @internal
 */
export async function liveRevokeInput(context: CaseContext): Promise<{ Token: string; ClientId: string }> {
  const world = await context.world();
  const session = await context.freshSession('public');
  return { Token: session.refreshToken, ClientId: world.clients.public.clientId };
}

/**
 * Sends one RevokeToken request and records it for judging. Its sensitive values join the
 * run's redaction list before anything can be reported.
 * @internal
 */
export async function sendRevoke(
  context: CaseContext,
  recorder: CaseRecorder,
  label: string,
  request: OutgoingRequest,
  expected: ExpectedOutcome,
  sensitive: readonly string[],
): Promise<void> {
  context.sensitive.add(...sensitive);
  const exchange = await context.wire.send(request);
  recorder.judge(label, 'RevokeToken', exchange, expected, sensitive);
}
