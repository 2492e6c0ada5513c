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
  it('keep the console report when a file reporter is added, and end it with the path of each file written', async () => {
    const { io: streams, printed } = io();
    const reporters = reportersFor(
      [
        { kind: 'junit', path: '/dev/null' },
        { kind: 'html', path: 'out/report.html' },
      ],
      streams,
      { verbose: false },
    );
    // The html reporter would write: keep it out of the way, and check the order of the rest.
    const [human, junit, html, written] = reporters;
    expect(reporters).toHaveLength(4);
    await runWith([human!, junit!, written!]);
    expect(html).toBeDefined();
    const lines = printed().trimEnd().split('\n');
    expect(printed()).toContain('RevokeToken conformance: unit client');
    expect(lines.slice(-2)).toEqual(['wrote junit report: /dev/null', 'wrote html report: out/report.html']);
  });

  it('print only the verdict line and the paths of the files written with --quiet', async () => {
    const { io: streams, printed } = io();
    const reporters = reportersFor([{ kind: 'ctrf', path: '/dev/null' }], streams, { verbose: false, quiet: true, alongsideHuman: () => [] });
    expect(reporters).toHaveLength(2);
    await runWith(reporters);
    expect(printed()).toMatch(/^\d+ passed, \d+ failed, [^\n]*\(\d+ cases, seed \d+, [\d.]+ s\)\nwrote ctrf report: \/dev\/null\n$/);
  });

  it('print the verdict line alone with --quiet and no file', async () => {
    const { io: streams, printed } = io();
    await runWith(reportersFor([], streams, { verbose: false, quiet: true }));
    expect(printed().split('\n')).toHaveLength(2);
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
    // Quiet: only the verdict line's reporter.
    expect(reportersFor([], io().io, { verbose: false, quiet: true, alongsideHuman })).toHaveLength(1);
    expect(made).toBe(1);
  });
});
