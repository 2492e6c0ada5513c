import { appendFileSync } from 'node:fs';
import type { Verdict } from '../judging/check.ts';
import type { Reporter } from '../run/reporter.ts';
import type { Result, Summary } from '../run/result.ts';
import { headline, resultHeadline, rollupByRule, sameVerdictGroups, simplestFor } from './causes.ts';
import { reportFile } from './report-file.ts';

/**
 * GitHub Actions: a Markdown job summary appended to $GITHUB_STEP_SUMMARY (the roll-up by rule,
 * the counts, the replay lines) and one `::error` annotation per distinct cause, on the file of
 * the case that shows it best. GitHub shows at most 10 error annotations of a step, so one per
 * cause, not per case, keeps all of them visible.
 */

export interface GithubReporterOptions {
  /** Where workflow commands go: the step's stdout. */
  out: NodeJS.WritableStream;
  /** The job summary file ($GITHUB_STEP_SUMMARY); no summary without one. */
  summaryPath?: string | undefined;
  /** Annotations of each kind per run; GitHub keeps 10 per step. */
  maxAnnotations?: number;
  /** Paths in annotations are relative to this (the workspace); default the working directory. */
  cwd?: string;
  /** The user's adapter module or config file: annotated instead of a case file outside their repository. */
  usersFile?: string | undefined;
}

