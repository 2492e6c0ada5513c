import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { InformationalVerdict, Verdict } from '../judging/check.ts';
import { packageRoot } from '../package-root.ts';
import type { CapturedExchange } from '../run/captured-exchange.ts';
import type { Reporter } from '../run/reporter.ts';
import type { Result, Summary } from '../run/result.ts';
import { simplestFor } from './causes.ts';
import { curlEndpointNote, failureCurlLine } from './curl-line.ts';

/**
 * One self-contained HTML page per run: a roll-up by rule, every case with its verdicts, the
 * captured exchange of a failing case and its replay line, and filters by level and result.
 * Everything is rendered here as escaped text; the page's one script only filters and copies,
 * and a Content-Security-Policy allows that script alone (by its hash), no other script, no
 * image, no request. An adapter controls error names and messages, so nothing it says may
 * become markup.
 */

/** What a filter by result offers, in this order; a case may fall under several. */
export const RESULT_FILTERS = [
  ['failed', 'failed'],
  ['passed', 'passed'],
  ['expected-failure', 'expected failure'],
  ['not-applicable', 'not applicable'],
  ['warning', 'warning'],
  ['unexpected-pass', 'unexpected pass'],
] as const;

type ResultFilter = (typeof RESULT_FILTERS)[number][0];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an element's content or a quoted attribute: markup characters escaped;
 * control characters and bidirectional overrides shown as escapes, so that nothing reads
 * differently from what it is.
 */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The result filters a case falls under. */
export function resultTags(result: Result): ResultFilter[] {
  const tags: ResultFilter[] = [];
  switch (result.classified.kind) {
    case 'fail':
      tags.push('failed');
      break;
    case 'unexpected-pass':
      // An unexpected pass fails the run, so "failed" shows it too.
      tags.push('failed', 'unexpected-pass');
      break;
    case 'pass':
      tags.push('passed');
      break;
    case 'expected-fail':
      tags.push('expected-failure');
      break;
    case 'not-applicable':
      tags.push('not-applicable');
      break;
  }
  if (result.warnings.length > 0) tags.push('warning');
  return tags;
}

const STATUS_LABEL: Record<Result['classified']['kind'], string> = {
  pass: 'passed',
  fail: 'failed',
  'expected-fail': 'expected failure',
  'unexpected-pass': 'unexpected pass',
  'not-applicable': 'not applicable',
};

/** One row of the roll-up: a rule and the cases it failed. */
interface RuleRow {
  rule: string;
  level: string;
  title: string;
  failed: number;
  expectedFailures: number;
  warnings: number;
  /** Index of the simplest case the rule failed (simplestFor), or, failing none, the first it warned or was expected to fail in. */
  representative: number;
  /** The cases it failed, by index. */
  failedIn: number[];
}

