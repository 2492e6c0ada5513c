import { parseArgs } from 'node:util';
import { REGION_PATTERN } from '../protocol/aws-json.ts';
import { describeThrown, messageOf, redactAndClean } from '../redaction/adapter-text.ts';

/**
 * The one flag table of every command (the client suite, `--serve`, `--server`, the reference
 * server and the fixture linter): the flags they share are declared here once, with their
 * help text, and each mode adds only its own. The usage error and the error wrapper that maps
 * errors to exit codes are here too, so every command reports a bad flag the same way.
 */

/** A bad flag or value, reported with the flag's name: exit code 2. @internal */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** @internal */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** One flag: what node:util parseArgs needs, plus the text `--help` shows. */
export interface Flag {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  default?: string | boolean;
  /** The value's placeholder in the help text, e.g. `<n>`. */
  arg?: string;
  help: string;
  /** For a numeric flag: the values it takes, checked before anything runs and shown by --help. */
  range?: NumericRange;
}

/**
 * The values a numeric flag takes. Every number a user can type has one: a timer above
 * 2^31 - 1 ms silently becomes 1 ms in setTimeout, and a huge run count or a tiny rate
 * makes a run that never ends, so both ends are refused up front with the flag's name.
 */
export interface NumericRange {
  min: number;
  max: number;
  /** Fractions allowed (e.g. --rate 0.5); default whole numbers only. */
  fractional?: boolean;
}

export type FlagTable = Readonly<Record<string, Flag>>;

/** The flags every suite run understands, in either direction. */
export const COMMON_FLAGS = {
  strict: { type: 'boolean', default: false, help: 'should-level rules fail the run too' },
  seed: { type: 'string', arg: '<n>', help: 'seed of every generated case (printed in each replay line)', range: { min: 0, max: 2 ** 31 - 1 } },
  runs: { type: 'string', arg: '<n>', help: "runs per property or generated case (default: each one's own count)", range: { min: 1, max: 10_000 } },
  filter: { type: 'string', multiple: true, arg: '<id|tag>', help: 'only cases with this id or tag (a rule such as C14 or S6, or a group); repeatable' },
  reporter: {
    type: 'string',
    multiple: true,
    arg: '<spec>',
    help: 'also write json=<file>, junit=<file>, ctrf=<file> or html=<file>, or github (annotations and a job summary; automatic when GITHUB_ACTIONS=true); repeatable; the console report stays',
  },
  quiet: {
    type: 'boolean',
    default: false,
    help: 'no console report: only the verdict line and the path of each --reporter file written (github still annotates)',
  },
  expectations: { type: 'string', arg: '<file>', help: 'known failures (built-ins and lanes read conformance/expectations/<name>.json)' },
  replay: {
    type: 'string',
    arg: '<id|path>',
    help: 'a failure id from a replay line (kept in .revoketoken-conformance/failures.json); failed: every stored failure, the fixed ones then removed; or a fast-check path with --seed and one --filter',
  },
  region: { type: 'string', default: 'us-east-1', arg: '<region>', help: 'region of the endpoint; default us-east-1' },
  'no-redact': { type: 'boolean', default: false, help: 'show Token, ClientId and ClientSecret values (redacted by default)' },
  verbose: {
    type: 'boolean',
    default: false,
    help: 'show every failing case in full (not collapsed by verdict), and expected failures, not-applicable cases and warnings',
  },
  list: { type: 'boolean', default: false, help: 'list the cases that would run (with --rules: the rules), then exit' },
  rules: { type: 'boolean', default: false, help: 'with --list: list the rules of this direction instead of the cases' },
  explain: {
    type: 'string',
    arg: '<rule|tag|case>',
    help: 'print a rule or tag (any case: C14, c14, C25): level, title, source, check file, its cases and its self-test; or a fixture or property id: the rules it judges, declared and measured',
  },
  help: { type: 'boolean', short: 'h', default: false, help: 'show this text' },
} as const satisfies FlagTable;

