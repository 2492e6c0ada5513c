import { parseArgs } from 'node:util';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import { LANES } from './lanes.ts';

const LANE_NAMES = [...LANES, ...INFORMATIONAL_LANES].map((l) => l.name);

export class MatrixUsageError extends Error {
  override name = 'MatrixUsageError';
}

export interface MatrixOptions {
  out: string;
  check: boolean;
  write: boolean;
  lanes: string[];
  laneTimeoutMs: number;
  seed: number;
  help: boolean;
}

export const DEFAULT_OUT = 'conformance-results/matrix';
/** One seed for every lane and every run, so the properties' counterexamples (and the summary) repeat. */
export const DEFAULT_SEED = 20_260_101;
/** Cold, a lane may first build its client (the Go shim, the Python venv). */
export const DEFAULT_LANE_TIMEOUT_S = 900;

export const MATRIX_USAGE = `Usage: npm run matrix -- [options]

Runs every client and server lane through the conformance suite (--strict, one lane at a
time), then writes the matrix site: index.html and results.json.

Options:
  --out <dir>           where the site goes (default ${DEFAULT_OUT})
  --check               fail (exit 1) when the fresh summary differs from conformance/matrix/summary.json
                        or the README's table differs from the committed summary
  --write               update conformance/matrix/summary.json and the README's table
  --lane <name>         only this lane (repeatable; not with --check or --write): ${LANE_NAMES.join(', ')}
  --lane-timeout <s>    most seconds one lane may take (default ${DEFAULT_LANE_TIMEOUT_S})
  --seed <n>            property seed for every lane (default ${DEFAULT_SEED}; the committed summary uses the default)
  --help                show this text

A lane that cannot run keeps its last good result from conformance/matrix/summary.json on the
page, marked stale with the reason; the run still exits 1 for it. The informational lanes
(${INFORMATIONAL_LANES.map((l) => l.name).join(', ')}) show what they observe and are never a failure.

Exit codes: 0 the site was written (and with --check the summary matches); 1 --check found a
difference or a lane could not run (stale or not); 2 a usage error.`;

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value)))
    throw new MatrixUsageError(`--${flag} must be a whole number of at least ${min}, got "${value}"`);
  return Number(value);
}

export function parseMatrixOptions(argv: readonly string[]): MatrixOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        lane: { type: 'string', multiple: true },
        'lane-timeout': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new MatrixUsageError((error as Error).message);
  }
  if (values.out !== undefined && values.out.trim() === '') throw new MatrixUsageError('--out needs a directory');
  if (values.check && values.write) throw new MatrixUsageError('--check and --write: choose one');
  const lanes = values.lane ?? [];
  for (const lane of lanes) if (!LANE_NAMES.includes(lane)) throw new MatrixUsageError(`--lane ${lane}: not a lane (${LANE_NAMES.join(', ')})`);
  if (lanes.length > 0 && (values.check || values.write)) throw new MatrixUsageError('--lane runs part of the matrix, so it cannot go with --check or --write');
  const seed = wholeNumber('seed', values.seed, DEFAULT_SEED, 0);
  if ((values.check || values.write) && seed !== DEFAULT_SEED)
    throw new MatrixUsageError(`--seed: the committed summary is for seed ${DEFAULT_SEED}, so --check and --write use that one`);
  return {
    out: values.out ?? DEFAULT_OUT,
    check: values.check!,
    write: values.write!,
    lanes,
    laneTimeoutMs: wholeNumber('lane-timeout', values['lane-timeout'], DEFAULT_LANE_TIMEOUT_S, 1) * 1000,
    seed,
    help: values.help!,
  };
}