function rollUp(results: readonly Result[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  // A rule judged at each case's own level (the outcome rules) gets a row per level, so that
  // the level filter and the counts agree.
  const row = (v: Pick<Verdict, 'check' | 'level' | 'title'>, index: number) => {
    const key = `${v.check}\u0000${v.level}`;
    let found = rows.get(key);
    if (!found) {
      found = { rule: v.check, level: v.level, title: v.title, failed: 0, expectedFailures: 0, warnings: 0, representative: index, failedIn: [] };
      rows.set(key, found);
    }
    return found;
  };
  results.forEach((result, index) => {
    const c = result.classified;
    const once = new Set<string>();
    const count = (v: Verdict, field: 'failed' | 'expectedFailures' | 'warnings') => {
      const key = `${field}:${v.check}:${v.level}`;
      if (once.has(key)) return;
      once.add(key);
      const r = row(v, index);
      if (field === 'failed') r.failedIn.push(index);
      r[field] += 1;
    };
    if (c.kind === 'fail') for (const v of c.failures) count(v, 'failed');
    if (c.kind === 'expected-fail') for (const v of c.failures) count(v, 'expectedFailures');
    for (const v of result.warnings) count(v, 'warnings');
  });
  for (const r of rows.values()) {
    if (r.failedIn.length === 0) continue;
    const simplest = simplestFor(
      r.rule,
      r.failedIn.map((i) => results[i]!),
    );
    r.representative = results.indexOf(simplest);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.failed - a.failed ||
      b.warnings - a.warnings ||
      b.expectedFailures - a.expectedFailures ||
      a.rule.localeCompare(b.rule, 'en', { numeric: true }) ||
      a.level.localeCompare(b.level),
  );
}

const caseAnchor = (index: number) => `case-${index}`;

function verdictTable(verdicts: readonly Verdict[], caption: string): string {
  if (verdicts.length === 0) return '';
  const rows = verdicts
    .map(
      (v) =>
        `<tr class="verdict ${v.status === 'fail' ? 'verdict-fail' : 'verdict-pass'}"><td class="rule">${escapeHtml(v.check)}</td><td>${escapeHtml(v.level)}</td><td>${escapeHtml(v.title)}</td><td><pre class="expected">${escapeHtml(v.expected ?? '')}</pre></td><td><pre class="actual">${escapeHtml(v.actual ?? '')}</pre></td></tr>`,
    )
    .join('');
  return `<table class="verdicts"><caption>${escapeHtml(caption)}</caption><thead><tr><th>rule</th><th>level</th><th>title</th><th>expected</th><th>actual</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function exchangeBlock(exchange: CapturedExchange): string {
  const { request, response } = exchange;
  const requestText = `${request.method} ${request.path}\n${headerLines(request.headers)}`;
  const requestBody = request.body === '' ? '(no body)' : `${request.body}${request.bodyCut ? `\n… (cut; ${request.bodyBytes} bytes in all)` : ''}`;
  const responsePart = response
    ? `<div class="response"><h5>response</h5><pre class="http-head">${escapeHtml(`${response.status}\n${headerLines(response.headers)}`)}</pre><pre class="http-body">${escapeHtml(response.body === '' ? '(no body)' : `${response.body}${response.bodyCut ? '\n… (cut)' : ''}`)}</pre></div>`
    : `<div class="response"><h5>response</h5><p class="no-response">${escapeHtml(exchange.noResponse ?? 'no response')}</p></div>`;
  return `<div class="exchange"><h4>${escapeHtml(exchange.label)}</h4><div class="request"><h5>request</h5><pre class="http-head">${escapeHtml(requestText)}</pre><pre class="http-body">${escapeHtml(requestBody)}</pre></div>${responsePart}</div>`;
}

function caseDetail(result: Result, index: number): string {
  const c = result.classified;
  const tags = resultTags(result);
  const parts: string[] = [];
  if (result.documentation) parts.push(`<p class="documentation">${escapeHtml(result.documentation)}</p>`);
  parts.push(
    `<p class="origin">${escapeHtml(result.kind)} from <code>${escapeHtml(result.origin)}</code>${result.runs !== undefined ? `, ${result.runs} runs` : ''}</p>`,
  );
  if (c.kind === 'fail') parts.push(verdictTable(c.failures, 'failing rules'));
  if (result.crashStack) parts.push(`<h4>stack (your frames, redacted)</h4><pre class="crash-stack">${escapeHtml(result.crashStack)}</pre>`);
  if (c.kind === 'expected-fail') {
    parts.push(verdictTable(c.failures, 'expected failures'));
    parts.push(
      `<ul class="expectations">${c.expectations.map((e) => `<li>${escapeHtml(`${e.check ?? 'any rule'}: ${e.reason} (${e.source})`)}</li>`).join('')}</ul>`,
    );
  }
  if (c.kind === 'unexpected-pass') {
    parts.push(
      `<p>Expected to fail, but passed: the client changed, or the expectation is stale.</p><ul class="expectations">${c.expectations.map((e) => `<li>${escapeHtml(`${e.check ?? 'any rule'}: ${e.reason} (${e.source})`)}</li>`).join('')}</ul>`,
    );
  }
  if (c.kind === 'not-applicable') parts.push(`<p class="reason">Not applicable: ${escapeHtml(c.reason)}</p>`);
  parts.push(verdictTable(result.warnings, 'warnings (should-level, not failing without --strict)'));
  const informational = (result as Result & { informational?: InformationalVerdict[] }).informational?.filter((v) => v.status === 'fail') ?? [];
  parts.push(verdictTable(informational, 'informational differences (never counted)'));
  const passedRules = [...new Set(result.verdicts.filter((v) => v.status === 'pass').map((v) => v.check))];
  if (passedRules.length > 0) parts.push(`<p class="passed-rules">rules passed: ${escapeHtml(passedRules.join(', '))}</p>`);
  if (result.calls) parts.push(`<h4>sequence (shrunk)</h4><pre class="counterexample">${escapeHtml(result.calls.join('\n'))}</pre>`);
  if (result.counterexample) {
    parts.push(`<h4>counterexample (shrunk)</h4><pre class="counterexample">${escapeHtml(JSON.stringify(result.counterexample, null, 2))}</pre>`);
  }
  if (result.exchanges) {
    const { shown, total } = result.exchanges;
    const note = shown.length < total ? ` (${shown.length} of ${total} shown)` : '';
    const curl = failureCurlLine(result.exchanges);
    const curlPart =
      curl === undefined ? '' : `<p class="curl">curl (${escapeHtml(curlEndpointNote(result.kind, result.id))}): <code>${escapeHtml(curl)}</code></p>`;
    parts.push(`<section class="exchanges"><h4>captured exchange${escapeHtml(note)}</h4>${shown.map(exchangeBlock).join('')}${curlPart}</section>`);
  }
  const replayId = `replay-${index}`;
  parts.push(
    `<p class="replay-line">replay: <code class="replay" id="${replayId}">${escapeHtml(result.replay)}</code> <button type="button" class="copy" data-copy="${replayId}">Copy</button></p>`,
  );
  const kind = c.kind;
  return `<details class="case status-${kind}" id="${caseAnchor(index)}" data-level="${escapeHtml(result.level)}" data-results="${tags.join(' ')}"><summary><span class="badge badge-${kind}">${escapeHtml(STATUS_LABEL[kind])}</span>${result.warnings.length > 0 ? '<span class="badge badge-warning">warning</span>' : ''} <span class="case-id">${escapeHtml(result.id)}</span> <span class="case-meta">${escapeHtml(`${result.kind} · ${result.level}`)}</span></summary><div class="case-body">${parts.join('')}</div></details>`;
}

function rollUpTable(rows: readonly RuleRow[], results: readonly Result[]): string {
  if (rows.length === 0) return '<p class="rollup-empty">No rule failed, warned or was expected to fail.</p>';
  const body = rows
    .map(
      (r) =>
        `<tr class="rule-row${r.failed > 0 ? ' rule-failed' : ''}" data-level="${escapeHtml(r.level)}"><td class="rule">${escapeHtml(r.rule)}</td><td>${escapeHtml(r.level)}</td><td>${escapeHtml(r.title)}</td><td class="count failed-count">${r.failed}</td><td class="count">${r.warnings}</td><td class="count">${r.expectedFailures}</td><td><a href="#${caseAnchor(r.representative)}">${escapeHtml(results[r.representative]?.id ?? '')}</a></td></tr>`,
    )
    .join('');
  return `<table class="rollup"><thead><tr><th>rule</th><th>level</th><th>title</th><th>failed</th><th>warnings</th><th>expected failures</th><th>representative case</th></tr></thead><tbody>${body}</tbody></table>`;
}

function filterBar(results: readonly Result[]): string {
  const levels = [...new Set(['must', 'should', ...results.map((r) => r.level)])];
  const levelButtons = ['all', ...levels]
    .map((level) => {
      const n = level === 'all' ? results.length : results.filter((r) => r.level === level).length;
      return `<button type="button" data-filter="level" data-value="${escapeHtml(level)}" aria-pressed="${level === 'all'}">${escapeHtml(level)} (${n})</button>`;
    })
    .join('');
  const resultButtons = [['all', 'all'] as const, ...RESULT_FILTERS]
    .map(([value, label]) => {
      const n = value === 'all' ? results.length : results.filter((r) => resultTags(r).includes(value)).length;
      return `<button type="button" data-filter="result" data-value="${value}" aria-pressed="${value === 'all'}">${label} (${n})</button>`;
    })
    .join('');
  return `<div class="filters"><div class="filter-group" role="group" aria-label="level"><span>level:</span>${levelButtons}</div><div class="filter-group" role="group" aria-label="result"><span>result:</span>${resultButtons}</div><p id="shown-count" aria-live="polite"></p></div>`;
}

function summaryLine(summary: Summary): string {
  const parts = [
    `${summary.passed} passed`,
    `${summary.failed} failed`,
    ...(summary.unexpectedPasses ? [`${summary.unexpectedPasses} unexpectedly passed`] : []),
    ...(summary.expectedFailures ? [`${summary.expectedFailures} expected failures`] : []),
    ...(summary.notApplicable ? [`${summary.notApplicable} not applicable`] : []),
    ...(summary.warnings ? [`${summary.warnings} warnings`] : []),
  ];
  return `${parts.join(', ')} (${summary.total} cases, seed ${summary.seed}, ${(summary.durationMs / 1000).toFixed(1)} s${summary.strict ? ', strict' : ''})`;
}

/** What the banner says besides the summary: when the run ended and which suite judged it. */
export interface ReportStamp {
  /** When the run ended. */
  endedAt: Date;
  /** This package's version. */
  suiteVersion: string;
}

/** The run's verdict as the exit code has it: any failure or stale expectation fails it. */
const runPassed = (summary: Summary) => summary.failed === 0 && summary.unexpectedPasses === 0;

/**
 * The banner at the top: passed or failed with the counts, then the facts a reader needs to
 * trust or reproduce it (suite version, when it ended, the seed, strict or default mode).
 */
function verdictBanner(summary: Summary, stamp: ReportStamp): string {
  const passed = runPassed(summary);
  const facts = [
    ['suite', `revoketoken-conformance ${stamp.suiteVersion}`],
    ['ended', stamp.endedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ['seed', String(summary.seed)],
    ['mode', summary.strict ? 'strict (should-level rules fail the run too)' : 'default (must-level rules fail the run)'],
  ] as const;
  return `<div class="verdict-banner ${passed ? 'verdict-passed' : 'verdict-failed'}" role="status"><p class="verdict"><strong>${passed ? 'PASSED' : 'FAILED'}</strong> ${escapeHtml(summaryLine(summary))}</p><dl class="run-facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd data-fact="${term}">${escapeHtml(value)}</dd></div>`).join('')}</dl></div>`;
}

function diagnosticsBlock(summary: Summary): string {
  const d = summary.diagnostics;
  if (!d || (d.stderr.length === 0 && d.events.length === 0)) return '';
  return `<details class="diagnostics"><summary>client process: events and stderr (redacted)</summary><pre>${escapeHtml([...d.events, ...d.stderr].join('\n'))}</pre></details>`;
}

// The page's only script: filters and the copy buttons. Fixed text, so its hash is fixed and
// the policy below can allow it alone.
const SCRIPT = `(() => {
  const state = { level: 'all', result: 'all' };
  const cases = Array.from(document.querySelectorAll('details.case'));
  const rules = Array.from(document.querySelectorAll('tr.rule-row'));
  const apply = () => {
    let shown = 0;
    for (const element of cases) {
      const visible = (state.level === 'all' || element.dataset.level === state.level)
        && (state.result === 'all' || element.dataset.results.split(' ').includes(state.result));
      element.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const row of rules) row.hidden = !(state.level === 'all' || row.dataset.level === state.level);
    document.getElementById('shown-count').textContent = shown + ' of ' + cases.length + ' cases shown';
    document.getElementById('no-match').hidden = shown > 0;
    for (const button of document.querySelectorAll('[data-filter]')) {
      button.setAttribute('aria-pressed', String(state[button.dataset.filter] === button.dataset.value));
    }
  };
  const copied = (button, label) => {
    button.textContent = label;
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  };
  const copyBySelection = (button, element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    copied(button, ok ? 'Copied' : 'Selected: press Ctrl+C');
  };
  // The sticky filter bar's real height (it grows when its buttons wrap): a case a link jumps to
  // is scrolled to just below it (scroll-margin-top in the style), its title in view.
  const bar = document.querySelector('.filters');
  const measure = () => { if (bar) document.documentElement.style.setProperty('--filters-height', (bar.offsetHeight + 8) + 'px'); };
  window.addEventListener('resize', measure);
  // The bar also changes height without a resize (its buttons wrap once fonts and the banner settle).
  if (bar && typeof ResizeObserver === 'function') new ResizeObserver(measure).observe(bar);
  measure();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const filter = target.closest('[data-filter]');
    if (filter) {
      state[filter.dataset.filter] = filter.dataset.value;
      apply();
      return;
    }
    const copy = target.closest('[data-copy]');
    if (copy) {
      const element = document.getElementById(copy.dataset.copy);
      if (!element) return;
      const text = element.textContent;
      if (!navigator.clipboard || !navigator.clipboard.writeText) {
        copyBySelection(copy, element);
        return;
      }
      // A browser may hold the promise while it asks for permission: select the text meanwhile.
      let settled = false;
      const waiting = setTimeout(() => { if (!settled) copyBySelection(copy, element); }, 1000);
      navigator.clipboard.writeText(text).then(
        () => { settled = true; clearTimeout(waiting); copied(copy, 'Copied'); },
        () => { settled = true; clearTimeout(waiting); copyBySelection(copy, element); },
      );
      return;
    }
    const link = target.closest('a[href^="#case-"]');
    if (link) {
      const detail = document.getElementById(link.getAttribute('href').slice(1));
      if (!detail) return;
      if (detail.hidden) { state.level = 'all'; state.result = 'all'; apply(); }
      detail.open = true;
      measure();
    }
  });
  apply();
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; form-action 'none'; base-uri 'none'`;

const STYLE = `
:root { color-scheme: light dark; --fail: #c62828; --pass: #2e7d32; --warn: #b26a00; --muted: #666; --line: #8884; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 82rem; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { margin: .8rem 0 .3rem; font-size: .95rem; }
h5 { margin: .3rem 0; font-size: .85rem; color: var(--muted); text-transform: uppercase; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
tr.rule-failed td.failed-count { color: var(--fail); font-weight: 700; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; font: 12.5px/1.4 ui-monospace, monospace; }
.verdict-banner { border-radius: .4rem; padding: .5rem .8rem; margin: .4rem 0 1rem; border-left: .4rem solid var(--muted); background: #8881; }
.verdict-passed { border-left-color: var(--pass); }
.verdict-failed { border-left-color: var(--fail); }
.verdict { font-size: 1rem; margin: 0 0 .3rem; }
.verdict-passed .verdict strong { color: var(--pass); }
.verdict-failed .verdict strong { color: var(--fail); }
.run-facts { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin: 0; }
.run-facts div { display: flex; gap: .4rem; }
.run-facts dt { color: var(--muted); }
.run-facts dd { margin: 0; font-family: ui-monospace, monospace; }
.filters { position: sticky; top: 0; background: Canvas; padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
/* A case a link jumps to lands below the sticky filter bar, its title in view (the bar is about two rows of buttons tall; more when they wrap). */
details.case { scroll-margin-top: var(--filters-height, 7rem); }
.filter-group { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; margin: .2rem 0; }
.filter-group span { min-width: 3.5rem; color: var(--muted); }
button { font: inherit; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 1rem; background: transparent; color: inherit; cursor: pointer; }
button[aria-pressed="true"] { background: #1565c0; border-color: #1565c0; color: #fff; }
details.case { border: 1px solid var(--line); border-radius: .4rem; margin: .35rem 0; }
details.case > summary { padding: .35rem .6rem; cursor: pointer; }
.case-body { padding: .2rem .9rem .8rem; border-top: 1px solid var(--line); }
.case-id { font-family: ui-monospace, monospace; font-weight: 600; }
.case-meta { color: var(--muted); }
.badge { display: inline-block; min-width: 6.5rem; text-align: center; border-radius: .3rem; padding: 0 .4rem; margin-right: .3rem; font-size: .8rem; color: #fff; background: var(--muted); }
.badge-fail, .badge-unexpected-pass { background: var(--fail); }
.badge-pass { background: var(--pass); }
.badge-warning { background: var(--warn); min-width: 0; }
.documentation { white-space: pre-wrap; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: .3rem 1rem; border-left: 3px solid var(--line); padding-left: .6rem; margin: .4rem 0; }
.exchange h4 { grid-column: 1 / -1; margin: 0; }
.http-head { font-weight: 600; }
.http-body { margin-top: .3rem; padding: .3rem; background: #8881; }
code.replay { font: 12.5px ui-monospace, monospace; background: #8882; padding: .1rem .3rem; border-radius: .2rem; word-break: break-all; }
.muted, .origin, .passed-rules { color: var(--muted); }
`;

/** This package's version, as its package.json says. */
export function suiteVersion(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
  return version ?? 'unknown';
}

/** The whole page for one run; `stamp` defaults to now and this package's version. */
export function renderHtmlReport(
  summary: Summary,
  results: readonly Result[],
  stamp: ReportStamp = { endedAt: new Date(), suiteVersion: suiteVersion() },
): string {
  const title = `RevokeToken conformance: ${summary.implementation}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${verdictBanner(summary, stamp)}</header>
<section id="rules"><h2>Rules</h2>${rollUpTable(rollUp(results), results)}</section>
<section id="cases"><h2>Cases</h2>${filterBar(results)}<p id="no-match" hidden>No case matches these filters.</p>
${results.map(caseDetail).join('\n')}
</section>
${diagnosticsBlock(summary)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** `--reporter html=<file>`: writes the page when the run ends; `now` gives the time the banner shows. */
export function htmlReporter(path: string, options: { now?: () => Date } = {}): Reporter {
  return {
    onResult() {},
    onEnd(summary, results) {
      writeFileAtomically(path, renderHtmlReport(summary, results, { endedAt: options.now?.() ?? new Date(), suiteVersion: suiteVersion() }));
    },
  };
}
