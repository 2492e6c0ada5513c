// The README's "Conformance matrix" table, rendered from the committed summary.
import { describeMisses, emulatorMisses } from './consequences.ts';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import { describeOfficialCases } from './matrix-data.ts';
import type { InformationalRow, MatrixSummary, SummaryRow } from './summary.ts';

export const README_MARKERS = { start: '<!-- matrix:start -->', end: '<!-- matrix:end -->' } as const;

export class ReadmeMarkersError extends Error {
  override name = 'ReadmeMarkersError';
}

const ids = (rules: readonly string[]) => (rules.length ? rules.join(', ') : 'none');
const fraction = (count: { passed: number; total: number }) => (count.total === 0 ? '-' : `${count.passed}/${count.total}`);

const hasResult = (r: { state: string }) => r.state === 'ran' || r.state === 'stale';

function row(r: SummaryRow): string {
  const cells = hasResult(r) ? [fraction(r.must), fraction(r.should), ids(r.expected), ids(r.unexpected)] : ['-', '-', '-', r.note ?? 'could not run'];
  return `| ${r.name}${r.state === 'stale' ? ' (stale)' : ''} | ${r.kind} | ${r.version ?? 'unknown'} | ${cells.join(' | ')} |`;
}

/** "What would my sign-out tests miss on this emulator?", one line per server lane with a result. */
export function emulatorLines(summary: MatrixSummary): string[] {
  const servers = summary.implementations.filter((r) => r.kind === 'server' && hasResult(r));
  if (servers.length === 0) return [];
  return [
    '',
    'What your sign-out tests would miss on each server, in plain words, from the rules it does not pass (tools/matrix/consequences.ts):',
    '',
    ...servers.map((r) => `- **${r.name}** (${r.version ?? 'version unknown'}${r.state === 'stale' ? ', stale' : ''}): ${describeMisses(emulatorMisses(r))}`),
  ];
}

function informationalLines(rows: readonly InformationalRow[]): string[] {
  return rows.flatMap((r) => {
    const lane = INFORMATIONAL_LANES.find((l) => l.name === r.name);
    const sources = (lane?.sources ?? []).map((s) => `[${s.label}](${s.url})`).join(', ');
    const said = hasResult(r) ? (r.finding ?? 'no finding') : (r.note ?? 'could not run');
    return [
      '',
      `${lane?.title ?? r.name} (${r.version ?? 'version unknown'}; informational, never counted${r.state === 'stale' ? '; stale' : ''}): ${said}${sources ? ` Sources: ${sources}.` : ''}`,
    ];
  });
}

/**
 * The Markdown table: implementations by rules passed per level, and the rules that diverge.
 * Lanes not in the tree yet go on one line under it, so the table is only what ran.
 */
export function renderSummaryTable(summary: MatrixSummary): string {
  const skipped = summary.implementations.filter((r) => r.state === 'skipped');
  const stale = summary.implementations.filter((r) => r.state === 'stale');
  return [
    '| implementation | kind | pinned version | must rules passed | should rules passed | known divergences (in its expectations file) | unexpected failures |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary.implementations.filter((r) => r.state !== 'skipped').map(row),
    ...(stale.length ? ['', `Stale, so last good results: ${stale.map((r) => `${r.name} (${r.note ?? 'could not run'})`).join('; ')}.`] : []),
    ...(skipped.length ? ['', `Not in the tree yet, so not run: ${skipped.map((r) => `${r.name} (${r.kind})`).join(', ')}.`] : []),
    ...emulatorLines(summary),
    ...informationalLines(summary.informational ?? []),
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
