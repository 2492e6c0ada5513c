import { DEFAULT_ADAPTER } from '../adapters/load.ts';
import { REVISION_IDS } from '../model/revisions.ts';
import { COMMON_FLAGS, type CommonOptions, commonOptions, describeFlags, type FlagTable, parseFlags, rangedNumber, UsageError } from './flags.ts';

/** The flags only the client direction has; the rest are COMMON_FLAGS. */
export const CLIENT_FLAGS = {
  adapter: {
    type: 'string',
    arg: '<name|path>',
    help: `the client: a built-in adapter (see below) or a path to an adapter module (.mjs, .js, .ts); default ${DEFAULT_ADAPTER}`,
  },
  command: {
    type: 'string',
    arg: '"<cmd>"',
    help: 'a client in any language: a long-lived process speaking the line protocol of CONTRACT.md section 2 (instead of --adapter)',
  },
  serve: {
    type: 'boolean',
    default: false,
    help: 'serve one fixture (chosen with --filter; default the plain success case) on 127.0.0.1, print the endpoint, and judge each request that arrives until interrupted; one request picks another with the header Prefer: fixture=<id> or the path /fixtures/<id>/',
  },
  revision: { type: 'string', arg: '<id>', help: 'judge a client built against an older model revision (model/HISTORY.md): only cases that apply to it run' },
  'case-timeout': {
    type: 'string',
    arg: '<ms>',
    help: 'real time a call may take before it counts as hanging; default 10000',
    range: { min: 1, max: 600_000 },
  },
  'start-timeout': {
    type: 'string',
    arg: '<ms>',
    help: 'real time an adapter module may take to load and create its adapter, and a client process to print its capabilities line; default 30000',
    range: { min: 1, max: 600_000 },
  },
  'no-isolate': {
    type: 'boolean',
    default: false,
    help: "run an in-process adapter module in the harness's own thread, not in its sandbox worker: for debuggers and tools that instrument the adapter (mutation testers); a crash or hang of the adapter can then end the run",
  },
  'run-timeout': {
    type: 'string',
    arg: '<ms>',
    help: 'real time the whole run may take; once it is spent the remaining calls fail at once, the reports are written and the run exits 1; default 1800000 (30 minutes)',
    range: { min: 1_000, max: 86_400_000 },
  },
} as const satisfies FlagTable;

/** Flags of the server direction only: given without --server, they are refused by name rather than as unknown. */
const SERVER_ONLY_FLAGS = ['allow-remote', 'max-requests', 'rate', 'request-timeout', 'unverified', 'replay-commands'];

/** Flags that mean nothing to --serve, which runs no suite: refused rather than ignored. */
const NOT_WITH_SERVE = [
  'runs',
  'seed',
  'replay',
  'expectations',
  'reporter',
  'case-timeout',
  'run-timeout',
  'start-timeout',
  'no-isolate',
  'strict',
  'list',
  'explain',
] as const;

export interface CliOptions extends CommonOptions {
  adapter: string;
  /** A command speaking the process-adapter protocol (CONTRACT.md section 2). */
  command?: string;
  /** Keep the fake service running on loopback and print its endpoint. */
  serve: boolean;
  seed: number;
  replay?: string;
  /** The model revision the client was built against (model/revisions.json); default the latest. */
  revision?: string;
  caseTimeoutMs: number;
  startTimeoutMs: number;
  runTimeoutMs: number;
  /** False with --no-isolate: an in-process adapter module runs in the harness's thread. */
  isolate: boolean;
}

/** What each built-in client is, for --help; a built-in missing here shows its name alone. */
const BUILT_IN_HELP: Readonly<Record<string, string>> = {
  'aws-sdk-v3': 'AWS SDK for JavaScript v3 (the default; installed with the package)',
  'aws-sdk-v2': 'AWS SDK for JavaScript v2 (needs aws-sdk)',
  'smithy-generated': "the client generated from this package's model (its runtime packages are installed with the package)",
  'amplify-v6': 'Amplify v6 signOut (needs @aws-amplify/auth, @aws-amplify/core)',
  boto3: 'Python boto3, out of process (from a clone of the repository)',
  'aws-sdk-go-v2': 'AWS SDK for Go v2, out of process (from a clone of the repository)',
  'aws-sdk-java-v2': 'AWS SDK for Java v2, out of process (from a clone of the repository)',
  'aws-sdk-rust': 'AWS SDK for Rust, out of process (from a clone of the repository)',
  'aws-sdk-kotlin': 'AWS SDK for Kotlin, out of process (from a clone of the repository)',
  'aws-cli-v1': 'AWS CLI v1 (PyPI awscli), out of process (from a clone of the repository)',
  'aws-cli-v2': "AWS CLI v2 (Debian's awscli), out of process (from a clone of the repository)",
};

