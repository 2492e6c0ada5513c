import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, githubReporter, workflowCommand } from './github.ts';
import { failingFixture, mixedRun } from './test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'github-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(options: { summaryPath?: string; maxAnnotations?: number }, runOf = mixedRun()) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  await githubReporter({ out, ...options }).onEnd(runOf.summary, runOf.results);
  return text.split('\n').filter(Boolean);
}

/** Undoes GitHub's escaping, as the runner does when it reads a command. */
const unescapeCommand = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('the GitHub Actions reporter', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeCommandData('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab:c,d');
    expect(escapeCommandProperty('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab%3Ac%2Cd');
    // % first: an escape in the input is not taken for one of ours.
    expect(unescapeCommand(escapeCommandProperty('%0A, %3A'))).toBe('%0A, %3A');
    expect(workflowCommand('error', { file: 'a,b.json', title: 'C4: x' }, 'line 1\nline 2')).toBe('::error file=a%2Cb.json,title=C4%3A x::line 1%0Aline 2');
  });

  it('annotates each distinct cause once, on the file of the case that shows it, with the cases and the replay line', async () => {
    const lines = await run({});
    const errors = lines.filter((l) => l.startsWith('::error '));
    // C4 (5 fixtures and 2 properties), C8, and the stale expectation.
    expect(errors).toHaveLength(3);
    const c4 = errors[0]!;
    expect(c4).toMatch(/^::error file=fixtures\/request\/RevokeTokenRequestAllMembers\.json,title=RevokeToken conformance%3A C4 \[must\] failed in 7 cases::/);
    const message = unescapeCommand(c4.slice(c4.indexOf('::', 2) + 2));
    expect(message).toContain(
      'C4: expected X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken, got X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken',
    );
    expect(message).toContain('same verdict: RevokeTokenC4Case1, RevokeTokenC4Case2, RevokeTokenC4Case3, RevokeTokenC4Case4, request-wire, cancellation');
    expect(message).toContain('replay: npm run conformance -- --adapter x --filter RevokeTokenC4Case0');
    expect(lines.filter((l) => l.startsWith('::warning '))).toEqual([expect.stringContaining('C19 [should] diverges in 1 case')]);
    for (const line of lines) expect(line).not.toMatch(/[\r]/);
  });

  it('stays within the annotations GitHub shows, pointing to the summary for the rest', async () => {
    const many = mixedRun(0);
    many.results = Array.from({ length: 14 }, (_, i) =>
      failingFixture(`Case${i}`, [{ check: 'C8', title: 't', level: 'must', status: 'fail', expected: 'x', actual: `y${i}` }]),
    );
    const lines = await run({ maxAnnotations: 10 }, many);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.at(-1)).toBe('::notice title=RevokeToken conformance::4 more errors: see the job summary');
  });

  it('appends a job summary: counts, the roll-up by rule with replay lines, and stale expectations', async () => {
    const summaryPath = join(dir, 'summary.md');
    await run({ summaryPath });
    await run({ summaryPath });
    const markdown = readFileSync(summaryPath, 'utf8');
    // Appended, never overwritten: another step's summary stays.
    expect(markdown.match(/^## RevokeToken conformance: unit client$/gm)).toHaveLength(2);
    const first = markdown.slice(0, markdown.indexOf('\n## RevokeToken', 1));
    expect(first).toContain(':x: 1 passed, 8 failed, 1 unexpectedly passed, 1 expected failures, 1 not applicable');
    expect(first).toContain('| C4 | must | sends X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken | 7 | RevokeTokenC4Case0 |');
    expect(first).toContain('| C8 | must |');
    expect(first).toContain('replay: npm run conformance -- --adapter x --filter RevokeTokenC4Case0');
    expect(first).toContain('### Stale expectations');
  });
});
