import { type CaseContext, CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import { ROUTING_ERRORS } from '../checks/declared-errors.ts';
import type { Preference } from '../checks/server-check.ts';
import { awsJsonRequest, type RequestVariation } from '../wire/aws-json-request.ts';
import { liveRevokeInput, sendRevoke, sensitiveValuesOf } from './revoke-probe.ts';

const ORIGIN = 'conformance/server/probes/routing.ts';

interface RoutingProbe {
  id: string;
  title: string;
  variation: RequestVariation;
  /** A request a server must claim (accepted), or must not (refused). */
  claim: boolean;
  level?: 'must' | 'should';
  prefer?: Preference;
  /** GET carries no body, so it needs no token. */
  withoutBody?: boolean;
}

const unknownOperation: Preference = { rule: 'S2', types: ['UnknownOperationException'], statuses: [404] };
const unsupportedMediaType: Preference = { rule: 'S2', types: ['UnsupportedMediaTypeException'], statuses: [415] };

const PROBES: readonly RoutingProbe[] = [
  {
    id: 'claim-refuses-get',
    title: 'GET / is not an awsJson call: it is refused with a 4xx (405 preferred)',
    variation: { method: 'GET' },
    claim: false,
    prefer: { rule: 'S2', statuses: [405] },
    withoutBody: true,
  },
  {
    id: 'claim-refuses-put',
    title: 'PUT / with a RevokeToken body that would succeed is refused with a 4xx (405 preferred)',
    variation: { method: 'PUT' },
    claim: false,
    prefer: { rule: 'S2', statuses: [405] },
  },
  {
    id: 'claim-refuses-another-path',
    title: 'POST /revoke with a body that would succeed is refused: awsJson calls go to / only',
    variation: { path: '/revoke' },
    claim: false,
    prefer: unknownOperation,
  },
  {
    id: 'claim-refuses-missing-target',
    title: 'a call without X-Amz-Target is refused: nothing says which operation it is',
    variation: { headers: { 'x-amz-target': undefined } },
    claim: false,
    prefer: unknownOperation,
  },
  {
    id: 'claim-refuses-unknown-operation',
    title: 'X-Amz-Target naming an operation the service does not have is refused',
    variation: { headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeTokens' } },
    claim: false,
    prefer: unknownOperation,
  },
  {
    id: 'claim-refuses-other-service-name',
    title: 'X-Amz-Target with a service name other than the shape name (the sdkId-derived bug, smithy-rs#4106) is refused',
    variation: { headers: { 'x-amz-target': 'CognitoIdentityProvider.RevokeToken' } },
    claim: false,
    prefer: unknownOperation,
  },
  {
    id: 'claim-refuses-missing-content-type',
    title: 'a call without Content-Type is refused (415 preferred): the Content-Type identifies the protocol',
    variation: { headers: { 'content-type': undefined } },
    claim: false,
    prefer: unsupportedMediaType,
  },
  {
    id: 'claim-refuses-plain-json',
    title: 'Content-Type application/json is another protocol: the call is refused (415 preferred)',
    variation: { headers: { 'content-type': 'application/json' } },
    claim: false,
    prefer: unsupportedMediaType,
  },
  {
    id: 'claim-accepts-content-type-parameters',
    title: "Content-Type application/x-amz-json-1.1; charset=utf-8 is the protocol's: the call succeeds",
    variation: { headers: { 'content-type': 'application/x-amz-json-1.1; charset=utf-8' } },
    claim: true,
  },
  {
    id: 'claim-accepts-content-type-in-any-case',
    title: "media types are case-insensitive (RFC 9110): Application/X-Amz-Json-1.1 is the protocol's, and the call succeeds",
    variation: { headers: { 'content-type': 'Application/X-Amz-Json-1.1' } },
    claim: true,
    level: 'should',
  },
];

function routingCase(probe: RoutingProbe): FixedServerCase {
  const level = probe.level ?? 'must';
  return {
    kind: 'scripted',
    id: probe.id,
    title: probe.title,
    level,
    tags: probe.claim ? ['S1', 'routing'] : ['S1', 'S2', 'routing'],
    origin: ORIGIN,
    async run(context: CaseContext) {
      const recorder = new CaseRecorder(context.wire.timeoutMs);
      const input = probe.withoutBody ? undefined : await liveRevokeInput(context);
      const body = input === undefined ? new Uint8Array(0) : input;
      const request = awsJsonRequest(context.wire.endpoint, 'RevokeToken', body, probe.variation);
      const expected = probe.claim
        ? ({ kind: 'accepted', rule: 'S1', level } as const)
        : ({ kind: 'refused', rule: 'S1', level, protocolErrors: ROUTING_ERRORS, ...(probe.prefer ? { prefer: probe.prefer } : {}) } as const);
      await sendRevoke(context, recorder, probe.id, request, expected, sensitiveValuesOf(input));
      return recorder;
    },
  };
}

/** Claiming and routing (checklist S1, S2): one case per way a request can miss, or just hit. @internal */
export const ROUTING_CASES: readonly FixedServerCase[] = PROBES.map(routingCase);
