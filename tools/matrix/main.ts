#!/usr/bin/env node
// `npm run matrix`: run every lane (lanes.ts) through the conformance CLI, one at a time,
// collect the cells (collect.ts), write the site (site.ts), and keep the committed summary
// and the README's table in step (--write) or compare with them (--check).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Expectation, loadExpectations } from '../../conformance/run/expectations.ts';
import { officialCaseCoverageFigures } from '../official-cases/coverage.ts';
import { laneAvailability } from './availability.ts';
import { buildMatrix, cellsOfReport, type LaneOutcome } from './collect.ts';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import { LANES, type Lane } from './lanes.ts';
import { ReadmeMarkersError, readmeTable, renderSummaryTable, replaceReadmeTable } from './markdown.ts';
import { MATRIX_USAGE, type MatrixOptions, MatrixUsageError, parseMatrixOptions } from './options.ts';
import { SiteFolderError } from './publish-folder.ts';
import { ruleGroups, rulesOfProperty } from './rules.ts';
import { runInformational } from './run-informational.ts';
import { laneArguments, runLane } from './run-lane.ts';
import { writeSite } from './site.ts';
import { keepLastGood, keepLastGoodInformation } from './stale.ts';
import { type MatrixSummary, serializeSummary, summarize, summaryDifferences } from './summary.ts';
import { resolveVersion } from './versions.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUMMARY_PATH = 'conformance/matrix/summary.json';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const emptyColumn = (lane: Lane, version: string | null) => ({ name: lane.name, kind: lane.kind, version, notes: [] as string[] });

async function runOne(lane: Lane, options: MatrixOptions, repoRoot: string, io: Io): Promise<LaneOutcome> {
  const version = resolveVersion(lane.version, repoRoot) ?? null;
  const availability = laneAvailability(lane, repoRoot);
  if (!availability.available) {
    io.stderr.write(`matrix: ${lane.name}: ${availability.note}\n`);
    return { column: { ...emptyColumn(lane, version), state: 'skipped', notes: [availability.note] }, cells: {} };
  }
  const expectationsFile = `conformance/expectations/${lane.name}.json`;
  const hasExpectations = existsSync(join(repoRoot, expectationsFile));
  const expectations: Expectation[] = hasExpectations ? (await loadExpectations(join(repoRoot, expectationsFile))).expectations : [];
  const command = laneArguments(lane, { seed: options.seed, reportPath: 'x', ...(hasExpectations ? { expectations: expectationsFile } : {}) })
    .slice(0, -2)
    .join(' ');
  io.stderr.write(`matrix: ${lane.name}: npm run conformance -- ${command}\n`);
  const run = await runLane(lane, {
    repoRoot,
    seed: options.seed,
    timeoutMs: options.laneTimeoutMs,
    ...(hasExpectations ? { expectations: expectationsFile } : {}),
  });
  io.stderr.write(`matrix: ${lane.name}: ${run.timedOut ? 'timed out' : `exit ${run.exitCode}`} after ${(run.durationMs / 1000).toFixed(1)} s\n`);
  const base = { ...emptyColumn(lane, version), exitCode: run.exitCode, durationMs: run.durationMs, command };
  if (run.timedOut || !run.report || (run.exitCode !== 0 && run.exitCode !== 1)) {
    const why = run.timedOut ? `could not run: no result within ${options.laneTimeoutMs / 1000} s` : `could not run (exit ${run.exitCode ?? 'by a signal'})`;
    return { column: { ...base, state: 'error', notes: [why, ...(run.stderrTail ? [run.stderrTail] : [])] }, cells: {} };
  }
  const notes = run.exitCode === 1 ? ['the lane has failures its expectations file does not list, or a listed one that no longer happens (exit 1)'] : [];
  return {
    column: { ...base, state: 'ran', notes, implementation: run.report.summary.implementation },
    cells: cellsOfReport(run.report, { expectations, rulesOfProperty }),
  };
}

function readCommittedSummary(repoRoot: string): MatrixSummary | undefined {
  const path = join(repoRoot, SUMMARY_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as MatrixSummary) : undefined;
}

