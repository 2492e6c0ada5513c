// The HTML report as a reader sees it, in headless Debian chromium (tools/browser/launch.ts):
// written by the CLI for a broken client (a mutant whose error names are markup) and for a
// correct one, opened from disk, and driven with clicks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../conformance/run/result.ts';
import { type HeadlessBrowser, launchHeadlessChromium } from '../../tools/browser/launch.ts';
import { HOSTILE_MARKUP } from './adapters/hostile-error-names.ts';
import { adapterPath, cli } from './cli-harness.ts';

let browser: HeadlessBrowser;
let dir: string;
let failingUrl: string;
let passingUrl: string;
let failingResults: Result[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'html-report-'));
  const failing = await cli(
    '--adapter',
    adapterPath('hostile-error-names.ts'),
    '--seed',
    '1',
    '--reporter',
    `html=${join(dir, 'failing.html')}`,
    '--reporter',
    `json=${join(dir, 'failing.json')}`,
  );
  expect(failing.code, failing.stderr).toBe(1);
  const passing = await cli('--adapter', adapterPath('correct.ts'), '--seed', '1', '--reporter', `html=${join(dir, 'passing.html')}`);
  expect(passing.code, passing.stderr).toBe(0);
  failingResults = JSON.parse(readFileSync(join(dir, 'failing.json'), 'utf8')).results;
  failingUrl = pathToFileURL(join(dir, 'failing.html')).href;
  passingUrl = pathToFileURL(join(dir, 'passing.html')).href;
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens a report, recording every request other than for the file itself and every script error. */
async function open(url: string): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await browser.context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) outside.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, outside, errors };
}

const visibleCaseIds = (page: Page) => page.locator('details.case:visible .case-id').allTextContents();
const caseDetail = (page: Page, id: string) => page.locator('details.case').filter({ has: page.locator('.case-id', { hasText: new RegExp(`^${id}$`) }) });
const failedIds = () => failingResults.filter((r) => r.classified.kind === 'fail').map((r) => r.id);

