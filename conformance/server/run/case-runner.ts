import type { InformationalVerdict, Verdict } from '../../judging/check.ts';
import { judge as judgeOne } from '../../judging/judge.ts';
import { cleanAdapterText, describeThrown } from '../../redaction/adapter-text.ts';
import { cleanStructure, cleanVerdict } from '../../redaction/clean-verdict.ts';
import { redactedCrash } from '../../redaction/crash.ts';
import { ruleById } from '../../rules/registry.ts';
import { type Classified, classify, type Expectation } from '../../run/expectations.ts';
import { type RunProgress, runGenerated } from '../../run/generated-run.ts';
import { replayLine } from '../../run/replay.ts';
import type { CaseContext, CaseOutcome, FixedServerCase, GeneratedServerCase, JudgedStep } from '../cases/server-case.ts';
import { mergeVerdicts, type ServerCheck } from '../checks/server-check.ts';
import { SetupError } from '../provision/world.ts';
import { shorten } from '../wire/exchange.ts';
import { RequestBudgetExhausted } from '../wire/server-wire.ts';
import { failingStepExchanges } from './captured-steps.ts';
import type { ServerResult } from './server-result.ts';

/** Why a generated case stopped: the run's request budget ran out (the case may not have run at all). */
const REQUEST_BUDGET_SPENT = 'request budget';
/** Why a generated case stopped shrinking: it spent its share of requests on it. */
const SHRINK_BUDGET_SPENT = 'shrink budget: the smallest failure within the requests a case may spend on shrinking';

/** What every case of one run shares. @internal */
export interface CaseRunEnvironment {
  context: CaseContext;
  checks: readonly ServerCheck[];
  expectations: readonly Expectation[];
  /** Which failures fail the run: must-level, and should-level under --strict. */
  counted: (verdict: Verdict) => boolean;
  seed: number;
  /** Runs per generated case; undefined: each case's own. */
  runs?: number;
  /** Replays one shrunk failure of the only selected generated case. */
  replay?: { path: string; commandsReplayPath?: string };
  /** The command line up to the case-specific flags, for replay lines. */
  replayBase: string;
  /** Requests a generated case may spend on shrinking once it has failed. */
  shrinkRequestBudget: number;
  /** Rules that already failed in an earlier case of the run, and that case: a generated case failing only those is not shrunk again. */
  counterexamples?: ReadonlyMap<string, string>;
}

/**
 * Judges every step, then redacts each verdict and only then shortens it, so that no cut can
 * leave part of a secret where redaction would not recognise it.
 */
function judge(outcome: CaseOutcome, checks: readonly ServerCheck[], redact: (text: string) => string): Verdict[] {
  const tidy = (text: string) => shorten(redact(text));
  return mergeVerdicts(
    outcome.steps.map((step) => ({
      label: step.label,
      // A long value shows as its length and first difference; the server's text is made safe to show.
      verdicts: judgeOne(checks, step.observation).map((v) => cleanVerdict(v, tidy)),
    })),
  );
}

function setupFailure(error: SetupError): Verdict {
  return { check: 'H2', title: ruleById('H2').title, level: 'must', status: 'fail', expected: 'the setup call succeeds', actual: error.message };
}

function redacted<T extends Verdict>(verdicts: readonly T[], redact: (text: string) => string): T[] {
  return verdicts.map((v) => ({
    ...v,
    title: redact(v.title),
    ...(v.expected !== undefined ? { expected: redact(v.expected) } : {}),
    ...(v.actual !== undefined ? { actual: redact(v.actual) } : {}),
  }));
}

function uniqueNotes(notes: Iterable<InformationalVerdict>): InformationalVerdict[] {
  return [...new Map([...notes].map((note) => [`${note.check}\u0000${note.actual}`, note])).values()];
}

function notRun(base: Omit<ServerResult, 'classified' | 'verdicts' | 'warnings' | 'informational'>, reason: string): ServerResult {
  return { ...base, classified: { kind: 'not-applicable', reason }, verdicts: [], warnings: [], informational: [] };
}

/** Runs a scripted case once and classifies it against the expectations. @internal */
export async function runFixedCase(testCase: FixedServerCase, env: CaseRunEnvironment): Promise<ServerResult> {
  const redact = (text: string) => env.context.sensitive.redact(text);
  const base = {
    id: testCase.id,
    kind: 'scripted' as const,
    level: testCase.level,
    documentation: testCase.title,
    origin: testCase.origin,
    replay: replayLine(env.replayBase, testCase.id),
  };
  let verdicts: Verdict[];
  let notes: InformationalVerdict[] = [];
  let steps: JudgedStep[] = [];
  try {
    const outcome = await testCase.run(env.context);
    verdicts = judge(outcome, env.checks, redact);
    notes = outcome.notes;
    steps = outcome.steps;
  } catch (error) {
    if (error instanceof RequestBudgetExhausted) return notRun(base, `not run: ${error.message}`);
    if (!(error instanceof SetupError)) throw error;
    verdicts = [setupFailure(error)];
  }
  verdicts = redacted(verdicts, redact);
  const exchanges = verdicts.some((v) => v.status === 'fail') ? failingStepExchanges(steps, env.checks, env.context.sensitive) : undefined;
  return {
    ...base,
    verdicts,
    ...(exchanges ? { exchanges } : {}),
    classified: classify(testCase.id, verdicts, env.expectations, env.counted),
    warnings: verdicts.filter((v) => v.status === 'fail' && !env.counted(v)),
    informational: uniqueNotes(redacted(notes, (text) => cleanAdapterText(shorten(redact(text))))),
  };
}