type Values<T extends FlagTable> = {
  [K in keyof T]: T[K] extends { type: 'boolean' } ? boolean | undefined : T[K] extends { multiple: true } ? string[] | undefined : string | undefined;
};

/** Parses `argv` against a table; every parse error becomes a UsageError naming the flag. */
export function parseFlags<T extends FlagTable>(argv: readonly string[], table: T): Values<T> {
  const options = Object.fromEntries(
    Object.entries(table).map(([name, flag]) => [
      name,
      {
        type: flag.type,
        ...(flag.multiple ? { multiple: true } : {}),
        ...(flag.short ? { short: flag.short } : {}),
        ...(flag.default !== undefined ? { default: flag.default } : {}),
      },
    ]),
  );
  try {
    return parseArgs({ args: [...argv], options: options as never, allowPositionals: false, strict: true }).values as Values<T>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// setTimeout takes at most 2^31 - 1 ms; a larger number silently becomes 1 ms.
const MAX_WHOLE = 2 ** 31 - 1;

/** A whole-number flag within [min, max]; undefined when the flag was not given. */
export function wholeNumber(flag: string, value: string | undefined, min: number, max = MAX_WHOLE): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${flag} must be a whole number of at least ${min}${max === MAX_WHOLE ? '' : ` and at most ${max}`}, got "${value}"`);
  }
  return Number(value);
}

/** Reporters that write a file, by the name `--reporter <name>=<file>` gives them. */
export const FILE_REPORTERS = ['json', 'junit', 'ctrf', 'html'] as const;

/** @internal */
export type ReporterSpec = { kind: 'human' } | { kind: 'github' } | { kind: (typeof FILE_REPORTERS)[number]; path: string };

/** `--reporter human | github | json=<file> | junit=<file> | ctrf=<file> | html=<file>`. */
export function reporterSpec(value: string): ReporterSpec {
  if (value === 'human' || value === 'github') return { kind: value };
  const match = /^([a-z]+)=(.+)$/.exec(value);
  const kind = FILE_REPORTERS.find((name) => name === match?.[1]);
  if (!match || !kind) throw new UsageError(`--reporter ${value}: expected human, github, ${FILE_REPORTERS.map((name) => `${name}=<file>`).join(', ')}`);
  return { kind, path: match[2]! };
}

/** `--region`: a region name such as us-east-1. */
function regionFlag(value: string): string {
  if (!REGION_PATTERN.test(value)) throw new UsageError(`--region ${value}: not a region name such as us-east-1`);
  return value;
}

/** `--replay` needs the seed and the one case it belongs to. */
function checkReplay(values: { replay?: string | undefined; seed?: string | undefined; filter?: readonly string[] | undefined }, what: string): void {
  if (values.replay === undefined) return;
  if (values.seed === undefined) throw new UsageError('--replay needs the --seed printed with the failure (or a failure id: 8 hex characters)');
  if ((values.filter ?? []).length !== 1) throw new UsageError(`--replay needs exactly one --filter naming the ${what}`);
  if (!/^\d+(:\d+)*$/.test(values.replay)) throw new UsageError(`--replay ${values.replay}: expected a fast-check path such as 3:1:0`);
}

/**
 * A numeric flag read against the range its table entry declares; undefined when the flag was
 * not given. The message names the flag and the range, so `--runs 1000000000` says what to type.
 */
export function rangedNumber(name: string, table: FlagTable, value: string | undefined): number | undefined {
  const range = table[name]?.range;
  if (range === undefined) throw new Error(`--${name} has no range in its flag table`);
  if (value === undefined) return undefined;
  const pattern = range.fractional ? /^(?:\d+(?:\.\d+)?|\.\d+)$/ : /^\d+$/;
  const number = Number(value);
  if (!pattern.test(value.trim()) || !Number.isFinite(number) || number < range.min || number > range.max) {
    throw new UsageError(`--${name} must be ${range.fractional ? 'a number' : 'a whole number'} from ${describeRange(range)}, got "${value}"`);
  }
  return number;
}

function describeRange(range: NumericRange): string {
  const show = (n: number) => (Number.isInteger(n) && n >= 1_000 ? n.toLocaleString('en-US') : String(n));
  return `${show(range.min)} to ${show(range.max)}`;
}

/** The options part of a usage text, one flag a line (or two, for long placeholders). */
export function describeFlags(table: FlagTable): string {
  const lines: string[] = [];
  for (const [name, flag] of Object.entries(table)) {
    const head = `  --${name}${flag.arg ? ` ${flag.arg}` : ''}`;
    const help = flag.range ? `${flag.help} (${describeRange(flag.range)})` : flag.help;
    lines.push(head.length < 26 ? `${head.padEnd(26)}${help}` : `${head}\n${' '.repeat(26)}${help}`);
  }
  return lines.join('\n');
}

/** Where a command writes. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The environment reporters read (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The directory the run belongs to (its failures file is there); default the process's. */
  cwd?: string;
}

/**
 * The one error wrapper: runs a command and turns every error into one line on stderr and an
 * exit code. A configuration error (a bad flag, a missing file, a refused endpoint) is exit 2
 * with its message alone; anything else is a bug of the suite, shown with its stack, also 2.
 */
export async function runCommand(
  command: () => Promise<number>,
  io: CliIo,
  options: {
    configurationErrors: ReadonlyArray<abstract new (...args: never[]) => Error>;
    helpHint: string;
    /** The run's redaction, for a crash message that quotes what the implementation sent. */
    redact?: (text: string) => string;
  },
): Promise<number> {
  try {
    return await command();
  } catch (error) {
    const known = error instanceof UsageError || options.configurationErrors.some((type) => error instanceof type);
    // Read without throwing again (a hostile error may throw from a getter), redacted, made safe to show.
    const text = known ? messageOf(error) : describeThrown(error, true);
    io.stderr.write(`conformance: ${redactAndClean(text, options.redact ?? ((t) => t), 8_000)}\n`);
    if (error instanceof UsageError) io.stderr.write(`${options.helpHint}\n`);
    return EXIT.usage;
  }
}

/** What COMMON_FLAGS mean once read, the same in every mode. */
export interface CommonOptions {
  strict: boolean;
  runs?: number;
  filters: string[];
  reporters: ReporterSpec[];
  /** No console report. */
  quiet: boolean;
  expectations?: string;
  region: string;
  redact: boolean;
  verbose: boolean;
  list: boolean;
  /** With --list: the rules instead of the cases. */
  listRules: boolean;
  /** A rule id to explain. */
  explain?: string;
  help: boolean;
}

/** Reads and checks the common flags; `replayOf` names what a --replay path belongs to. */
export function commonOptions(v: Values<typeof COMMON_FLAGS>, replayOf: string): CommonOptions {
  checkReplay(v, replayOf);
  if (v.rules && !v.list) throw new UsageError('--rules goes with --list');
  const runs = rangedNumber('runs', COMMON_FLAGS, v.runs);
  const reporters = (v.reporter ?? []).map(reporterSpec);
  if (v.quiet && reporters.some((r) => r.kind === 'human'))
    throw new UsageError('--quiet silences the console report that --reporter human asks for: give one');
  return {
    strict: v.strict ?? false,
    ...(runs !== undefined ? { runs } : {}),
    filters: v.filter ?? [],
    reporters,
    quiet: v.quiet ?? false,
    ...(v.expectations !== undefined ? { expectations: v.expectations } : {}),
    region: regionFlag(v.region ?? 'us-east-1'),
    redact: !v['no-redact'],
    verbose: v.verbose ?? false,
    list: v.list ?? false,
    listRules: v.rules ?? false,
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
    help: v.help ?? false,
  };
}
