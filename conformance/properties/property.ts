import type fc from 'fast-check';
import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { Case } from '../fixtures/case.ts';
import type { Level } from '../judging/check.ts';

/**
 * A property: a family of generated cases that must all pass. Generators come from the
 * model (conformance/model/arbitraries.ts), never from a handful of literals.
 * @internal
 */
export interface PropertyDefinition {
  id: string;
  title: string;
  level: Level;
  /** Tags shared by every generated case (for --filter and the error-name rule). */
  tags: readonly string[];
  /** Why the adapter cannot take part, or undefined. */
  notApplicable?(capabilities: Required<AdapterCapabilities>): string | undefined;
  /** Generated cases; their origin is filled in by the runner. */
  cases(capabilities: Required<AdapterCapabilities>): fc.Arbitrary<Omit<Case, 'origin'>>;
  /** Default number of runs (scaled by --runs). */
  runs: number;
}
