import { parseArgs } from 'node:util';
import { REGION_PATTERN } from '../protocol/aws-json.ts';
import { DEFAULT_ADAPTER } from '../adapters/load.ts';
import { REVISION_IDS } from '../model/revisions.ts';

/** A bad flag or value: reported with the flag's name, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ReporterSpec = { kind: 'human' } | { kind: 'json' | 'junit'; path: string };

export interface CliOptions {
  adapter: string;
  /** A command speaking the process-adapter protocol (CONTRACT.md section 2). */
  command?: string;
  /** Keep the fake service running on loopback and print its endpoint. */
  serve: boolean;
  strict: boolean;
  seed: number;
  runs?: number;
  filters: string[];
  reporters: ReporterSpec[];
  expectations?: string;
  replay?: string;
  region: string;
  /** The model revision the client was built against (model/revisions.json); default the latest. */
  revision?: string;
  caseTimeoutMs: number;
  redact: boolean;
  verbose: boolean;
  list: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run conformance -- [options]

Runs the RevokeToken client conformance suite (fixtures and properties) against a client.

Options:
  --adapter <name|path>   built-in adapter (aws-sdk-v3, aws-sdk-v2, smithy-generated) or a
                          path to an adapter module (.mjs, .js, .ts); default ${DEFAULT_ADAPTER}
  --command "<cmd>"       a client in any language: a long-lived process speaking the
                          line protocol of CONTRACT.md section 2 (instead of --adapter)
  --serve                 serve one fixture (chosen with --filter; default the plain
                          success case) on 127.0.0.1, print the endpoint, and check each
                          request that arrives until interrupted
  --strict                should-level checks fail the run too
  --seed <n>              seed for the property runs (printed in every replay line)
  --runs <n>              runs per property (default: each property's own count)
  --filter <id|tag>       only cases with this id or tag (C14, wire-header, ...); repeatable
  --reporter <spec>       human (default), json=<file>, junit=<file>; repeatable
  --expectations <file>   known failures of this client (default for built-ins:
                          conformance/expectations/<name>.json)
  --replay <path>         fast-check path of a failure (with --seed and --filter <property>)
  --region <region>       region of the endpoint the client is pointed at; default us-east-1
  --revision <id>         judge a client built against an older model revision (see
                          model/HISTORY.md): only cases that apply to it run
  --case-timeout <ms>     real time a call may take before it counts as hanging; default 10000
  --no-redact             show Token, ClientId and ClientSecret values (redacted by default)
  --verbose               also list expected failures, not-applicable cases and warnings
  --list                  list the cases that would run, then exit
  --help                  show this text

Exit codes: 0 every counted check passed; 1 a check failed or an expectation is stale;
2 usage or configuration error, or nothing ran.`;

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${flag} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

function reporterSpec(value: string): ReporterSpec {
  if (value === 'human') return { kind: 'human' };
  const match = /^(json|junit)=(.+)$/.exec(value);
  if (!match) throw new UsageError(`--reporter ${value}: expected human, json=<file> or junit=<file>`);
  return { kind: match[1] as 'json' | 'junit', path: match[2]! };
}

export function parseCliOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        adapter: { type: 'string' },
        command: { type: 'string' },
        serve: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        seed: { type: 'string' },
        runs: { type: 'string' },
        filter: { type: 'string', multiple: true },
        reporter: { type: 'string', multiple: true },
        expectations: { type: 'string' },
        replay: { type: 'string' },
        region: { type: 'string', default: 'us-east-1' },
        revision: { type: 'string' },
        'case-timeout': { type: 'string' },
        'no-redact': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (!REGION_PATTERN.test(v.region!)) throw new UsageError(`--region ${v.region}: not a region name such as us-east-1`);
  const seed = integer('seed', v.seed, 0) ?? Math.floor(Math.random() * 2 ** 31);
  if (v.replay !== undefined) {
    if (v.seed === undefined) throw new UsageError('--replay needs the --seed printed with the failure');
    if ((v.filter ?? []).length !== 1) throw new UsageError('--replay needs exactly one --filter naming the property');
    if (!/^\d+(:\d+)*$/.test(v.replay)) throw new UsageError(`--replay ${v.replay}: expected a fast-check path such as 3:1:0`);
  }
  if (v.command !== undefined && v.adapter !== undefined) throw new UsageError('--command and --adapter name two different clients: give one');
  if (v.command !== undefined && v.command.trim() === '') throw new UsageError('--command needs the command that starts the client process');
  if (v.serve && (v.command !== undefined || v.adapter !== undefined)) throw new UsageError('--serve runs no client: leave out --adapter and --command');
  if (v.revision !== undefined && !(REVISION_IDS as readonly string[]).includes(v.revision)) {
    throw new UsageError(`--revision ${v.revision}: not a revision of the model (${REVISION_IDS.join(', ')})`);
  }
  return {
    adapter: v.adapter ?? DEFAULT_ADAPTER,
    command: v.command,
    serve: v.serve!,
    strict: v.strict!,
    seed,
    runs: integer('runs', v.runs, 1),
    filters: v.filter ?? [],
    reporters: (v.reporter ?? ['human']).map(reporterSpec),
    expectations: v.expectations,
    replay: v.replay,
    region: v.region!,
    revision: v.revision,
    caseTimeoutMs: integer('case-timeout', v['case-timeout'], 1) ?? 10_000,
    redact: !v['no-redact'],
    verbose: v.verbose!,
    list: v.list!,
    help: v.help!,
  };
}
