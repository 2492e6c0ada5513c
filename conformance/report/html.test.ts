import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import type { Result, Summary } from '../run/result.ts';
import { escapeHtml, htmlReporter, renderHtmlReport, resultTags, suiteVersion } from './html.ts';

const HOSTILE = '</script><img src=x onerror="window.__pwned=1">';

const c4: Verdict = {
  check: 'C4',
  title: 'sends X-Amz-Target AWSCognitoIdentityProviderService.RevokeToken',
  level: 'must',
  status: 'fail',
  expected: 'AWSCognitoIdentityProviderService.RevokeToken',
  actual: 'AWSCognitoIdentityProviderService.revokeToken',
};
const hostileVerdict: Verdict = {
  check: 'C14',
  title: 'surfaces the modeled error name',
  level: 'should',
  status: 'fail',
  expected: 'InternalErrorException',
  actual: HOSTILE,
};

const failing: Result = {
  id: 'RevokeTokenSuccessEmptyObject',
  kind: 'fixture',
  level: 'must',
  documentation: 'An empty object & "quotes"',
  origin: 'fixtures/success/RevokeTokenSuccessEmptyObject.json',
  verdicts: [c4, { ...c4, check: 'C1', title: 'POST', status: 'pass' }],
  classified: { kind: 'fail', failures: [c4] },
  replay: 'npm run conformance -- --adapter x --filter RevokeTokenSuccessEmptyObject',
  warnings: [],
  exchanges: {
    total: 3,
    shown: [
      {
        label: 'request 1 of 3',
        request: {
          method: 'POST',
          path: '/',
          headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.revokeToken' },
          body: '{\n  "Token": "[redacted]"\n}',
          bodyBytes: 20,
        },
        response: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' },
      },
      { label: 'request 3 of 3', request: { method: 'POST', path: '/', headers: {}, body: '', bodyBytes: 0 }, noResponse: 'the fake service never answered' },
    ],
  },
};
const hostile: Result = {
  ...failing,
  id: `hostile ${HOSTILE}`,
  level: 'should',
  verdicts: [hostileVerdict],
  classified: { kind: 'pass' },
  warnings: [hostileVerdict],
  exchanges: undefined,
};
const passing: Result = { ...failing, id: 'RevokeTokenRequestAllMembers', verdicts: [], classified: { kind: 'pass' }, exchanges: undefined };
const notApplicable: Result = { ...passing, id: 'cancellation', classified: { kind: 'not-applicable', reason: 'the adapter does not declare cancellation' } };
const expected: Result = {
  ...passing,
  id: 'known',
  classified: { kind: 'expected-fail', failures: [c4], expectations: [{ case: 'known', check: 'C4', reason: 'a known bug', source: 'issue 1' }] },
};
const results = [failing, hostile, passing, notApplicable, expected];
const summary: Summary = {
  implementation: `client ${HOSTILE}`,
  total: results.length,
  passed: 2,
  failed: 1,
  expectedFailures: 1,
  unexpectedPasses: 0,
  notApplicable: 1,
  warnings: 1,
  strict: false,
  seed: 7,
  durationMs: 1200,
};

const ENDED_AT = new Date('2026-03-04T05:06:07.890Z');
const page = renderHtmlReport(summary, results, { endedAt: ENDED_AT, suiteVersion: '9.8.7' });

