import { describe, expect, it } from 'vitest';
import { conformanceVerdict } from './suite-verdict.ts';

// The server direction of mutation testing: Stryker mutates the reference server's RevokeToken
// path and revocation state, and a mutant is killed only when the server suite's verdict (the
// CLI's exit code for `--server`, which starts the reference server in this process) stops
// being a full pass. A fixed seed keeps the verdict of one mutant reproducible.
const SEED = '20261201';

async function serverSuitePasses(extraFlags: string[]): Promise<void> {
  const { code, report } = await conformanceVerdict(['--server', '--seed', SEED, ...extraFlags]);
  expect(code, `the server suite must pass the reference server\n${report}`).toBe(0);
}

describe('the server suite passes the reference server', () => {
  it('default mode', () => serverSuitePasses([]));
  it('strict mode', () => serverSuitePasses(['--strict']));
});
