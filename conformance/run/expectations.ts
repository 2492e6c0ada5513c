import { InputFileError, readInputFile } from '../files/read-input-file.ts';
import type { Verdict } from '../judging/check.ts';

/**
 * Known failures of one client, each with the reason and the source of the behaviour, so a
 * change in the client shows up as an unexpected failure or an unexpected pass.
 * @public
 */
export interface ExpectationsFile {
  adapter: string;
  expectations: Expectation[];
}

/** One known failure: the case, optionally the rule, and why. @public */
export interface Expectation {
  /** A fixture id or a property id. */
  case: string;
  /** The rule expected to fail (e.g. C19); absent: any rule of that case. */
  check?: string;
  reason: string;
  /** Where the client's behaviour is documented or seen (code path, issue, doc page). */
  source: string;
}

export class ExpectationsError extends Error {
  override name = 'ExpectationsError';
}

/**
 * Most bytes an expectations file may hold: 1 MiB. The largest bundled one (cognito-local) is
 * under 40 KB; a thousand entries with long reasons still fit.
 */
export const MAX_EXPECTATIONS_BYTES = 1024 * 1024;

/**
 * Reads and checks an expectations file; every problem names the file and the entry. The read
 * is bounded (files/read-input-file.ts): a FIFO, a device or a huge file is refused, not waited on.
 */
export async function loadExpectations(path: string): Promise<ExpectationsFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readInputFile(path, { maxBytes: MAX_EXPECTATIONS_BYTES }));
  } catch (error) {
    if (error instanceof InputFileError) throw new ExpectationsError(`--expectations ${path}: ${error.problem}`);
    throw new ExpectationsError(`--expectations ${path}: ${(error as Error).message}`);
  }
  const file = parsed as Partial<ExpectationsFile> | null;
  if (!file || typeof file !== 'object' || typeof file.adapter !== 'string' || !Array.isArray(file.expectations)) {
    throw new ExpectationsError(`--expectations ${path}: expected {"adapter": string, "expectations": [...]}`);
  }
  const seen = new Set<string>();
  file.expectations.forEach((entry, index) => {
    const where = `--expectations ${path}: /expectations/${index}`;
    if (!entry || typeof entry.case !== 'string' || entry.case === '') throw new ExpectationsError(`${where}/case: must be a case id`);
    if (entry.check !== undefined && typeof entry.check !== 'string') throw new ExpectationsError(`${where}/check: must be a rule id such as C19`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '') throw new ExpectationsError(`${where}/reason: every known failure needs a reason`);
    if (typeof entry.source !== 'string' || entry.source.trim() === '') throw new ExpectationsError(`${where}/source: every known failure needs a source`);
    const key = `${entry.case}#${entry.check ?? '*'}`;
    if (seen.has(key)) throw new ExpectationsError(`${where}: duplicate entry for ${key}`);
    seen.add(key);
  });
  return file as ExpectationsFile;
}

/** What an expectations file may name: every case and every rule of the suite it is used with. */
export interface ExpectationTargets {
  /** Every case id of the suite (all of them, not only those a filter or revision selected). */
  cases: ReadonlySet<string>;
  /** Every rule id of the direction. */
  rules: ReadonlySet<string>;
  /** How messages name a case, e.g. "fixture or property". */
  what: string;
}

/**
 * Checks that every entry names a case and a rule that exist, before anything runs: an entry
 * for a misspelt case or rule matches nothing, so it would be ignored without a word (and
 * never reported as stale). Checked against the whole
 * suite, so a --filter that selects fewer cases never turns a valid entry into an error.
 */
export function checkExpectationTargets(file: ExpectationsFile, path: string, targets: ExpectationTargets): void {
  file.expectations.forEach((entry, index) => {
    const where = `--expectations ${path}: /expectations/${index}`;
    if (!targets.cases.has(entry.case)) throw new ExpectationsError(`${where}/case: ${JSON.stringify(entry.case)} is not a ${targets.what} of this suite`);
    if (entry.check !== undefined && !targets.rules.has(entry.check))
      throw new ExpectationsError(`${where}/check: ${JSON.stringify(entry.check)} is not a rule of this suite (see --list --rules)`);
  });
}

export type Classified =
  | { kind: 'pass' }
  | { kind: 'fail'; failures: Verdict[] }
  | { kind: 'expected-fail'; failures: Verdict[]; expectations: Expectation[] }
  | { kind: 'unexpected-pass'; expectations: Expectation[] };

/**
 * Sorts the failed verdicts of one case into expected and unexpected ones. `counted` says
 * which levels fail the run (must only, or must and should under --strict).
 */
export function classify(caseId: string, verdicts: readonly Verdict[], expectations: readonly Expectation[], counted: (v: Verdict) => boolean): Classified {
  const mine = expectations.filter((e) => e.case === caseId);
  const failures = verdicts.filter((v) => v.status === 'fail' && counted(v));
  const covers = (v: Verdict) => mine.some((e) => e.check === undefined || e.check === v.check);
  const unexpected = failures.filter((v) => !covers(v));
  if (unexpected.length > 0) return { kind: 'fail', failures: unexpected };
  const allFailures = verdicts.filter((v) => v.status === 'fail');
  const unmet = mine.filter((e) => !allFailures.some((v) => e.check === undefined || e.check === v.check));
  if (unmet.length > 0) return { kind: 'unexpected-pass', expectations: unmet };
  if (mine.length > 0) return { kind: 'expected-fail', failures: allFailures, expectations: mine };
  return { kind: 'pass' };
}