/**
 * Runs a generated case under fast-check: every run must pass; a failure shrinks (within the
 * shrink budget, so a failing server cannot turn shrinking into thousands of requests) and is
 * reported with its shrunk value and a replay line.
 * @internal
 */
export async function runGeneratedCase<T>(testCase: GeneratedServerCase<T>, env: CaseRunEnvironment): Promise<ServerResult> {
  const redact = (text: string) => env.context.sensitive.redact(text);
  const origin = testCase.origin;
  const own = env.expectations.filter((e) => e.case === testCase.id);
  const coveredByOwn = (v: Verdict) => own.some((e) => e.check === undefined || e.check === v.check);
  // Rule id -> the cases whose expectations list it.
  const borrowed = new Map<string, string[]>();
  if (testCase.borrowsExpectations)
    for (const e of env.expectations) if (e.check !== undefined) borrowed.set(e.check, [...(borrowed.get(e.check) ?? []), e.case]);
  const isExpected = (v: Verdict) => coveredByOwn(v) || borrowed.has(v.check);

  const notes: InformationalVerdict[] = [];
  // Shrinking spends requests: past this many after the first failure, the smallest failure so far is the report's.
  let failedAtRequest: number | undefined;
  const shrinkRequests = (progress: RunProgress): string | undefined => {
    if (progress.msSinceFailure === undefined) return undefined;
    failedAtRequest ??= env.context.wire.sent;
    return env.context.wire.sent - failedAtRequest > env.shrinkRequestBudget ? SHRINK_BUDGET_SPENT : undefined;
  };

  const context: CaseContext = {
    ...env.context,
    failsRun: (step) => judge({ steps: [step], notes: [] }, env.checks, redact).some((v) => v.status === 'fail' && env.counted(v) && !isExpected(v)),
  };

  const outcome = await runGenerated<[T], JudgedStep[]>({
    arbitraries: [testCase.arbitrary({ commandsReplayPath: env.replay?.commandsReplayPath })],
    run: async (value) => {
      try {
        const ran = await testCase.run(context, value);
        notes.push(...ran.notes);
        return { verdicts: redacted(judge(ran, env.checks, redact), redact), detail: ran.steps };
      } catch (error) {
        if (error instanceof RequestBudgetExhausted) return { stop: REQUEST_BUDGET_SPENT };
        if (!(error instanceof SetupError)) throw error;
        return { verdicts: [setupFailure(error)], detail: [] };
      }
    },
    seed: env.seed,
    numRuns: env.runs ?? testCase.runs,
    replayPath: env.replay?.path,
    limit: shrinkRequests,
    isExpected,
    counted: env.counted,
    ...(env.counterexamples ? { counterexamples: env.counterexamples } : {}),
  });

  const base = {
    id: testCase.id,
    kind: 'generated' as const,
    level: testCase.level,
    documentation: testCase.title,
    origin,
    runs: outcome.numRuns,
    ...(outcome.stopped !== undefined && outcome.stopped !== REQUEST_BUDGET_SPENT ? { stopped: outcome.stopped } : {}),
  };
  const replayFor = (seed: number, path?: string, commands?: string) => replayLine(env.replayBase, testCase.id, { seed, path, commandsPath: commands });
  const informational = uniqueNotes(redacted(notes, (text) => cleanAdapterText(shorten(redact(text)))));

  if (outcome.failure) {
    const counterexample = cleanStructure(testCase.describe(outcome.failure.values[0]), env.context.sensitive);
    const commands = typeof counterexample['replayPath'] === 'string' ? counterexample['replayPath'] : undefined;
    const exchanges = failingStepExchanges(outcome.failure.detail, env.checks, env.context.sensitive);
    return {
      ...base,
      verdicts: outcome.failure.verdicts,
      ...(exchanges ? { exchanges } : {}),
      classified: { kind: 'fail', failures: outcome.failure.failures },
      counterexample,
      replay: replayFor(outcome.seed, outcome.failure.path, commands),
      warnings: [],
      informational,
    };
  }
  if (outcome.crashed) {
    throw redactedCrash(new Error(`server case ${testCase.id} crashed: ${describeThrown(outcome.crashed.cause)}`), env.context.sensitive);
  }
  if (outcome.completedRuns === 0 && outcome.stopped === REQUEST_BUDGET_SPENT) {
    return notRun({ ...base, replay: replayFor(env.seed) }, 'not run: the request budget ran out');
  }

  const judged = outcome.judged;
  const seen = outcome.expectedFailures;
  const observable = own.filter((e) => e.check === undefined || judged.has(e.check));
  let classified: Classified = classify(testCase.id, seen.filter(coveredByOwn), observable, () => true);
  const borrowedSeen = seen.filter((v) => !coveredByOwn(v));
  if (borrowedSeen.length > 0 && (classified.kind === 'pass' || classified.kind === 'expected-fail')) {
    const earlier = classified.kind === 'expected-fail' ? classified : { failures: [], expectations: [] };
    classified = {
      kind: 'expected-fail',
      failures: [...earlier.failures, ...borrowedSeen],
      expectations: [
        ...earlier.expectations,
        ...borrowedSeen.map((v) => {
          const cases = borrowed.get(v.check)!;
          const named = cases.length > 3 ? `${cases.slice(0, 3).join(', ')} and ${cases.length - 3} more` : cases.join(', ');
          return {
            case: testCase.id,
            check: v.check,
            reason: `a deviation this server is known for: the expectations list ${v.check} for ${named}`,
            source: 'the expectations of those cases',
          };
        }),
      ],
    };
  }
  return { ...base, verdicts: seen, classified, replay: replayFor(env.seed), warnings: outcome.warnings, informational };
}
