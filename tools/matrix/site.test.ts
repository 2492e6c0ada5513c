// The matrix page as a reader sees it, in headless Debian chromium (tools/browser/launch.ts),
// built from the small fixed lane reports in test-fixtures/ rather than a full matrix run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeadlessBrowser, launchHeadlessChromium } from '../browser/launch.ts';
import { writeSite } from './site.ts';
import { smallMatrix } from './test-fixtures/small-matrix.ts';

const data = smallMatrix();
const ruleCount = data.groups.reduce((n, g) => n + g.rules.length, 0);
let browser: HeadlessBrowser;
let outDir: string;
let pageUrl: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'revoketoken-matrix-site-'));
  pageUrl = pathToFileURL(writeSite(data, outDir).index).href;
  browser = await launchHeadlessChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Opens a page and records every request that is not for the page's own file. */
async function open(url: string): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.context.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) outside.push(request.url());
  });
  await page.goto(url);
  return { page, outside };
}

const visibleRules = (page: Page) => page.locator('tr.rule-row:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['rule']));

describe('the matrix page', () => {
  it('has a row per rule, a column per implementation with its pinned version, and says so', async () => {
    const { page } = await open(pageUrl);
    expect(await page.locator('tr.rule-row').count()).toBe(ruleCount);
    expect(await page.locator('#matrix-client thead tr').first().locator('th').count()).toBe(1 + 3);
    expect(await page.locator('#matrix-server thead tr').first().locator('th').count()).toBe(1 + 1);
    expect(await page.locator('#matrix-client th.lane[data-lane="odd-client"] .lane-version').textContent()).toBe('odd-sdk 2.3.4');
    expect(await page.locator('#matrix-client th.lane[data-lane="future-client"] .lane-note').textContent()).toBe('not run yet');
    expect(await page.locator('#shown-count').textContent()).toBe(`Showing ${ruleCount} of ${ruleCount} rules`);
    await page.close();
  });

  it('shows must and should pass counts per implementation', async () => {
    const { page } = await open(pageUrl);
    const count = (lane: string, level: string) => page.locator(`td.summary[data-lane="${lane}"][data-level="${level}"]`).textContent();
    expect(await count('good-client', 'must')).toBe('4/4');
    expect(await count('odd-client', 'must')).toBe('1/2 (1 failing)');
    expect(await count('odd-client', 'should')).toBe('0/2 (1 expected, 1 failing)');
    expect(await count('small-server', 'must')).toBe('1/2 (1 expected)');
    expect(await count('future-client', 'must')).toBe('–');
    await page.close();
  });

  it('filters by level, area and result', async () => {
    const { page } = await open(pageUrl);
    await page.selectOption('#filter-level', 'should');
    // C11, C24, A3, S7 and S9 are should-level in the registry; C14 is should in this data.
    expect(await visibleRules(page)).toEqual(['C11', 'C14', 'C24', 'A3', 'S7', 'S9']);
    await page.selectOption('#filter-level', 'all');
    await page.selectOption('#filter-area', 'error-names');
    expect(await visibleRules(page)).toEqual(['C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C20', 'C22']);
    expect(await page.locator('tr.group-row:visible').count()).toBe(1);
    await page.selectOption('#filter-area', 'all');
    await page.selectOption('#filter-result', 'expected');
    expect(await visibleRules(page)).toEqual(['C14', 'S14']);
    await page.selectOption('#filter-result', 'should');
    expect(await visibleRules(page)).toEqual(['C24']);
    await page.selectOption('#filter-result', 'fail');
    expect(await visibleRules(page)).toEqual(['C3']);
    expect(await page.locator('#shown-count').textContent()).toBe(`Showing 1 of ${ruleCount} rules`);
    await page.close();
  });

  it("opens a cell on its case ids, the expectation's reason and source, and the replay line", async () => {
    const { page } = await open(pageUrl);
    await page.click('td.cell[data-lane="odd-client"][data-rule="C14"] button');
    const detail = page.locator('#detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('h3').textContent()).toBe('C14 on odd-client: expected (in the expectations file)');
    const listed = detail.locator('.case[data-case="RevokeTokenErrorCodeField"]');
    expect(await listed.locator('.case-id').textContent()).toBe('RevokeTokenErrorCodeField [should] expected');
    const text = await listed.textContent();
    expect(text).toContain('reads the error code from __type only');
    expect(text).toContain('odd-sdk parsers.py parse_error');
    // The upstream issue the source names is a link, in the panel and in the cell itself.
    expect(await listed.locator('a[href="https://github.com/odd-org/odd-sdk/issues/42"]').textContent()).toBe('odd-org/odd-sdk#42');
    expect(await page.locator('td.cell[data-lane="odd-client"][data-rule="C14"] .upstream a').getAttribute('href')).toBe(
      'https://github.com/odd-org/odd-sdk/issues/42',
    );
    expect(text).toContain('npm run conformance -- --adapter odd-client --filter RevokeTokenErrorCodeField');
    await page.click('td.cell[data-lane="good-client"][data-rule="C1"] button');
    expect(await detail.locator('.passed-cases').textContent()).toBe('RevokeTokenSuccess');
    await page.click('#detail-close');
    expect(await detail.isVisible()).toBe(false);
    await page.close();
  });
});

describe('the page makes no request of its own', () => {
  it('loads nothing but itself', async () => {
    const { page, outside } = await open(pageUrl);
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('would be caught loading something from elsewhere', async () => {
    const tampered = join(outDir, 'tampered.html');
    // The detector must see a request the page makes; the page's CSP then blocks it.
    writeFileSync(tampered, readFileSync(join(outDir, 'index.html'), 'utf8').replace('<body>', '<body><img src="http://127.0.0.1:9/pixel.png">'));
    const url = pathToFileURL(tampered).href;
    const { page, outside } = await open(url);
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual(['http://127.0.0.1:9/pixel.png']);
    await page.close();
  });
});
