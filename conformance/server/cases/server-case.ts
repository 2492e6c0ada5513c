import type fc from 'fast-check';
import type { InformationalVerdict, Level } from '../../judging/check.ts';
import type { SensitiveValues } from '../../redaction/redact.ts';
import type { ServerRuleId } from '../../rules/registry.ts';
import type { ExpectedOutcome, ServerObservation } from '../checks/server-check.ts';
import type { AwsJsonClient } from '../provision/aws-json-client.ts';
import type { SessionTokens } from '../provision/sessions.ts';
import type { ClientRole, World } from '../provision/world.ts';
import type { ResolvedUnverified } from '../semantics/unverified.ts';
import type { Exchange } from '../wire/exchange.ts';
import type { ServerWire } from '../wire/server-wire.ts';

/**
 * What a case may use while it runs. Every request goes through `wire` (one at a time, within
 * the budget and the rate); `world` is provisioned once per run, on first use.
 * @internal
 */
export interface CaseContext {
  wire: ServerWire;
  api: AwsJsonClient;
  region: string;
  sensitive: SensitiveValues;
  unverified: ResolvedUnverified;
  world(): Promise<World>;
  /** A new sign-in on the role's client (public by default), as one of the run's users (the first by default): a refresh token nothing else has touched. */
  freshSession(role?: ClientRole, user?: number): Promise<SessionTokens>;
  /**
   * Set by the runner for generated cases: true when a step fails a rule that the run counts
   * and does not expect. A model run stops there, so a failing sequence ends at its failure.
   */
  failsRun?(step: JudgedStep): boolean;
}

/** One judged exchange of a case, with a label saying which step it was. @internal */
export interface JudgedStep {
  label: string;
  observation: ServerObservation;
}

/** What running a case produced: its judged exchanges and its informational verdicts. @internal */
export interface CaseOutcome {
  steps: JudgedStep[];
  notes: InformationalVerdict[];
}

/** Thrown by a recorder told to stop at the first failing step. @internal */
export class StopAtFailure extends Error {
  override name = 'StopAtFailure';
}

/** Collects a case's steps as it runs. @internal */
export class CaseRecorder implements CaseOutcome {
  readonly steps: JudgedStep[] = [];
  readonly notes: InformationalVerdict[] = [];

  /** `stopAt`: a step for which it returns true ends the case (StopAtFailure) once recorded. */
  constructor(
    private readonly timeoutMs: number,
    private readonly stopAt?: (step: JudgedStep) => boolean,
  ) {}

  judge(label: string, operation: string, exchange: Exchange, expected: ExpectedOutcome, sensitive: ReadonlyArray<string | undefined> = []): void {
    const step: JudgedStep = {
      label,
      observation: { operation, exchange, expected, sensitive: sensitive.filter((v): v is string => typeof v === 'string'), timeoutMs: this.timeoutMs },
    };
    this.steps.push(step);
    if (this.stopAt?.(step)) throw new StopAtFailure(`stopped after the failing step ${label}`);
  }

  note(rule: ServerRuleId, title: string, expected: string, actual: string, agrees: boolean): void {
    this.notes.push({ check: rule, title, level: 'should', status: agrees ? 'pass' : 'fail', expected, actual, informational: true });
  }
}

interface CaseBase {
  id: string;
  title: string;
  level: Level;
  /** Rule ids and group names, for --filter. */
  tags: readonly string[];
  /** The module that defines the case, shown as the result's origin. */
  origin: string;
}

/** A case with one fixed script. @internal */
export interface FixedServerCase extends CaseBase {
  kind: 'scripted';
  run(context: CaseContext): Promise<CaseOutcome>;
}

/** A case whose requests fast-check generates; each run must pass. @internal */
export interface GeneratedServerCase<T = unknown> extends CaseBase {
  kind: 'generated';
  /** Default number of runs. */
  runs: number;
  /** `commandsReplayPath` replays a shrunk command sequence (fast-check's replayPath). */
  arbitrary(replay: { commandsReplayPath?: string }): fc.Arbitrary<T>;
  run(context: CaseContext, value: T): Promise<CaseOutcome>;
  /** The generated value for a report: sensitive values left out or redacted afterwards. */
  describe(value: T): Record<string, unknown>;
  /**
   * Model runs wander over every rule, so their coverage varies with the seed: they tolerate a
   * failure of any rule some expectation of the run already lists, instead of needing their own.
   */
  borrowsExpectations?: boolean;
}

/**
 * Any case. The generated value's type differs per case and only the case itself reads it,
 * so the list of cases erases it.
 * @internal
 */
// biome-ignore lint/suspicious/noExplicitAny: each case reads only its own generated value, whose type differs per case.
export type ServerCase = FixedServerCase | GeneratedServerCase<any>;
