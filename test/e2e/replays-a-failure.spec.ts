import { describe, expect, it } from 'vitest';
import { adapterPath, cli } from './cli-harness.ts';

describe('a failure prints one line that replays exactly that case', () => {
  it('replays a shrunk property failure from its seed and path in a single run', async () => {
    // --no-redact so the two counterexamples can be compared value for value.
    const first = await cli('--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'request-wire', '--seed', '99', '--no-redact');
    expect(first.code).toBe(1);
    const replay = /replay: npm run conformance -- (.*)$/m.exec(first.stdout)?.[1];
    expect(replay).toMatch(/--filter request-wire --seed \d+ --replay [\d:]+/);
    const argv = replay!.split(' ');
    const again = await cli(...argv, '--no-redact');
    expect(again.code).toBe(1);
    const counterexample = (text: string) => /counterexample \(shrunk\): (.*)$/m.exec(text)?.[1];
    expect(counterexample(first.stdout)).toMatch(/"Token":"[^[]/);
    expect(counterexample(again.stdout)).toBe(counterexample(first.stdout));
  });

  it('replays a fixture by its id', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'RevokeTokenSuccessEmptyObject');
    expect(code).toBe(1);
    expect(stdout).toMatch(/1 failed/);
    expect(stdout).toMatch(/\(1 cases/);
  });
});
