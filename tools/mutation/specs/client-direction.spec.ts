import { describe, expect, it } from 'vitest';
import { conformanceVerdict } from './suite-verdict.ts';

// The client direction of mutation testing: Stryker mutates the minimal client, and a mutant
// is killed only when the suite's own verdict (the CLI's exit code) stops being a pass. Nothing
// here looks inside the client. A fixed seed keeps the verdict of one mutant reproducible.
const SEED = '20261201';
const CLIENTS = ['minimal-client.ts', 'minimal-client-with-retries.ts'].map((file) => new URL(`../adapters/${file}`, import.meta.url).pathname);

async function suitePasses(extraFlags: string[]): Promise<void> {
  for (const client of CLIENTS) {
    const { code, report } = await conformanceVerdict(['--adapter', client, '--seed', SEED, ...extraFlags]);
    expect(code, `the suite must pass ${client}\n${report}`).toBe(0);
  }
}

// Two tests, so Stryker's killedBy names the mode: a mutant the default run lets through and
// the strict run catches broke only a should-level rule.
describe('the conformance suite passes the minimal client', () => {
  it('default mode', () => suitePasses([]));
  it('strict mode', () => suitePasses(['--strict']));
});
