import { createReferenceService } from '../../server/reference/index.ts';
import { runServerSuite } from '../../server/run-server-suite.ts';
import { startLoopbackServer } from '../../wire/loopback-server.ts';
import type { ServerFaultEntry } from './server-fault-catalogue.ts';

/** What one run of the server suite made of one entry. @internal */
export interface CatalogueVerdict {
  id: string;
  caught: boolean;
  /** The cases that failed and the rules they failed on, e.g. `semantics-revoking-ends-the-session: R3`. */
  failures: string[];
}

/**
 * Runs the whole server suite, as `--server <url>` does, against one entry served on loopback.
 * The seed is fixed so that a verdict does not change from run to run. The request timeout stays
 * the suite's own: no fault here hangs, and a slow answer on a loaded machine must not pass for
 * a fault. Shrinking gets a small budget and the rate is raised, since only whether the run
 * fails matters here and the server is in this process.
 * @internal
 */
export async function judgeEntry(entry: Pick<ServerFaultEntry, 'id' | 'strict' | 'wrap'>, seed = 1): Promise<CatalogueVerdict> {
  const server = await startLoopbackServer(entry.wrap(createReferenceService()), { closeGraceMs: 50 });
  try {
    const { summary, results } = await runServerSuite({
      endpoint: server.url,
      seed,
      strict: entry.strict,
      shrinkRequestBudget: 20,
      ratePerSecond: 2000,
    });
    const failures = results.flatMap((r) =>
      r.classified.kind === 'fail' ? [`${r.id}: ${[...new Set(r.classified.failures.map((v) => v.check))].join(', ')}`] : [],
    );
    return { id: entry.id, caught: summary.failed > 0, failures };
  } finally {
    await server.close();
  }
}

/** "caught N of M", and the ids of the entries that survived. @internal */
export function formatScore(verdicts: readonly CatalogueVerdict[]): string {
  const caught = verdicts.filter((v) => v.caught).length;
  const survivors = verdicts.filter((v) => !v.caught).map((v) => `  survived: ${v.id}`);
  return [`server fault catalogue: caught ${caught} of ${verdicts.length}`, ...survivors].join('\n');
}
