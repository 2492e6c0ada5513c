import type { Level, Verdict } from '../judging/check.ts';
import type { CapturedExchanges } from './captured-exchange.ts';
import type { Classified } from './expectations.ts';

/** One reported line of a run: a fixture case or a whole property. @public */
export interface Result {
  id: string;
  /** Client cases are fixtures and properties; server cases are scripted probes and generated runs. */
  kind: 'fixture' | 'property' | 'scripted' | 'generated';
  level: Level;
  documentation?: string;
  /** The case's tags (rule ids and groups) as its fixture or property declares them. */
  tags?: readonly string[];
  /** Where it came from: the fixture file, or the property's module. */
  origin: string;
  classified: Classified | { kind: 'not-applicable'; reason: string };
  /** Verdicts of the case (for a failed property: of its shrunk counterexample). Redacted. */
  verdicts: Verdict[];
  /** For properties: how many runs completed, and the shrunk counterexample's input, redacted. */
  runs?: number;
  /**
   * For properties: the bound that ended the run or its shrinking early, in words (a time
   * budget, the shrink bound, or a rule another case already has a counterexample for).
   */
  stopped?: string;
  /** For properties: where its time went (see {@link Summary.timing}). */
  timing?: { clientMs: number; harnessMs: number; backoffMs: number };
  counterexample?: Record<string, unknown>;
  /** For a failed call sequence: its shrunk calls, one numbered line each (`1. call 1: revokeToken(input#1) → … answers 500 …`). */
  calls?: string[];
  /** One command that runs exactly this case again. */
  replay: string;
  /** Warnings that do not fail the run (should-level failures without --strict). */
  warnings: Verdict[];
  /** Real time the case took, in whole milliseconds (for a property: all its runs and the shrinking). */
  durationMs?: number;
  /** Cases with a failing verdict: the first and last HTTP exchange, redacted and capped. */
  exchanges?: CapturedExchanges;
  /**
   * A case the client crashed on (rule A5): the stack of what it threw, trimmed to the user's own
   * frames (no node internals, node_modules or suite frames; paths relative to the run's folder),
   * redacted and capped. Absent when no frame is the user's.
   */
  crashStack?: string;
}

/** @public */
export interface Summary {
  /** The client or server judged: the adapter's name, or the server's. */
  implementation: string;
  total: number;
  passed: number;
  failed: number;
  expectedFailures: number;
  unexpectedPasses: number;
  notApplicable: number;
  warnings: number;
  strict: boolean;
  seed: number;
  durationMs: number;
  /**
   * Where the time went, in client runs: real milliseconds inside the client's calls
   * (`clientMs`; for a process client this includes its own real back-off), real milliseconds
   * in the harness around them (`harnessMs`: generating, judging, shrinking, reporting), and
   * virtual milliseconds of back-off the fake clock skipped (`backoffMs`, in-process clients).
   */
  timing?: { clientMs: number; harnessMs: number; backoffMs: number };
  /** Out-of-process clients: the end of the child's stderr and the harness's restart log (redacted). */
  diagnostics?: { stderr: string[]; events: string[] };
}

export function isFailure(result: Result): boolean {
  return result.classified.kind === 'fail' || result.classified.kind === 'unexpected-pass';
}
