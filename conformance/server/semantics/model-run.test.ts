import { afterEach, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../self-test/broken-servers.ts';
import { type LoopbackServer, startLoopbackServer } from '../../wire/loopback-server.ts';
import { createReferenceService } from '../reference/index.ts';
import { runServerSuite } from '../run-server-suite.ts';
import { commandsReplayPath } from './model-run.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function brokenEndpoint(name: string): Promise<string> {
  const server = await startLoopbackServer(BROKEN_SERVERS.find((b) => b.name === name)!.wrap(createReferenceService()));
  servers.push(server);
  return server.url;
}

describe('the semantics model run', () => {
  it('shrinks a server that leaves access tokens working to sign in, revoke and the final sweep, and replays it', async () => {
    // At most seeds the shortest sequence is a GlobalSignOut instead (R18 then catches it); seed 12 shrinks to a revoke.
    const first = await runServerSuite({ endpoint: await brokenEndpoint('access-tokens-outlive-revocation'), filters: ['semantics-model-run'], seed: 12 });
    const result = first.results[0]!;
    // The sweep at the end looks at every access token again, so no GetUser command is needed.
    expect(result.classified).toMatchObject({ kind: 'fail', failures: [{ check: 'R9' }] });
    // Shrinking within its request budget may leave one unrelated command in.
    expect(result.counterexample?.['commands']).toMatch(/^signIn\([^)]*\),revoke\(#0[^)]*\),([^,]+,)?sweep$/);
    const [, seed, path, commands] = / --seed (\d+) --replay (\S+) --replay-commands (\S+)$/.exec(result.replay) ?? [];
    expect(commands).toBe(result.counterexample?.['replayPath']);

    const again = await runServerSuite({
      endpoint: await brokenEndpoint('access-tokens-outlive-revocation'),
      filters: ['semantics-model-run'],
      seed: Number(seed),
      replay: { path: path!, commandsReplayPath: commands! },
    });
    expect(again.results[0]!.counterexample).toEqual(result.counterexample);
    // The world takes 11 setup calls and the sequence's own two users 4; the replay adds only the shrunk sequence, not another search.
    expect(again.summary.requests).toBeLessThan(11 + 4 + 10);
  });

  it('finds the undeclared error a server answers with', async () => {
    const { results } = await runServerSuite({
      endpoint: await brokenEndpoint('undeclared-not-authorized'),
      filters: ['semantics-model-run'],
      seed: 5,
      runs: 30,
    });
    expect(results[0]!.classified).toMatchObject({ kind: 'fail' });
    const failures = results[0]!.classified.kind === 'fail' ? results[0]!.classified.failures.map((v) => v.check) : [];
    expect(failures).toContain('S10');
  });

  it('reads the replay path out of what fast-check prints', () => {
    expect(commandsReplayPath('signIn(public),revoke(#0) /*replayPath="AbC:d"*/')).toBe('AbC:d');
    expect(commandsReplayPath('signIn(public)')).toBeUndefined();
  });
});
