import fc from 'fast-check';
import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { Observation, Outcome } from '../checks/check.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Case } from '../fixtures/case.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, HEADER, REVOKE_TOKEN_TARGET, regionalEndpoint } from '../protocol/aws-json.ts';
import { RULES } from '../rules/registry.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

/**
 * Which rules the suite judges on one case, measured rather than declared: every client check
 * is asked whether it applies (`appliesTo`, then `ruleFor`) to the case with the exchange a
 * conforming client would produce. A case's tags say which rules it was written for; this says
 * which verdicts a run of it yields. Both are shown by `--explain <case>`, since they differ
 * (C25 is a tag judged through A3; A4 and A5 judge every case without being tagged).
 */

/** The two kinds of client whose verdicts differ: A1 judges a client that sends one request per call, A3 one that retries. */
export const MEASURED_CLIENTS: readonly { label: string; capabilities: Required<AdapterCapabilities> }[] = [
  {
    label: 'a client that does not retry',
    capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries: false, maxAttempts: 1 },
  },
  {
    label: 'a client that declares retries',
    capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries: true, maxAttempts: 3 },
  },
];

/** Generated cases sampled per property: enough to reach every branch of each generator (variants, carriers, levels). */
export const PROPERTY_SAMPLES = 60;

/** The request a conforming client sends for `c`: the members it was given, under the protocol's headers. */
function conformingRequest(c: Case): CapturedRequest {
  const body = JSON.stringify(Object.fromEntries(Object.entries(c.params).filter(([, value]) => value !== undefined && value !== null)));
  return {
    method: 'POST',
    url: `${regionalEndpoint('us-east-1')}/`,
    headers: {
      'content-type': AWS_JSON_1_1_CONTENT_TYPE,
      [HEADER.target.toLowerCase()]: REVOKE_TOKEN_TARGET,
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
    bodyBytes: Buffer.byteLength(body),
    transport: 'loopback',
  };
}

/** How a conforming client's call ends on `c`: as the case expects, or aborted in a cancel-mode case. */
function conformingOutcome(c: Case): Outcome {
  if (c.mode === 'cancel') return { kind: 'rejected', error: { name: 'AbortError', message: 'aborted', hasMetadata: false } };
  if (c.expect.outcome === 'success') return { kind: 'resolved', value: {} };
  const status = c.expect.statusCode ?? (c.response === 'hang' ? undefined : c.response.code);
  return {
    kind: 'rejected',
    error: {
      name: c.expect.name ?? 'UnknownError',
      message: c.expect.message ?? '',
      ...(status !== undefined ? { statusCode: status } : {}),
      ...(c.expect.requestId !== undefined ? { requestId: c.expect.requestId } : {}),
      hasMetadata: true,
    },
  };
}

/** The rules the client checks judge on `c` for a client with these capabilities. */
export function rulesJudgedOn(c: Case, capabilities: Required<AdapterCapabilities>): string[] {
  const observation: Observation = {
    case: c,
    requests: [conformingRequest(c)],
    outcome: conformingOutcome(c),
    capabilities,
    ...(c.mode === 'cancel' ? { abortedAfterRequests: 1 } : {}),
  };
  const rules = CLIENT_CHECKS.filter((check) => check.appliesTo(observation)).map((check) => check.ruleFor?.(observation) ?? check.rules[0]);
  return [...new Set(rules)];
}

/** One rule's share of the measured cases: how many it was judged on, for which kinds of client. */
export interface MeasuredRule {
  rule: string;
  /** Cases (of `of`) the rule was judged on, for each client of MEASURED_CLIENTS. */
  counts: number[];
}

export interface Measurement {
  /** How many cases were judged per kind of client (1 for a fixture, the sample size for a property). */
  of: number;
  /** Per client of MEASURED_CLIENTS: why it took no part (a property it is not applicable to). */
  notApplicable: (string | undefined)[];
  rules: MeasuredRule[];
}

function tally(casesPerClient: readonly (readonly Case[])[], notApplicable: (string | undefined)[]): Measurement {
  const counts = new Map<string, number[]>();
  casesPerClient.forEach((cases, clientIndex) => {
    for (const c of cases) {
      for (const rule of rulesJudgedOn(c, MEASURED_CLIENTS[clientIndex]!.capabilities)) {
        const row = counts.get(rule) ?? MEASURED_CLIENTS.map(() => 0);
        row[clientIndex]! += 1;
        counts.set(rule, row);
      }
    }
  });
  const order = RULES.map((r) => r.id as string);
  const rules = [...counts].map(([rule, row]) => ({ rule, counts: row })).sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  return { of: Math.max(...casesPerClient.map((cases) => cases.length)), notApplicable, rules };
}

/** The rules judged on one fixture's case. */
export function measureCase(c: Case): Measurement {
  return tally(
    MEASURED_CLIENTS.map(() => [c]),
    MEASURED_CLIENTS.map(() => undefined),
  );
}

/** The rules judged across a fixed sample of a property's generated cases (seed 0, so the answer is the same every time). */
export function measureProperty(property: PropertyDefinition, samples = PROPERTY_SAMPLES): Measurement {
  const notApplicable = MEASURED_CLIENTS.map(({ capabilities }) => property.notApplicable?.(capabilities));
  const cases = MEASURED_CLIENTS.map(({ capabilities }, index): Case[] =>
    notApplicable[index] !== undefined
      ? []
      : fc
          .sample(property.cases(capabilities), { seed: 0, numRuns: samples })
          .map((generated) => ({ ...generated, origin: { kind: 'property', property: property.id, seed: 0, path: '' } })),
  );
  return tally(cases, notApplicable);
}
