import { join } from 'node:path';
import { runConformance } from '../../run/run-conformance.ts';
import { CATALOGUE, type CatalogueEntry } from './catalogue.ts';

/** A fixed seed: the score must not move between runs of the same suite. */
export const CATALOGUE_SEED = 20261207;

/** Real time a call of an entry that does not hang by design may take (a correct call takes milliseconds). */
const DEFAULT_CASE_TIMEOUT_MS = 1_000;
/**
 * Real time a sandbox may take to start (--start-timeout): loading the harness and the module
 * under tsx takes seconds on a busy two-core machine, and a start that times out says nothing
 * about the entry.
 */
const START_TIMEOUT_MS = 60_000;
/** Results that judge the sandbox's start and end, not a call. */
const HARNESS_RESULTS: ReadonlySet<string> = new Set(['adapter-load', 'adapter-close']);

/** What the suite made of one client: caught when the run failed. */
export interface ModuleVerdict {
  id: string;
  caught: boolean;
  /** The rules of every failing verdict, sorted. */
  failedRules: string[];
  /** The failing cases, each with its failing rules, for messages. */
  failedCases: string[];
  passed: number;
  failed: number;
  /** A run that could not happen at all (load error, bad option): never counted as caught. */
  error?: string;
}

/** Runs one adapter module through the default suite (with `strict`, the --strict one) exactly as `--adapter <module>` does, in its sandbox. */
export async function judgeModule(
  id: string,
  module: string,
  root: string,
  { caseTimeoutMs = DEFAULT_CASE_TIMEOUT_MS, strict = false }: { caseTimeoutMs?: number | undefined; strict?: boolean | undefined } = {},
): Promise<ModuleVerdict> {
  try {
    const { summary, results } = await runConformance({
      adapter: join(root, module),
      seed: CATALOGUE_SEED,
      caseTimeoutMs,
      startTimeoutMs: START_TIMEOUT_MS,
      strict,
      expectations: [],
      reporters: [],
    });
    const failing = results.filter((r) => r.classified.kind === 'fail');
    const rulesOf = (r: (typeof failing)[number]) => (r.classified.kind === 'fail' ? r.classified.failures.map((v) => v.check) : []);
    const harness = failing.filter((r) => HARNESS_RESULTS.has(r.id));
    if (harness.length > 0) {
      const why = harness.flatMap((r) => (r.classified.kind === 'fail' ? r.classified.failures.map((v) => v.actual ?? v.title) : [])).join('; ');
      return { id, caught: false, failedRules: [], failedCases: [], passed: 0, failed: 0, error: `the sandbox did not start or end cleanly: ${why}` };
    }
    return {
      id,
      caught: summary.failed > 0,
      failedRules: [...new Set(failing.flatMap(rulesOf))].sort(),
      failedCases: failing.map((r) => `${r.id} (${[...new Set(rulesOf(r))].join(', ')})`),
      passed: summary.passed,
      failed: summary.failed,
    };
  } catch (error) {
    return {
      id,
      caught: false,
      failedRules: [],
      failedCases: [],
      passed: 0,
      failed: 0,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** Runs `work` over `items`, at most `size` at a time, keeping the items' order in the results. */
export async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/** Every entry of the catalogue through the suite, `pool` sandboxes at a time. */
export function judgeCatalogue(root: string, pool = 2, entries: readonly CatalogueEntry[] = CATALOGUE): Promise<ModuleVerdict[]> {
  return inPool(entries, pool, (e) => judgeModule(e.id, e.module, root, { caseTimeoutMs: e.caseTimeoutMs, strict: e.strict }));
}

/** The figure for BENCHMARKS.md and the README: "caught N of M". */
export function scoreLine(verdicts: readonly ModuleVerdict[]): string {
  return `caught ${verdicts.filter((v) => v.caught).length} of ${verdicts.length}`;
}
