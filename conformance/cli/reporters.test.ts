import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mixedRun } from '../report/test-support.ts';
import type { Reporter } from '../run/reporter.ts';
import { reportersFor } from './reporters.ts';

function io(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += chunk));
  return { io: { stdout, stderr: new PassThrough(), env }, printed: () => text };
}

async function runWith(reporters: Reporter[]) {
  const { summary, results } = mixedRun(2);
  for (const r of reporters) r.onStart?.({ implementation: summary.implementation, total: results.length });
  for (const r of reporters) await r.onEnd(summary, results);
}

describe('the reporters of a run', () => {
  it('keep the console report when a file reporter is added', async () => {
    const { io: streams, printed } = io();
    const reporters = reportersFor([{ kind: 'junit', path: '/dev/null' }], streams, { verbose: false });
    expect(reporters).toHaveLength(2);
    await runWith(reporters);
    expect(printed()).toContain('RevokeToken conformance: unit client');
  });

  it('print nothing on the console with --quiet', async () => {
    const { io: streams, printed } = io();
    const reporters = reportersFor([{ kind: 'ctrf', path: '/dev/null' }], streams, { verbose: false, quiet: true, alongsideHuman: () => [] });
    expect(reporters).toHaveLength(1);
    await runWith(reporters);
    expect(printed()).toBe('');
  });

  it('add the GitHub reporter in GitHub Actions, and only there unless asked', async () => {
    expect(reportersFor([], io().io, { verbose: false })).toHaveLength(1);
    const actions = io({ GITHUB_ACTIONS: 'true' });
    const reporters = reportersFor([], actions.io, { verbose: false });
    expect(reporters).toHaveLength(2);
    await runWith(reporters);
    expect(actions.printed()).toMatch(/^::error file=/m);
    // Asked for and also automatic: one reporter, not two.
    expect(reportersFor([{ kind: 'github' }], actions.io, { verbose: false })).toHaveLength(2);
  });

  it("show the mode's own reporters next to the console report, and silence them with it", () => {
    let made = 0;
    const alongsideHuman = () => {
      made += 1;
      return [{ onResult() {}, onEnd() {} }];
    };
    expect(reportersFor([], io().io, { verbose: false, alongsideHuman })).toHaveLength(2);
    expect(reportersFor([], io().io, { verbose: false, quiet: true, alongsideHuman })).toHaveLength(0);
    expect(made).toBe(1);
  });
});
