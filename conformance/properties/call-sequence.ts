import type fc from 'fast-check';
import type { AdapterCapabilities, RevokeTokenInput } from '../adapters/contract.ts';
import type { FixtureExpectation, FixtureResponse } from '../fixtures/types.ts';
import type { Level } from '../judging/check.ts';

/**
 * A generated life of one adapter object: the calls it serves, in the order they start and
 * finish, as plain data (it crosses into the sandbox worker). decisions/0016-call-sequences.md.
 * @internal
 */
export interface CallSequence {
  /** The input objects of the sequence: two calls naming the same index are passed the very same object. */
  inputs: RevokeTokenInput[];
  calls: ScriptedCall[];
  /** In order: a call starts (and runs on, overlapping what follows), or the sequence waits for one to settle. */
  steps: SequenceStep[];
}

export type SequenceStep = { kind: 'start'; call: number } | { kind: 'await'; call: number };

/** One call: the object it is given, where it goes, what the service answers and how its signal behaves. */
export interface ScriptedCall {
  input: number;
  /** context.endpoint: a regional host and a path of the call's own (`/q3`), so each request names its call. */
  endpoint: string;
  region: string;
  answer: CallAnswer;
  signal?: SignalPlan;
}

/** What the fake service answers every request of the call (`hang`: never, for calls the suite aborts). */
export interface CallAnswer {
  /** How the answer reads in a printed sequence: `500 InternalErrorException`, `connection-reset`. */
  label: string;
  level: Level;
  tags: readonly string[];
  response: FixtureResponse | 'hang';
  expect: FixtureExpectation;
}

/**
 * The call's AbortSignal. `pre-aborted`: aborted before the call starts. `on-request`: the
 * suite aborts signal number `signal` when the first request of any call holding it arrives
 * (two calls with the same number share the signal). `in-backoff`: aborted once the call has
 * had an answer and everything waits on a timer, the back-off before a retry. `long-lived`: an
 * application's signal (a shutdown signal) held by every call that takes it and aborted only
 * once every call of the sequence has settled: a listener a call left on it must do nothing then.
 */
export type SignalPlan = { kind: 'pre-aborted' } | { kind: 'on-request'; signal: number } | { kind: 'in-backoff' } | { kind: 'long-lived'; signal: number };

/** A family of generated sequences, run like a property: budgets, shrinking, seed and replay. @internal */
export interface SequenceDefinition {
  id: string;
  title: string;
  level: Level;
  tags: readonly string[];
  notApplicable?(capabilities: Required<AdapterCapabilities>): string | undefined;
  /** The generated commands; `sequenceOf` turns one value into the sequence it stands for. */
  commands(capabilities: Required<AdapterCapabilities>, replayPath?: string): fc.Arbitrary<Iterable<fc.Command<object, object>>>;
  sequenceOf(commands: Iterable<fc.Command<object, object>>): CallSequence;
  runs: number;
}
