import { describe, expect, it } from 'vitest';
import { adapterPath, cli } from './cli-harness.ts';

describe('--revision judges a client by the model it was built against', () => {
  it('a signing client fails C6 against the current model', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('signs-with-sigv4.ts'), '--runs', '5', '--seed', '4');
    expect(code).toBe(1);
    expect(stdout).toMatch(/C6 \[must\] sends the request unsigned/);
  });

  it('the same client passes as a client of the 2022-08 model, which signed the call', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('signs-with-sigv4.ts'), '--runs', '5', '--seed', '4', '--revision', '2022-08');
    expect(code, stdout).toBe(0);
  });

  it('cases from later revisions do not run for an older client', async () => {
    const current = await cli('--list');
    const old = await cli('--list', '--revision', '2021-06');
    const count = (text: string) => text.split('\n').filter((line) => line.startsWith('fixture ')).length;
    expect(count(old.stdout)).toBeGreaterThan(0);
    expect(count(old.stdout)).toBeLessThan(count(current.stdout));
    expect(old.stdout).not.toMatch(/RevokeTokenRequestAssociatedSessionsLinked/);
  });
});
