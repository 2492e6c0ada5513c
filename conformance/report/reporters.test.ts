import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result, Summary } from '../run/result.ts';
import { humanReporter } from './human.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { C8, failingFixture } from './test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'reporters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A failing fixture as test-support builds it, with this file's own replay line and no time.
const { durationMs: _untimed, ...failingFixtureResult } = failingFixture('RevokeTokenRequestRequiredMembersOnly', [C8]);
const failing: Result = { ...failingFixtureResult, replay: 'npm run conformance -- --filter RevokeTokenRequestRequiredMembersOnly' };
const summary: Summary = {
  implementation: 'unit client',
  total: 1,
  passed: 0,
  failed: 1,
  expectedFailures: 0,
  unexpectedPasses: 0,
  notApplicable: 0,
  warnings: 0,
  strict: false,
  seed: 1,
  durationMs: 5,
};

describe('the reporters', () => {
  it('human: names the implementation, the failing rule with expected and actual, and the replay line', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const reporter = humanReporter({ out, verbose: false });
    reporter.onStart?.({ implementation: 'unit client', total: 1 });
    reporter.onResult(failing);
    await reporter.onEnd(summary, [failing]);
    expect(text).toContain('RevokeToken conformance: unit client');
    expect(text).toMatch(/C8 \[must\] sends a JSON object/);
    expect(text).toContain('expected: member ClientId');
    expect(text).toContain('replay: npm run conformance -- --filter RevokeTokenRequestRequiredMembersOnly');
  });

  it('json: writes the summary and every result', async () => {
    const path = join(dir, 'nested', 'report.json');
    await jsonReporter(path).onEnd(summary, [failing]);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    expect(report).toMatchObject({
      version: 1,
      summary: { implementation: 'unit client', failed: 1 },
      results: [{ id: failing.id, classified: { kind: 'fail' } }],
    });
  });

  it('junit: one failure per failing case, escaped, written where asked', async () => {
    const path = join(dir, 'nested', 'report.xml');
    await junitReporter(path).onEnd(summary, [{ ...failing, id: 'a<b' }]);
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain('name="a&lt;b"');
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });
});
