import type { Adapter, AdapterCapabilities } from '../adapters/contract.ts';
import type { ClientCheck, Observation, Outcome } from '../checks/check.ts';
import type { Case } from '../fixtures/case.ts';
import type { Verdict } from '../judging/check.ts';
import { judge } from '../judging/judge.ts';
import { type SensitiveValues, sensitiveMembersOfBody } from '../redaction/redact.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import type { FakeService } from '../wire/fake-service.ts';
import { fixtureResponse } from '../wire/fixture-response.ts';
import { settle } from './clock.ts';

export interface RunEnvironment {
  adapter: Adapter;
  capabilities: Required<AdapterCapabilities>;
  service: FakeService;
  endpoint: string;
  region: string;
  checks: readonly ClientCheck[];
  /** Fake the clock during calls (in-process adapters only). */
  fakeTime: boolean;
  caseTimeoutMs: number;
  /** Hand adapters the direct fetch (no interception). */
  offerDirectFetch: boolean;
  /** False for a client built against a revision of the model that signed the call (--revision). */
  unsignedRequired?: boolean;
  /**
   * Every case's sensitive values seen so far in the run: for output that cannot be attributed
   * to one case (a client's console output, crash messages), redact with `sensitive.redact`
   * and then `cleanAdapterText` (conformance/redaction/adapter-text.ts).
   */
  sensitive?: SensitiveValues;
}

export type CaseStatus = 'pass' | 'fail' | 'not-applicable';

export interface CaseResult {
  case: Case;
  status: CaseStatus;
  /** For not-applicable cases: why. */
  reason?: string;
  verdicts: Verdict[];
  outcome?: Outcome;
  requestCount: number;
  /**
   * What the client sent in the request bodies' sensitive members, whatever it holds: a token
   * the client cut or changed is as secret as the one it was given, so reports redact these too.
   */
  sentSensitive: string[];
  /** The requests of a failing case, for the report's captured exchange (unredacted: the runner redacts). */
  failedRequests?: CapturedRequest[];
}

/** Why the adapter cannot express this case, or undefined when it can. */
export function notApplicableReason(c: Case, capabilities: Required<AdapterCapabilities>): string | undefined {
  if (c.params.ClientSecret !== undefined && !capabilities.clientSecret) return 'the adapter cannot send ClientSecret';
  if (c.params.RevokeAssociatedSessions !== undefined && !capabilities.revokeAssociatedSessions) return 'the adapter cannot send RevokeAssociatedSessions';
  if (c.mode === 'cancel' && !capabilities.cancellation) return 'the adapter does not declare cancellation';
  return undefined;
}

function outcomeOf(settlement: Awaited<ReturnType<typeof settle>>): Outcome {
  switch (settlement.kind) {
    case 'resolved':
      return { kind: 'resolved', value: settlement.value };
    case 'unsettled':
      return settlement;
    case 'rejected': {
      // A process adapter that gave up waiting on its child has the same meaning as a call
      // that never settled: the client did not answer.
      const failure = settlement.error as { name?: unknown; kind?: unknown; message?: unknown } | undefined;
      if (failure?.name === 'ProcessAdapterError' && (failure.kind === 'timeout' || failure.kind === 'abandoned')) {
        return { kind: 'unsettled', afterMs: 0, detail: `the client process did not answer: ${String(failure.message)}` };
      }
      const error = settlement.error as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown; requestId?: unknown } } | undefined;
      const metadata = error?.$metadata;
      return {
        kind: 'rejected',
        error: {
          name: typeof error?.name === 'string' ? error.name : String(error),
          message: typeof error?.message === 'string' ? error.message : '',
          statusCode: typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined,
          requestId: typeof metadata?.requestId === 'string' ? metadata.requestId : undefined,
          hasMetadata: metadata !== undefined && metadata !== null,
        },
      };
    }
  }
}

/** Drives one case through the adapter and judges what happened. */
export async function runCase(c: Case, env: RunEnvironment): Promise<CaseResult> {
  const reason = notApplicableReason(c, env.capabilities);
  if (reason) return { case: c, status: 'not-applicable', reason, verdicts: [], requestCount: 0, sentSensitive: [] };

  let releaseHang: () => void = () => {};
  const hang = new Promise<Response>((resolve) => {
    releaseHang = () => resolve(new Response(null, { status: 599 }));
  });
  env.service.begin({ respond: () => (c.response === 'hang' ? hang : fixtureResponse(c.response)) });

  // Only cancel-mode cases get a signal: creating one per call is a measurable share of a case.
  const controller = c.mode === 'cancel' ? new AbortController() : undefined;
  let abortedAfterRequests: number | undefined;
  if (controller) {
    env.service.onRequest(() => {
      if (abortedAfterRequests !== undefined) return;
      abortedAfterRequests = env.service.requests.length;
      controller.abort(new DOMException('cancelled by the conformance suite', 'AbortError'));
    });
  }

  let requests;
  let settlement;
  try {
    settlement = await settle(
      () =>
        env.adapter.revokeToken(structuredClone(c.params), {
          endpoint: env.endpoint,
          region: env.region,
          signal: controller?.signal,
          fetch: env.offerDirectFetch ? env.service.fetch : undefined,
        }),
      { fakeTime: env.fakeTime, realBudgetMs: env.caseTimeoutMs },
    );
  } finally {
    releaseHang();
    requests = env.service.end();
  }

  const observation: Observation = {
    case: c,
    requests,
    outcome: outcomeOf(settlement),
    capabilities: env.capabilities,
    abortedAfterRequests,
    unsignedRequired: env.unsignedRequired,
  };
  const verdicts = judge(env.checks, observation);
  const failed = verdicts.some((v) => v.status === 'fail');
  return {
    case: c,
    status: failed ? 'fail' : 'pass',
    verdicts,
    outcome: observation.outcome,
    requestCount: requests.length,
    // Only failing verdicts quote what was sent, so a passing case need not read its bodies again.
    sentSensitive: failed ? requests.flatMap((r) => sensitiveMembersOfBody(r.body)) : [],
    ...(failed ? { failedRequests: requests } : {}),
  };
}
