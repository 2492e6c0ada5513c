import fc from 'fast-check';
import type { AdapterCapabilities, RevokeTokenInput } from '../adapters/contract.ts';
import { AWS_JSON_1_1_CONTENT_TYPE } from '../protocol/aws-json.ts';
import type { CallAnswer, CallSequence, SequenceDefinition, SignalPlan } from './call-sequence.ts';
import { callerRequest, MODEL_ERRORS, validRequest } from './model-inputs.ts';
import { errorResponse, messageText, requestIdArb, unknownMembers } from './wire-errors.ts';

/** At most this many calls in one sequence, and this many in flight at once. */
const MAX_CALLS = 8;
const MAX_IN_FLIGHT = 3;
/** Regions of the endpoints the calls are given: the hosts vary with them. */
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'sa-east-1'] as const;
const JSON_HEADERS = { 'Content-Type': AWS_JSON_1_1_CONTENT_TYPE };

/** The model a sequence is built against: what exists so far (inputs, calls, signals), and which calls are still in flight. */
class SequenceBuilder {
  readonly sequence: CallSequence = { inputs: [], calls: [], steps: [] };
  readonly inFlight: number[] = [];
  signals = 0;
  /** A signal held by one call so far, which the next call asking to share one takes. */
  openShared: number | undefined;
  /** The sequence's long-lived signal, once a call has taken it: every later call asking for one shares it. */
  longLived: number | undefined;
  /** The inputs (by index) whose strings are a caller's (whitespace, U+0000, lone surrogates...), not the model's. */
  readonly callerInputs = new Set<number>();
}

type SignalChoice = 'none' | 'pre-aborted' | 'on-request' | 'shared' | 'in-backoff' | 'long-lived';

interface CallSpec {
  fresh: RevokeTokenInput;
  /** `fresh` is a caller's input (see callerRequest), which breaks the model's patterns. */
  freshFromCaller: boolean;
  /** Pass an input object given before (index modulo the inputs so far) instead of a fresh one. */
  reuse: number | null;
  region: (typeof REGIONS)[number];
  answer: CallAnswer;
  /** Leave the call in flight while the next steps run (otherwise the sequence waits for it). */
  overlap: boolean;
  signal: SignalChoice;
}

const HANG: Pick<CallAnswer, 'response' | 'label'> = { response: 'hang', label: 'never (the suite aborts it)' };
const RETRYABLE_500: CallAnswer = {
  label: '500 InternalErrorException',
  level: 'must',
  tags: ['A3'],
  response: errorResponse({
    name: 'InternalErrorException',
    status: 500,
    variant: 'dunder-bare',
    message: { kind: 'message', text: 'fake failure' },
    extras: {},
    cognitoHeaders: true,
    requestId: '00000000-0000-4000-8000-000000000000',
  }),
  expect: { outcome: 'error' },
};

class StartCall implements fc.Command<SequenceBuilder, SequenceBuilder> {
  constructor(readonly spec: CallSpec) {}
  check(model: Readonly<SequenceBuilder>): boolean {
    return model.sequence.calls.length < MAX_CALLS && model.inFlight.length < MAX_IN_FLIGHT;
  }
  run(model: SequenceBuilder): void {
    const { sequence } = model;
    const { spec } = this;
    let input: number;
    if (spec.reuse !== null && sequence.inputs.length > 0) input = spec.reuse % sequence.inputs.length;
    else {
      input = sequence.inputs.push(structuredClone(spec.fresh)) - 1;
      if (spec.freshFromCaller) model.callerInputs.add(input);
    }
    const call = sequence.calls.length;
    let signal: SignalPlan | undefined;
    let answer = spec.answer;
    const aborted = (plan: SignalPlan, served: CallAnswer): CallAnswer => {
      signal = plan;
      return { ...served, level: 'must', tags: ['A2'], expect: { outcome: 'error' } };
    };
    switch (spec.signal) {
      case 'pre-aborted':
        answer = aborted({ kind: 'pre-aborted' }, answer);
        break;
      case 'on-request':
        answer = aborted({ kind: 'on-request', signal: model.signals++ }, { ...answer, ...HANG });
        break;
      case 'shared': {
        const shared = model.openShared ?? model.signals++;
        model.openShared = model.openShared === undefined ? shared : undefined;
        answer = aborted({ kind: 'on-request', signal: shared }, { ...answer, ...HANG });
        break;
      }
      case 'in-backoff':
        answer = aborted({ kind: 'in-backoff' }, RETRYABLE_500);
        break;
      case 'long-lived':
        // Not aborted while the call runs: the call is an ordinary one, judged on its answer.
        model.longLived ??= model.signals++;
        signal = { kind: 'long-lived', signal: model.longLived };
        break;
    }
    // A caller's strings are sent as given but judged without the model's schema (C8).
    if (model.callerInputs.has(input)) answer = { ...answer, tags: [...answer.tags, 'caller-strings'] };
    // The path ends in a slash: where a client sends a path without one (`/q1` or `/q1/`) is
    // the endpoint rules' question (A7), not the sequences'; with the slash both readings agree.
    const endpoint = `https://cognito-idp.${spec.region}.amazonaws.com/q${call + 1}/`;
    sequence.calls.push({ input, endpoint, region: spec.region, answer, ...(signal ? { signal } : {}) });
    sequence.steps.push({ kind: 'start', call });
    if (spec.overlap) model.inFlight.push(call);
    else sequence.steps.push({ kind: 'await', call });
  }
  toString(): string {
    return `start(${this.spec.reuse === null ? (this.spec.freshFromCaller ? "new caller's input" : 'new input') : `input ${this.spec.reuse}`}, ${this.spec.region}, ${this.spec.answer.label}, ${this.spec.signal}${this.spec.overlap ? ', overlap' : ''})`;
  }
}

