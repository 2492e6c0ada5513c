import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_ADAPTERS } from '../../conformance/adapters/load.ts';
import type { Lane } from './lanes.ts';

/**
 * Whether the tree has what a lane needs: a client lane's adapter among the built-ins, a
 * server lane's module in conformance/server/lanes/ (the reference server is always there).
 * Returns the reason when it does not, for the page and the summary.
 */
export function laneAvailability(
  lane: Lane,
  repoRoot: string,
  builtInAdapters: Record<string, string> = BUILT_IN_ADAPTERS,
): { available: true } | { available: false; note: string } {
  if (lane.kind === 'client') {
    if (lane.name in builtInAdapters) return { available: true };
    return { available: false, note: `not run: no ${lane.name} adapter in the tree yet${lane.pendingNote ? ` (${lane.pendingNote})` : ''}` };
  }
  if (lane.name === 'reference' || existsSync(join(repoRoot, 'conformance', 'server', 'lanes', `${lane.name}.ts`))) return { available: true };
  return { available: false, note: `not run: no --server ${lane.name} lane in the tree yet${lane.pendingNote ? ` (${lane.pendingNote})` : ''}` };
}
