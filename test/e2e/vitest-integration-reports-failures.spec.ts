// describeConformance in a vitest of its own, against a client that gets the X-Amz-Target
// wrong: the integration must fail that client's tests with the rule, expected, actual and
// a replay line, pass the rest, and let vitest's own -t pick one case.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../tools/paths.ts';

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

let folder: string;
beforeAll(() => {
  // Inside the repository, so that the child resolves vitest and msw from its node_modules.
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  folder = mkdtempSync(join(repoRoot, '.cache', 'vitest-integration-'));
  const source = (path: string) => JSON.stringify(join(repoRoot, path));
  writeFileSync(
    join(folder, 'vitest.config.ts'),
    [
      "import { defineConfig } from 'vitest/config';",
      'export default defineConfig({',
      `  resolve: { alias: [{ find: /^revoketoken-conformance\\/vitest$/, replacement: ${source('conformance/vitest/index.ts')} }] },`,
      "  test: { include: ['*.test.ts'], testTimeout: 60_000 },",
      '});',
      '',
    ].join('\n'),
  );
  const suite = (file: string, faults: string, filters: string[]) =>
    writeFileSync(
      join(folder, file),
      [
        "import { describeConformance } from 'revoketoken-conformance/vitest';",
        `import { minimalClient } from ${source('conformance/self-test/minimal-client.ts')};`,
        `describeConformance(minimalClient(${faults}), { filters: ${JSON.stringify(filters)}, runs: 5, seed: 11 });`,
        '',
      ].join('\n'),
    );
  // Keeps the ":" suffix of an error code (C15): only the error cases fail.
  suite('suffix.test.ts', '{ keepUriSuffix: true }', ['RevokeTokenUnauthorizedExceptionAsObserved', 'RevokeTokenSuccessEmptyObject']);
  // The operation name in lower camel case (C4): every request fails, generated ones too.
  suite('target.test.ts', "{ target: 'AWSCognitoIdentityProviderService.revokeToken' }", ['request-wire']);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function childVitest(...args: string[]): { status: number | null; report: JsonReport; output: string } {
  const out = join(folder, `report-${args.length}.json`);
  const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile=${out}`, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { status: run.status, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport, output: `${run.stdout}${run.stderr}` };
}

const byTitle = (report: JsonReport) => new Map(report.testResults.flatMap((file) => file.assertionResults).map((t) => [t.title, t]));

describe('describeConformance on broken clients, in a child vitest', () => {
  it('fails the broken cases with rule, expected, actual and replay line, and passes the others', () => {
    const { status, report, output } = childVitest();
    expect(status, output).toBe(1);
    const tests = byTitle(report);
    expect([...tests.keys()].sort()).toEqual(['RevokeTokenSuccessEmptyObject', 'RevokeTokenUnauthorizedExceptionAsObserved', 'request-wire']);
    expect(tests.get('RevokeTokenSuccessEmptyObject')!.status).toBe('passed');
    const fixture = tests.get('RevokeTokenUnauthorizedExceptionAsObserved')!;
    expect(fixture.status).toBe('failed');
    const message = fixture.failureMessages.join('\n');
    expect(message).toContain('RevokeTokenUnauthorizedExceptionAsObserved: C15 failed');
    expect(message).toContain('C15 [must] drops a :URI suffix');
    expect(message).toContain('expected: UnauthorizedException\n');
    expect(message).toContain('actual:   UnauthorizedException:\n');
    // With the seed, which draws where the fixture's call is sent.
    expect(message).toMatch(/replay: REVOKETOKEN_CONFORMANCE_SEED=\d+ npx vitest run suffix\.test\.ts -t 'RevokeTokenUnauthorizedExceptionAsObserved\$'/);
    const property = tests.get('request-wire')!;
    expect(property.status).toBe('failed');
    const propertyMessage = property.failureMessages.join('\n');
    expect(propertyMessage).toContain('expected: X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken');
    expect(propertyMessage).toContain('actual:   X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken');
    expect(propertyMessage).toMatch(
      /counterexample \(shrunk, redacted\)[\s\S]*replay: REVOKETOKEN_CONFORMANCE_SEED=11 npx vitest run target\.test\.ts -t 'request-wire\$'/,
    );
  });

  it("runs only the case vitest's -t names, with the pattern the replay line gives", () => {
    const { status, report } = childVitest('-t', 'RevokeTokenUnauthorizedExceptionAsObserved$');
    expect(status).toBe(1);
    const ran = [...byTitle(report).values()].filter((t) => t.status === 'passed' || t.status === 'failed').map((t) => t.title);
    expect(ran).toEqual(['RevokeTokenUnauthorizedExceptionAsObserved']);
  });

  it("fails a crashing client's case with the client's own stack: the user's frames, redacted, and vitest pointing at the line", () => {
    const file = join(folder, 'crash.test.ts');
    writeFileSync(
      file,
      [
        "import { describeConformance } from 'revoketoken-conformance/vitest';",
        '// A hand-written client that crashes on an error body it cannot decode.',
        'function decodeError(body: { message: string } | null, token: string): Error {',
        '  if (body === null) throw new TypeError("no error body for " + token);',
        '  return new Error(body.message);',
        '}',
        'describeConformance(',
        '  {',
        "    name: 'crashy',",
        '    async revokeToken(input, context) {',
        "      const response = await (context.fetch ?? fetch)(context.endpoint + '/', { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' }, body: JSON.stringify(input) });",
        '      if (response.ok) return {};',
        '      throw decodeError(await response.json().catch(() => null), input.Token);',
        '    },',
        '  },',
        "  { filters: ['RevokeTokenProxyHtml502'] },",
        ');',
        '',
      ].join('\n'),
    );
    try {
      const { status, report, output } = childVitest('crash.test.ts');
      expect(status, output).toBe(1);
      const message = byTitle(report).get('RevokeTokenProxyHtml502')!.failureMessages.join('\n');
      expect(message).toMatch(/A5 \[must\]/);
      expect(message).toMatch(/stack \(your frames, redacted\):\n {2}TypeError: no error body for \[redacted\]\n {6}at decodeError \(crash\.test\.ts:4:\d+\)/);
      expect(message).not.toContain('fake-refresh-token');
      // The error's own stack is the user's frames with absolute paths: vitest points at the user's line, not the suite's.
      expect(message).toContain(`\n    at decodeError (${file}:4:`);
      expect(message).not.toMatch(/^\s+at .*conformance\//m);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
