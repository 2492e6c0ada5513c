import { relative } from 'node:path';
import { afterAll, beforeAll, describe, type TestContext, test } from 'vitest';
import type { Adapter } from '../adapters/contract.ts';
import type { Result } from '../run/result.ts';
import { ConformanceOptionsError, type ConformancePlan, openPlan, planConformance, type RunConformanceOptions } from '../run/run-conformance.ts';
import type { SuiteSession } from '../run/runner.ts';
import { ConformanceAssertionError } from './conformance-assertion-error.ts';

/** The environment variable that fixes the seed of the generated cases (what a property's replay line sets). @public */
export const SEED_VARIABLE = 'REVOKETOKEN_CONFORMANCE_SEED';

/** The client describeConformance judges: an adapter, a module path or built-in name, or a command. @public */
export type ConformanceClient = Adapter | string | { command: string };

/** @public */
export interface DescribeConformanceOptions extends Omit<RunConformanceOptions, 'adapter' | 'command' | 'reporters' | 'replayPath'> {
  /** The title of the describe block; default `RevokeToken conformance: <client>`. */
  name?: string;
  /** vitest's time-out of one fixture's test; default caseTimeoutMs + 10 s. */
  fixtureTimeoutMs?: number;
  /** vitest's time-out of one property's test (all its runs and the shrinking); default 300 s. */
  propertyTimeoutMs?: number;
  /** vitest's time-out of beforeAll, which starts the client (a process client may build first); default 600 s. */
  setupTimeoutMs?: number;
}

function clientOptions(client: ConformanceClient): Pick<RunConformanceOptions, 'adapter' | 'command'> {
  if (typeof client === 'string') return { adapter: client };
  if (client !== null && typeof client === 'object' && 'command' in client && !('revokeToken' in client)) return { command: client.command };
  return { adapter: client as Adapter };
}

function clientName(client: ConformanceClient): string {
  if (typeof client === 'string') return client;
  if ('revokeToken' in client) return client.name;
  return client.command;
}

function seedFrom(options: DescribeConformanceOptions): number | undefined {
  if (options.seed !== undefined) return options.seed;
  const fromEnv = process.env[SEED_VARIABLE];
  if (fromEnv === undefined || fromEnv === '') return undefined;
  if (!/^\d+$/.test(fromEnv)) throw new ConformanceOptionsError('seed', `${SEED_VARIABLE}=${fromEnv}: not a whole number`);
  return Number(fromEnv);
}

// vitest's -t matches the full name; a name that ends the pattern keeps RevokeTokenX from also picking RevokeTokenXY.
const shellQuoted = (text: string) => `'${text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/'/g, `'\\''`)}$'`;

/**
 * A `.ts` adapter path that this Node cannot load (Node 20 without tsx): in vitest there is one
 * more way out than on the command line, since vitest compiles what the test file imports.
 * @internal
 */
export function withVitestWayOut(error: unknown, client: ConformanceClient): unknown {
  if (typeof client !== 'string' || !/\.[mc]?ts$/.test(client) || !(error instanceof Error) || !error.message.includes('cannot load TypeScript by itself'))
    return error;
  error.message += `; or, in vitest, import it (import adapter from '${client}') and pass the adapter object: vitest compiles it (it then runs in vitest's own thread, not in the suite's sandbox)`;
  return error;
}

/** Settles the test from the suite's result: pass, skip (not applicable), or an assertion error. */
function settleTest(result: Result, context: TestContext): void {
  for (const warning of result.warnings) {
    void context.annotate?.(`${warning.check} [should] ${warning.title}: expected ${warning.expected}, got ${warning.actual}`, 'warning');
  }
  switch (result.classified.kind) {
    case 'pass':
      return;
    case 'expected-fail':
      void context.annotate?.(`expected failure: ${result.classified.failures.map((v) => v.check).join(', ')}`, 'notice');
      return;
    case 'not-applicable':
      context.skip(result.classified.reason);
      return;
    default:
      throw new ConformanceAssertionError(result);
  }
}

/**
 * Registers the client conformance suite as vitest tests: one test per fixture and one per
 * property, named by the case's id, so `vitest -t <id>`, watch mode and every vitest reporter
 * work on it. The client is started and the fake service set up in beforeAll, and both are
 * closed in afterAll. A failing case fails its test with an assertion error that names each
 * broken rule with expected and actual, and a replay line.
 *
 * ```ts
 * import { describeConformance } from 'revoketoken-conformance/vitest';
 * describeConformance('./my-adapter.mjs', { strict: true });
 * ```
 * Options it cannot use fail the file's collection with a ConformanceOptionsError naming the
 * option. Give each suite a file of its own: it owns msw's interception while its tests run.
 * @public
 */
export function describeConformance(client: ConformanceClient, options: DescribeConformanceOptions = {}): void {
  const { name, fixtureTimeoutMs, propertyTimeoutMs, setupTimeoutMs, ...runOptions } = options;
  const title = name ?? `RevokeToken conformance: ${clientName(client)}`;
  // The file of the running test, for replay lines; set as each test starts.
  let testFile = '';
  const replayFormat = (caseId: string, generated?: { seed: number }) => {
    const command = `npx vitest run ${testFile} -t ${shellQuoted(caseId)}`;
    return generated ? `${SEED_VARIABLE}=${generated.seed} ${command}` : command;
  };

  // vitest awaits an async suite factory while it collects the file: the cases are known before any test runs.
  describe(title, async () => {
    const seed = seedFrom(options);
    const plan: ConformancePlan = await planConformance({ ...runOptions, ...clientOptions(client), ...(seed !== undefined ? { seed } : {}) });
    let session: SuiteSession | undefined;
    beforeAll(async () => {
      try {
        session = await openPlan(plan, { replayFormat });
      } catch (error) {
        throw withVitestWayOut(error, client);
      }
    }, setupTimeoutMs ?? 600_000);
    afterAll(async () => {
      await session?.close();
    });
    const run = async (context: TestContext, runOne: (s: SuiteSession) => Promise<Result>) => {
      if (!session) throw new Error('the conformance session did not start (see the beforeAll error)');
      testFile = relative(process.cwd(), context.task.file.filepath).split('\\').join('/');
      settleTest(await runOne(session), context);
    };
    for (const fixture of plan.fixtures) {
      test(fixture.id, { timeout: fixtureTimeoutMs ?? plan.caseTimeoutMs + 10_000 }, (context) => run(context, (s) => s.runFixture(fixture)));
    }
    for (const property of plan.properties) {
      test(property.id, { timeout: propertyTimeoutMs ?? 300_000 }, (context) => run(context, (s) => s.runProperty(property)));
    }
    for (const sequence of plan.sequences) {
      test(sequence.id, { timeout: propertyTimeoutMs ?? 300_000 }, (context) => run(context, (s) => s.runSequence(sequence)));
    }
  });
}