// Workflow command escaping (GitHub's toolkit, command.ts): data escapes %, CR and LF;
// property values escape those and also the ':' and ',' that delimit properties.
export const escapeCommandData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeCommandProperty = (text: string) => escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One workflow command line: `::error file=...,title=...::message`. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeCommandProperty(v)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeCommandData(message)}`;
}

const listIds = (results: readonly Result[], max = 20) =>
  `${results
    .slice(0, max)
    .map((r) => r.id)
    .join(', ')}${results.length > max ? ` and ${results.length - max} more` : ''}`;

interface Annotation {
  command: 'error' | 'warning';
  file: string;
  title: string;
  message: string;
}

function annotations(results: readonly Result[], cwd: string | undefined, usersFile: string | undefined): Annotation[] {
  const out: Annotation[] = [];
  for (const group of sameVerdictGroups(results)) {
    const shown = simplestFor(
      group.verdicts.map((v) => v.check),
      group.cases,
    );
    const others = group.cases.filter((r) => r !== shown);
    const rules = [...new Set(group.verdicts.map((v) => `${v.check} [${v.level}]`))].join(', ');
    out.push({
      command: 'error',
      file: reportFile(shown.origin, cwd, usersFile),
      title: `RevokeToken conformance: ${rules} failed in ${group.cases.length} case${group.cases.length === 1 ? '' : 's'}`,
      message: [
        `${shown.kind} ${shown.id}: ${resultHeadline(shown)}`,
        ...(shown.counterexample ? [`counterexample (shrunk): ${JSON.stringify(shown.counterexample)}`] : []),
        ...(shown.calls ? ['sequence (shrunk):', ...shown.calls] : []),
        ...(others.length > 0 ? [`same verdict: ${listIds(others)}`] : []),
        `replay: ${shown.replay}`,
      ].join('\n'),
    });
  }
  for (const result of results) {
    if (result.classified.kind !== 'unexpected-pass') continue;
    out.push({
      command: 'error',
      file: reportFile(result.origin, cwd, usersFile),
      title: `RevokeToken conformance: ${result.id} passed but is listed as a known failure`,
      message: `${resultHeadline(result)}\nremove it from the expectations file\nreplay: ${result.replay}`,
    });
  }
  // Should-level divergences that do not fail the run: one warning per rule.
  const warned = new Map<string, { verdict: Verdict; cases: Result[] }>();
  for (const result of results) {
    if (result.classified.kind === 'expected-fail') continue;
    for (const v of result.warnings) {
      const entry = warned.get(v.check) ?? { verdict: v, cases: [] };
      if (!entry.cases.includes(result)) entry.cases.push(result);
      warned.set(v.check, entry);
    }
  }
  for (const [rule, { verdict, cases }] of warned) {
    out.push({
      command: 'warning',
      file: reportFile(cases[0]!.origin, cwd, usersFile),
      title: `RevokeToken conformance: ${rule} [should] diverges in ${cases.length} case${cases.length === 1 ? '' : 's'} (fails only with --strict)`,
      message: `${verdict.title}\n${headline(verdict)}\ncases: ${listIds(cases)}`,
    });
  }
  return out;
}

/** Markdown: escapes what would break a table cell or start markup. */
const md = (text: string) =>
  text
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
/** A fenced block that no backtick run inside `text` can close early. */
const fenced = (text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
};

/** The job summary in Markdown. */
export function jobSummary(summary: Summary, results: readonly Result[]): string {
  const failed = summary.failed + summary.unexpectedPasses;
  const counts = [
    `${summary.passed} passed`,
    `${summary.failed} failed`,
    ...(summary.unexpectedPasses ? [`${summary.unexpectedPasses} unexpectedly passed`] : []),
    ...(summary.expectedFailures ? [`${summary.expectedFailures} expected failures`] : []),
    ...(summary.notApplicable ? [`${summary.notApplicable} not applicable`] : []),
  ].join(', ');
  const lines = [
    `## RevokeToken conformance: ${md(summary.implementation)}`,
    '',
    `${failed > 0 ? ':x:' : ':white_check_mark:'} ${counts} (${summary.total} cases, seed ${summary.seed}, ${(summary.durationMs / 1000).toFixed(1)} s${summary.strict ? ', strict' : ''})`,
  ];
  const rules = rollupByRule(results);
  if (rules.length > 0) {
    lines.push('', '### Failures by rule', '', '| Rule | Level | What it checks | Failed cases | Example |', '| --- | --- | --- | ---: | --- |');
    for (const r of rules) lines.push(`| ${md(r.rule)} | ${r.level} | ${md(r.title)} | ${r.cases.length} | ${md(r.example.id)} |`);
    for (const r of rules) {
      const detail = [
        `${r.example.kind} ${r.example.id}`,
        `expected: ${r.verdict.expected ?? ''}`,
        `actual:   ${r.verdict.actual ?? ''}`,
        ...(r.example.counterexample ? [`counterexample (shrunk): ${JSON.stringify(r.example.counterexample)}`] : []),
        ...(r.example.calls ? ['sequence (shrunk):', ...r.example.calls] : []),
        `replay: ${r.example.replay}`,
      ].join('\n');
      lines.push(
        '',
        `<details><summary>${md(r.rule)} [${r.level}]: ${r.cases.length} failed case${r.cases.length === 1 ? '' : 's'}</summary>`,
        '',
        fenced(detail),
        '',
        `Cases: ${md(r.cases.map((c) => c.id).join(', '))}`,
        '',
        '</details>',
      );
    }
  }
  const stale = results.filter((r) => r.classified.kind === 'unexpected-pass');
  if (stale.length > 0) {
    lines.push('', '### Stale expectations', '', 'These cases pass but the expectations file lists them as known failures:', '');
    for (const r of stale) lines.push(`- ${md(r.id)}: \`${r.replay.replace(/`/g, "'")}\``);
  }
  if (summary.warnings > 0) lines.push('', `${summary.warnings} should-level divergence(s) do not fail the run without \`--strict\`.`);
  return `${lines.join('\n')}\n`;
}

export function githubReporter(options: GithubReporterOptions): Reporter {
  const max = options.maxAnnotations ?? 10;
  return {
    onResult() {},
    onEnd(summary, results) {
      const all = annotations(results, options.cwd, options.usersFile);
      for (const command of ['error', 'warning'] as const) {
        const mine = all.filter((a) => a.command === command);
        for (const a of mine.slice(0, max)) options.out.write(`${workflowCommand(command, { file: a.file, title: a.title }, a.message)}\n`);
        if (mine.length > max) {
          options.out.write(
            `${workflowCommand('notice', { title: 'RevokeToken conformance' }, `${mine.length - max} more ${command}s: see the job summary`)}\n`,
          );
        }
      }
      if (options.summaryPath) appendFileSync(options.summaryPath, jobSummary(summary, results));
    },
  };
}
