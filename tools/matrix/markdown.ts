// The README's "Conformance matrix" table, rendered from the committed summary.
import { describeOfficialCases } from './matrix-data.ts';
import type { MatrixSummary, SummaryRow } from './summary.ts';

export const README_MARKERS = { start: '<!-- matrix:start -->', end: '<!-- matrix:end -->' } as const;

export class ReadmeMarkersError extends Error {
  override name = 'ReadmeMarkersError';
}

const ids = (rules: readonly string[]) => (rules.length ? rules.join(', ') : 'none');
const fraction = (count: { passed: number; total: number }) => (count.total === 0 ? '-' : `${count.passed}/${count.total}`);

function row(r: SummaryRow): string {
  const cells = r.state === 'ran' ? [fraction(r.must), fraction(r.should), ids(r.expected), ids(r.unexpected)] : ['-', '-', '-', r.note ?? 'could not run'];
  return `| ${r.name} | ${r.kind} | ${r.version ?? 'unknown'} | ${cells.join(' | ')} |`;
}

/**
 * The Markdown table: implementations by rules passed per level, and the rules that diverge.
 * Lanes not in the tree yet go on one line under it, so the table is only what ran.
 */
export function renderSummaryTable(summary: MatrixSummary): string {
  const skipped = summary.implementations.filter((r) => r.state === 'skipped');
  return [
    '| implementation | kind | pinned version | must rules passed | should rules passed | known divergences (in its expectations file) | unexpected failures |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary.implementations.filter((r) => r.state !== 'skipped').map(row),
    ...(skipped.length ? ['', `Not in the tree yet, so not run: ${skipped.map((r) => `${r.name} (${r.kind})`).join(', ')}.`] : []),
    ...(summary.officialCases ? ['', `Official cases: ${describeOfficialCases(summary.officialCases)}.`] : []),
  ].join('\n');
}

function markerPositions(readme: string): { start: number; end: number } {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < 0 || end < start)
    throw new ReadmeMarkersError(`README.md: expected ${README_MARKERS.start} ... ${README_MARKERS.end} around the matrix table`);
  return { start: start + README_MARKERS.start.length, end };
}

/** The text between the markers, without the surrounding blank lines. */
export function readmeTable(readme: string): string {
  const { start, end } = markerPositions(readme);
  return readme.slice(start, end).trim();
}

export function replaceReadmeTable(readme: string, table: string): string {
  const { start, end } = markerPositions(readme);
  return `${readme.slice(0, start)}\n${table}\n${readme.slice(end)}`;
}