class AwaitCall implements fc.Command<SequenceBuilder, SequenceBuilder> {
  constructor(readonly which: number) {}
  check(model: Readonly<SequenceBuilder>): boolean {
    return model.inFlight.length > 0;
  }
  run(model: SequenceBuilder): void {
    const [call] = model.inFlight.splice(this.which % model.inFlight.length, 1);
    model.sequence.steps.push({ kind: 'await', call: call! });
  }
  toString(): string {
    return `await(${this.which})`;
  }
}

/** Every kind of answer a call can get, shrinking towards a plain success. */
function answers(): fc.Arbitrary<CallAnswer> {
  const success = fc.option(unknownMembers, { nil: undefined }).map(
    (members): CallAnswer => ({
      label: members === undefined ? '200 {}' : '200 with unknown members',
      level: 'must',
      tags: ['C12'],
      response: { code: 200, headers: JSON_HEADERS, body: JSON.stringify(members ?? {}) },
      expect: { outcome: 'success' },
    }),
  );
  const modeled = fc
    .record({ error: fc.constantFrom(...MODEL_ERRORS), observed: fc.boolean(), text: messageText, requestId: requestIdArb })
    .map(({ error, observed, text, requestId }): CallAnswer => {
      const status = observed && error.status < 500 ? 400 : error.status;
      return {
        label: `${status} ${error.name}`,
        level: 'must',
        tags: ['C20'],
        response: errorResponse({
          name: error.name,
          status,
          variant: 'dunder-bare',
          message: { kind: 'message', text },
          extras: {},
          cognitoHeaders: true,
          requestId,
        }),
        expect: { outcome: 'error', name: error.name, message: text, statusCode: status, requestId },
      };
    });
  const nonJson = fc.constantFrom(502, 503).map(
    (status): CallAnswer => ({
      label: `${status} non-JSON page`,
      level: 'must',
      tags: ['C23'],
      response: { code: status, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>Bad Gateway</h1></body></html>' },
      expect: { outcome: 'error' },
    }),
  );
  const transport = fc.constantFrom('connection-reset', 'connection-refused', 'truncated-body').map(
    (fault): CallAnswer => ({
      label: fault,
      level: 'must',
      tags: ['transport-fault'],
      response: fault === 'truncated-body' ? { code: 200, headers: JSON_HEADERS, body: '{"unknownMember":"cut half-way"}', fault } : { code: 502, fault },
      expect: { outcome: 'error' },
    }),
  );
  return fc.oneof({ arbitrary: success, weight: 3 }, { arbitrary: modeled, weight: 3 }, { arbitrary: nonJson, weight: 1 }, { arbitrary: transport, weight: 2 });
}

function signalChoices(capabilities: Required<AdapterCapabilities>): fc.Arbitrary<SignalChoice> {
  if (!capabilities.cancellation) return fc.constant('none');
  const kinds: SignalChoice[] = ['pre-aborted', 'on-request', 'shared', 'long-lived', ...(capabilities.retries ? (['in-backoff'] as const) : [])];
  return fc.oneof({ arbitrary: fc.constant<SignalChoice>('none'), weight: 4 }, { arbitrary: fc.constantFrom(...kinds), weight: 2 });
}

function startCall(capabilities: Required<AdapterCapabilities>): fc.Arbitrary<StartCall> {
  return fc
    .record({
      fresh: fc.oneof(
        { arbitrary: validRequest(capabilities).map((input) => ({ input, fromCaller: false })), weight: 3 },
        { arbitrary: callerRequest(capabilities).map((input) => ({ input, fromCaller: true })), weight: 1 },
      ),
      reuse: fc.option(fc.nat(MAX_CALLS), { nil: null, freq: 2 }),
      region: fc.constantFrom(...REGIONS),
      answer: answers(),
      overlap: fc.boolean(),
      signal: signalChoices(capabilities),
    })
    .map(({ fresh, ...spec }) => new StartCall({ ...spec, fresh: fresh.input, freshFromCaller: fresh.fromCaller }));
}

/** The sequence a generated list of commands stands for: the model decides which commands apply (fast-check's modelRun). */
export function sequenceOf(commands: Iterable<fc.Command<object, object>>): CallSequence {
  const builder = new SequenceBuilder();
  fc.modelRun(() => ({ model: builder, real: builder }), commands as Iterable<fc.Command<SequenceBuilder, SequenceBuilder>>);
  // Whatever is still in flight at the end is waited for, in the order it started.
  for (const call of builder.inFlight) builder.sequence.steps.push({ kind: 'await', call });
  return builder.sequence;
}

/** One adapter object serves every call of a sequence: endpoints, inputs passed again, overlaps, signals and every kind of answer. */
export const callSequences: SequenceDefinition = {
  id: 'call-sequences',
  title:
    'one adapter object serves a sequence of calls: endpoints of several regions, the same input object again, up to 3 in flight, aborted and shared signals, every kind of answer including transport faults; every rule judges every call',
  level: 'must',
  tags: ['sequence', 'A1', 'A2', 'A3', 'A4', 'A5', 'A9', 'C2', 'C8', 'C12', 'C13'],
  runs: 25,
  commands: (capabilities, replayPath) =>
    fc.commands(
      [startCall(capabilities) as fc.Arbitrary<fc.Command<object, object>>, fc.nat(MAX_IN_FLIGHT).map((n) => new AwaitCall(n) as fc.Command<object, object>)],
      {
        maxCommands: MAX_CALLS + 4,
        ...(replayPath ? { replayPath } : {}),
      },
    ),
  sequenceOf,
};

/** Every client sequence family, in the order they run. */
export const CLIENT_SEQUENCES: readonly SequenceDefinition[] = [callSequences];