/** The usage text of the client direction; `builtIns` are the built-in adapters' names. */
export function clientUsage(builtIns: readonly string[]): string {
  const builtInLines = builtIns.map((name) => `  ${name.padEnd(24)}${BUILT_IN_HELP[name] ?? ''}`.trimEnd()).join('\n');
  return `Usage: npm run conformance -- [options]
       npx revoketoken-conformance [options]

Runs the RevokeToken client conformance suite (fixtures and properties) against a client.

Modes:
  --adapter <name|path>   judge an in-process client: a built-in (below) or your adapter module
                          (.mjs/.js; .ts through Node's type stripping, or tsx where Node has none)
  --command "<cmd>"       judge a client in any language through a shim process (CONTRACT.md section 2)
  --server [url|lane]     judge a server instead: see --server --help
  --serve                 serve one fixture on 127.0.0.1 and judge a client driven by hand
  proxy --upstream <url>  sit between an app and an endpoint, judging live traffic: see proxy --help
  --explain <rule|case>   print one rule or tag (e.g. C14, c25) and its cases, or the rules a fixture or property judges
  --list [--rules]        list the cases (or the rules) that would run

Built-in clients (optional peer dependencies: install the package named to use one):
${builtInLines}

Options:
${describeFlags(CLIENT_FLAGS)}
${describeFlags(COMMON_FLAGS)}

Config file: conformance.config.json (or .mjs, .ts, default export) in the working directory
holds the same options, camelCase (repeatable ones plural, as arrays), e.g.
  { "adapter": "./my-adapter.mjs", "strict": true, "reporters": ["human", "junit=out/c.xml"], "seed": 42 }
Flags given on the command line override it.

Exit codes: 0 every counted check passed; 1 a check failed or an expectation is stale;
2 usage or configuration error, or nothing ran.`;
}

export function parseCliOptions(argv: string[]): CliOptions {
  for (const arg of argv) {
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name !== undefined && SERVER_ONLY_FLAGS.includes(name)) throw new UsageError(`--${name} is a flag of the server suite: it goes with --server`);
  }
  const table = { ...CLIENT_FLAGS, ...COMMON_FLAGS };
  const v = parseFlags(argv, table);
  const common = commonOptions(v, 'property');
  const seed = rangedNumber('seed', table, v.seed) ?? Math.floor(Math.random() * 2 ** 31);
  if (v.serve) {
    const senseless = NOT_WITH_SERVE.filter((name) => v[name] !== undefined && v[name] !== false);
    if (senseless.length > 0) throw new UsageError(`--serve runs no suite, so --${senseless[0]} means nothing with it: leave it out`);
  }
  if (v.command !== undefined && v.adapter !== undefined) throw new UsageError('--command and --adapter name two different clients: give one');
  if (v.command !== undefined && v.command.trim() === '') throw new UsageError('--command needs the command that starts the client process');
  if (v.serve && (v.command !== undefined || v.adapter !== undefined)) throw new UsageError('--serve runs no client: leave out --adapter and --command');
  if (v.revision !== undefined && !(REVISION_IDS as readonly string[]).includes(v.revision)) {
    throw new UsageError(`--revision ${v.revision}: not a revision of the model (${REVISION_IDS.join(', ')})`);
  }
  return {
    ...common,
    adapter: v.adapter ?? DEFAULT_ADAPTER,
    ...(v.command !== undefined ? { command: v.command } : {}),
    serve: v.serve ?? false,
    seed,
    ...(v.replay !== undefined ? { replay: v.replay } : {}),
    ...(v.revision !== undefined ? { revision: v.revision } : {}),
    caseTimeoutMs: rangedNumber('case-timeout', table, v['case-timeout']) ?? 10_000,
    startTimeoutMs: rangedNumber('start-timeout', table, v['start-timeout']) ?? 30_000,
    runTimeoutMs: rangedNumber('run-timeout', table, v['run-timeout']) ?? 1_800_000,
    isolate: !(v['no-isolate'] ?? false),
  };
}