async function main(argv: readonly string[], io: Io, repoRoot: string): Promise<number> {
  const options = parseMatrixOptions(argv);
  if (options.help) {
    io.stdout.write(`${MATRIX_USAGE}\n`);
    return 0;
  }
  const chosen = <L extends { name: string }>(all: readonly L[]) => (options.lanes.length ? all.filter((l) => options.lanes.includes(l.name)) : all);
  const committed = readCommittedSummary(repoRoot);
  const outcomes: LaneOutcome[] = [];
  // One at a time: several lanes start servers or child processes, and the machine is small.
  // A lane that cannot run keeps its last good committed result, marked stale (stale.ts).
  for (const lane of chosen(LANES))
    outcomes.push(
      keepLastGood(
        await runOne(lane, options, repoRoot, io),
        committed?.implementations.find((r) => r.name === lane.name),
      ),
    );
  const informational = [];
  for (const lane of chosen(INFORMATIONAL_LANES)) {
    io.stderr.write(`matrix: ${lane.name}: tsx ${lane.script} (informational)\n`);
    const column = await runInformational(lane, { repoRoot, timeoutMs: options.laneTimeoutMs });
    io.stderr.write(`matrix: ${lane.name}: ${column.state === 'ran' ? column.finding : column.notes[0]}\n`);
    informational.push(
      keepLastGoodInformation(
        column,
        committed?.informational?.find((r) => r.name === lane.name),
      ),
    );
  }
  const data = {
    ...buildMatrix(ruleGroups(), outcomes, options.seed),
    ...(informational.length ? { informational } : {}),
    officialCases: await officialCaseCoverageFigures(),
  };
  const outDir = resolve(repoRoot, options.out);
  const site = writeSite(data, outDir);
  io.stdout.write(`matrix: wrote ${relative(process.cwd(), site.index) || site.index} and results.json\n`);
  const summary = summarize(data);
  // A lane that could not run fails the run, stale or not: its column was not verified this time.
  const couldNotRun = [...data.lanes, ...(data.informational ?? [])].filter((l) => l.state === 'error' || l.state === 'stale');
  let exitCode = couldNotRun.length ? 1 : 0;
  const readmePath = join(repoRoot, 'README.md');
  if (options.write) {
    writeFileSync(join(repoRoot, SUMMARY_PATH), serializeSummary(summary));
    writeFileSync(readmePath, replaceReadmeTable(readFileSync(readmePath, 'utf8'), renderSummaryTable(summary)));
    io.stdout.write(`matrix: updated ${SUMMARY_PATH} and the README's table\n`);
  }
  if (options.check) {
    const differences = committed ? summaryDifferences(committed, summary) : [`${SUMMARY_PATH} is missing`];
    if (committed && readmeTable(readFileSync(readmePath, 'utf8')) !== renderSummaryTable(committed))
      differences.push(`README.md: the matrix table is not the one rendered from ${SUMMARY_PATH}`);
    if (differences.length) {
      io.stderr.write(
        `matrix: the fresh matrix differs from ${SUMMARY_PATH}:\n${differences.map((d) => `  ${d}`).join('\n')}\nrun npm run matrix -- --write if the change is right\n`,
      );
      exitCode = 1;
    } else {
      io.stdout.write(`matrix: the fresh summary matches ${SUMMARY_PATH}\n`);
    }
  }
  for (const lane of couldNotRun) io.stderr.write(`matrix: ${lane.name} ${lane.notes.join('\n  ')}\n`);
  return exitCode;
}

/** The whole command: a usage error is one line and exit code 2, never a stack trace. */
export async function runMatrix(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }, repoRoot = REPO_ROOT): Promise<number> {
  try {
    return await main(argv, io, repoRoot);
  } catch (error) {
    if (error instanceof MatrixUsageError) {
      io.stderr.write(`matrix: ${error.message}\nrun with --help for the options\n`);
      return 2;
    }
    if (error instanceof ReadmeMarkersError || error instanceof SiteFolderError) {
      io.stderr.write(`matrix: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`matrix: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runMatrix(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