describe('the HTML report in a browser', () => {
  it('rolls the failures up by rule: the failing rule, its level, how many cases it failed and one of them', async () => {
    const { page, outside, errors } = await open(failingUrl);
    // C15 is judged at each case's level: its must-level row.
    const c15 = page.locator('tr.rule-row[data-level="must"]', { has: page.locator('td.rule', { hasText: /^C15$/ }) });
    expect(await c15.isVisible()).toBe(true);
    const cells = await c15.locator('td').allTextContents();
    const c15Failures = failingResults.filter(
      (r) => r.classified.kind === 'fail' && r.classified.failures.some((v) => v.check === 'C15' && v.level === 'must'),
    );
    expect(cells.slice(0, 2)).toEqual(['C15', 'must']);
    expect(Number(cells[3])).toBe(c15Failures.length);
    expect(c15Failures.map((r) => r.id)).toContain(cells[6]);
    // The link opens the representative case, its title just below the sticky filter bar, not under it.
    await c15.locator('a').click();
    const linked = caseDetail(page, cells[6]!);
    expect(await linked.locator('.case-body').isVisible()).toBe(true);
    await page.waitForFunction(() => location.hash.startsWith('#case-'));
    const bar = (await page.locator('.filters').boundingBox())!;
    const title = (await linked.locator('summary').boundingBox())!;
    // The bar is stuck to the top of the viewport: the page scrolled to the case.
    expect(bar.y).toBe(0);
    expect(title.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(title.y + title.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking "failed" hides the passing cases and shows every failing one', async () => {
    const { page } = await open(failingUrl);
    expect(await visibleCaseIds(page)).toHaveLength(failingResults.length);
    await page.locator('button[data-filter="result"][data-value="failed"]').click();
    const shown = await visibleCaseIds(page);
    expect(shown.sort()).toEqual(failedIds().sort());
    expect(shown).not.toContain('RevokeTokenSuccessEmptyObject');
    expect(await page.locator('button[data-filter="result"][data-value="failed"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#shown-count').textContent()).toBe(`${shown.length} of ${failingResults.length} cases shown`);
    await page.locator('button[data-filter="result"][data-value="passed"]').click();
    expect(await visibleCaseIds(page)).toContain('RevokeTokenSuccessEmptyObject');
    expect(await visibleCaseIds(page)).not.toContain(failedIds()[0]);
    await page.close();
  });

  it('the level filter shows the cases of that level only, and combines with the result filter', async () => {
    const { page } = await open(failingUrl);
    const shouldIds = failingResults.filter((r) => r.level === 'should').map((r) => r.id);
    expect(shouldIds.length).toBeGreaterThan(0);
    await page.locator('button[data-filter="level"][data-value="should"]').click();
    expect((await visibleCaseIds(page)).sort()).toEqual([...shouldIds].sort());
    await page.locator('button[data-filter="result"][data-value="warning"]').click();
    const shouldWarnings = failingResults.filter((r) => r.level === 'should' && r.warnings.length > 0).map((r) => r.id);
    expect((await visibleCaseIds(page)).sort()).toEqual([...shouldWarnings].sort());
    await page.locator('button[data-filter="level"][data-value="must"]').click();
    await page.locator('button[data-filter="result"][data-value="all"]').click();
    expect(await visibleCaseIds(page)).toHaveLength(failingResults.length - shouldIds.length);
    await page.close();
  });

  it("a failing case shows the rule's expected and actual, the captured request with the Token redacted, the response, and the replay line", async () => {
    const id = 'RevokeTokenUnauthorizedExceptionAsObserved';
    const fixture = JSON.parse(readFileSync(new URL(`../../fixtures/errors/modeled/${id}.json`, import.meta.url), 'utf8'));
    const { page } = await open(failingUrl);
    const detail = caseDetail(page, id);
    expect(await detail.locator('.case-body').isVisible()).toBe(false);
    await detail.locator('summary').click();
    expect(await detail.locator('table.verdicts td.rule').allTextContents()).toContain('C15');
    expect(await detail.locator('pre.actual').first().textContent()).toBe('UnauthorizedException:');
    const request = detail.locator('.exchange .request');
    expect(await request.isVisible()).toBe(true);
    const head = await request.locator('.http-head').textContent();
    expect(head).toMatch(/^POST \/\n/);
    expect(head).toContain('x-amz-target: AWSCognitoIdentityProviderService.RevokeToken');
    const body = JSON.parse((await request.locator('.http-body').textContent()) ?? '');
    expect(body.Token).toBe('[redacted]');
    expect(body.ClientId).toBe('[redacted]');
    expect(await page.locator('body').textContent()).not.toContain(fixture.params.Token);
    expect(await detail.locator('.exchange .response .http-head').textContent()).toMatch(new RegExp(`^${fixture.response.code}\n`));
    const replay = await detail.locator('code.replay').textContent();
    expect(replay).toMatch(/^npm run conformance -- --adapter \S+ --replay [0-9a-f]{8}$/);
    expect(replay).toBe(failingResults.find((r) => r.id === id)!.replay);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const copy = detail.locator('button.copy');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('details.case[open] button.copy')?.textContent !== 'Copy');
    expect(await copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(replay);
    await page.close();
  });

  it('an error name and message that are markup render as text: no script runs, no element appears', async () => {
    const { page, outside, errors } = await open(failingUrl);
    const hostileCase = failingResults.find((r) => r.classified.kind === 'fail' && r.classified.failures.some((v) => v.actual === HOSTILE_MARKUP))!;
    expect(hostileCase).toBeDefined();
    const detail = caseDetail(page, hostileCase.id);
    await detail.locator('summary').click();
    expect(await detail.locator('pre.actual').allTextContents()).toContain(HOSTILE_MARKUP);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens with a verdict banner: failed or passed with the counts, the suite version, the time, the seed and the mode', async () => {
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    const fact = (page: Page, name: string) => page.locator(`.verdict-banner dd[data-fact="${name}"]`).textContent();
    const failing = (await open(failingUrl)).page;
    expect(await failing.locator('.verdict-banner').isVisible()).toBe(true);
    expect(await failing.locator('.verdict-banner .verdict strong').textContent()).toBe('FAILED');
    const failedCount = failedIds().length;
    expect(await failing.locator('.verdict-banner .verdict').textContent()).toMatch(new RegExp(`^FAILED \\d+ passed, ${failedCount} failed`));
    expect(await fact(failing, 'suite')).toBe(`revoketoken-conformance ${version}`);
    expect(await fact(failing, 'seed')).toBe('1');
    expect(await fact(failing, 'mode')).toMatch(/^default/);
    expect(await fact(failing, 'ended')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await failing.close();
    const passing = (await open(passingUrl)).page;
    expect(await passing.locator('.verdict-banner .verdict strong').textContent()).toBe('PASSED');
    expect(await passing.locator('.verdict-banner .verdict').textContent()).toMatch(/^PASSED \d+ passed, 0 failed/);
    await passing.close();
  });

  it('a passing run says no rule failed, and the "failed" filter then shows no case', async () => {
    const { page, errors } = await open(passingUrl);
    expect(await page.locator('tr.rule-row').count()).toBe(0);
    expect(await page.locator('.rollup-empty').isVisible()).toBe(true);
    await page.locator('button[data-filter="result"][data-value="failed"]').click();
    expect(await visibleCaseIds(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
