import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import type { Result } from '../../conformance/run/result.ts';
import { cli } from './cli-harness.ts';

// A newcomer's client that crashes on an error answer with a null body: the report must lead
// to the line in their own file (decodeError), through the sandbox worker, with the token the
// crash message quotes redacted, in the console, the JSON report and the HTML report.

let folder: string;
let adapter: string;
let token: string;

beforeAll(async () => {
  token = String((await loadFixtures()).find((f) => f.id === 'RevokeTokenProxyHtml502')!.params.Token);
  folder = mkdtempSync(join(tmpdir(), 'crash-stack-'));
  adapter = join(folder, 'crashy-adapter.mjs');
  writeFileSync(
    adapter,
    [
      '// A hand-written client whose error path reads a member of whatever the body decoded to.',
      'function decodeError(body, input) {',
      '  if (body === null) throw new TypeError("cannot decode the error for token " + input.Token);',
      '  return Object.assign(new Error(body.message), { name: body.__type });',
      '}',
      'export default {',
      "  name: 'crashy',",
      '  async revokeToken(input, context) {',
      "    const response = await (context.fetch ?? fetch)(context.endpoint + '/', { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' }, body: JSON.stringify(input) });",
      '    if (response.ok) return {};',
      '    const body = await response.json().catch(() => null);',
      '    throw decodeError(body, input);',
      '  },',
      '};',
      '',
    ].join('\n'),
  );
});

describe("a client's crash shows the client's own stack", () => {
  it('in the console and in the JSON, HTML, JUnit and CTRF reports: trimmed to the user file, redacted', async () => {
    const json = join(folder, 'report.json');
    const html = join(folder, 'report.html');
    const junit = join(folder, 'report.xml');
    const ctrf = join(folder, 'ctrf.json');
    const { code, stdout } = await cli(
      '--adapter',
      adapter,
      '--filter',
      'RevokeTokenProxyHtml502',
      ...['--reporter', `json=${json}`, '--reporter', `html=${html}`, '--reporter', `junit=${junit}`, '--reporter', `ctrf=${ctrf}`],
    );
    expect(code).toBe(1);
    // The roll-up names the line; the case's block shows the frames.
    expect(stdout).toMatch(/ {4}where: at decodeError \(.*crashy-adapter\.mjs:3:\d+\)/);
    expect(stdout).toMatch(
      /stack \(your frames, redacted\):\n {6}TypeError: cannot decode the error for token \[redacted\]\n {8}at decodeError \(.*crashy-adapter\.mjs:3:\d+\)\n {8}at Object\.revokeToken \(.*crashy-adapter\.mjs:12:\d+\)/,
    );
    const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
    const stack = results.find((r) => r.id === 'RevokeTokenProxyHtml502')!.crashStack!;
    expect(stack).toMatch(/^TypeError: cannot decode the error for token \[redacted\]\n {4}at decodeError \(/);
    // Nothing of the suite, node or node_modules, and never the token.
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    expect(frames).toHaveLength(2);
    for (const frame of frames) expect(frame).toContain(adapter);
    // Whatever frames of node or the suite the call's async chain had are gone (how many depends on the harness's own awaits; crash-stack.test.ts counts them).
    expect(stack).not.toMatch(/node:internal|node_modules|conformance\/(run|sandbox)\//);
    expect(stack).not.toContain(token);
    // CI's own formats carry it too.
    expect(readFileSync(junit, 'utf8')).toMatch(
      /stack \(your frames, redacted\):\nTypeError: cannot decode the error for token \[redacted\]\n {4}at decodeError/,
    );
    const ctrfTrace = (JSON.parse(readFileSync(ctrf, 'utf8')) as { results: { tests: { trace?: string }[] } }).results.tests[0]!.trace!;
    expect(ctrfTrace).toContain(`stack (your frames, redacted):\n${stack}`);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<pre class="crash-stack">TypeError: cannot decode the error for token \[redacted\]\n {4}at decodeError \(/);
  });

  it('with --no-redact, shows what the user asked for', async () => {
    const json = join(folder, 'unredacted.json');
    await cli('--adapter', adapter, '--filter', 'RevokeTokenProxyHtml502', '--no-redact', '--reporter', `json=${json}`, '--quiet');
    const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
    expect(results[0]!.crashStack).toContain(`cannot decode the error for token ${token}`);
  });
});