describe('the HTML report', () => {
  it('is one self-contained page: one inline script allowed by its hash, no external reference', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]![1]!).digest('base64');
    expect(page).toContain(`script-src 'sha256-${hash}'`);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('opens with a verdict banner: failed or passed with the counts, the suite version, when it ended, the seed and the mode', () => {
    expect(page).toMatch(/<div class="verdict-banner verdict-failed" role="status"><p class="verdict"><strong>FAILED<\/strong> 2 passed, 1 failed, /);
    expect(page).toContain('<dd data-fact="suite">revoketoken-conformance 9.8.7</dd>');
    expect(page).toContain('<dd data-fact="ended">2026-03-04T05:06:07Z</dd>');
    expect(page).toContain('<dd data-fact="seed">7</dd>');
    expect(page).toContain('<dd data-fact="mode">default (must-level rules fail the run)</dd>');
    const stamp = { endedAt: ENDED_AT, suiteVersion: '1.0.0' };
    const passed = renderHtmlReport({ ...summary, failed: 0, strict: true }, [passing], stamp);
    expect(passed).toContain('<div class="verdict-banner verdict-passed" role="status"><p class="verdict"><strong>PASSED</strong>');
    expect(passed).toContain('<dd data-fact="mode">strict (should-level rules fail the run too)</dd>');
    // A stale expectation fails the run, so the banner too.
    expect(renderHtmlReport({ ...summary, failed: 0, unexpectedPasses: 1 }, [passing], stamp)).toContain('<strong>FAILED</strong>');
  });

  it('keeps a linked case below the sticky filter bar', () => {
    expect(page).toMatch(/details\.case \{ scroll-margin-top: var\(--filters-height, 7rem\); \}/);
    expect(page).toContain("setProperty('--filters-height'");
  });

  it('rolls failures up by rule, with the level, the count and a link to a representative case', () => {
    const row =
      /<tr class="rule-row rule-failed" data-level="must"><td class="rule">C4<\/td><td>must<\/td><td>[^<]*<\/td><td class="count failed-count">1<\/td><td class="count">0<\/td><td class="count">1<\/td><td><a href="#case-0">RevokeTokenSuccessEmptyObject<\/a>/;
    expect(page).toMatch(row);
    expect(page).toMatch(/<tr class="rule-row" data-level="should"><td class="rule">C14<\/td>/);
  });

  it('links each rule to its simplest failing case, the one tagged with the rule before the first in run order', () => {
    const first = { ...failing, id: 'ByTheWay', tags: ['C13'] };
    const about = { ...failing, id: 'AboutC4', tags: ['C4'] };
    const html = renderHtmlReport(summary, [first, about], { endedAt: ENDED_AT, suiteVersion: '1' });
    expect(html).toMatch(/<td class="rule">C4<\/td>.*?<a href="#case-1">AboutC4<\/a>/);
  });

  it('tags every case with its level and the result filters it falls under', () => {
    expect(page).toContain('id="case-0" data-level="must" data-results="failed"');
    expect(page).toContain('id="case-1" data-level="should" data-results="passed warning"');
    expect(resultTags(notApplicable)).toEqual(['not-applicable']);
    expect(resultTags(expected)).toEqual(['expected-failure']);
    expect(resultTags({ ...passing, classified: { kind: 'unexpected-pass', expectations: [] } })).toEqual(['failed', 'unexpected-pass']);
    expect(page).toMatch(/data-filter="result" data-value="failed" aria-pressed="false">failed \(1\)/);
    expect(page).toMatch(/data-filter="level" data-value="should" aria-pressed="false">should \(1\)/);
  });

  it('shows a failing case with expected and actual, its captured exchange and its replay line with a copy button', () => {
    expect(page).toContain('<pre class="expected">AWSCognitoIdentityProviderService.RevokeToken</pre>');
    expect(page).toContain('<pre class="actual">AWSCognitoIdentityProviderService.revokeToken</pre>');
    expect(page).toContain('captured exchange (2 of 3 shown)');
    expect(page).toContain('POST /\nx-amz-target: AWSCognitoIdentityProviderService.revokeToken');
    expect(page).toContain('{\n  &quot;Token&quot;: &quot;[redacted]&quot;\n}');
    expect(page).toContain('the fake service never answered');
    expect(page).toContain(
      '<code class="replay" id="replay-0">npm run conformance -- --adapter x --filter RevokeTokenSuccessEmptyObject</code> <button type="button" class="copy" data-copy="replay-0">Copy</button>',
    );
  });

  it('escapes everything an adapter controls: no markup of its own reaches the page', () => {
    expect(page).not.toContain('<img');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(page).toContain('An empty object &amp; &quot;quotes&quot;');
    expect(escapeHtml(`a'b`)).toBe('a&#39;b');
    expect(escapeHtml('bell\u0007 rtl\u202e')).toBe('bell\\u0007 rtl\\u202e');
  });

  it('writes the page where the reporter was told, creating the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
    try {
      const path = join(dir, 'nested', 'report.html');
      await htmlReporter(path, { now: () => ENDED_AT }).onEnd(summary, results);
      expect(readFileSync(path, 'utf8')).toBe(page.replace('revoketoken-conformance 9.8.7', `revoketoken-conformance ${suiteVersion()}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
