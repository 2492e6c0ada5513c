import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalClient } from '../self-test/minimal-client.ts';
import type { Reporter } from './reporter.ts';
import type { Result, Summary } from './result.ts';
import { ConformanceOptionsError, runConformance } from './run-conformance.ts';
import { SelectionError } from './select-cases.ts';

const FILTERS = ['RevokeTokenUnauthorizedExceptionAsObserved', 'RevokeTokenSuccessEmptyObject'];

describe('runConformance', () => {
  it('resolves with exactly what the reporters saw', async () => {
    const seen: { results: Result[]; summary?: Summary } = { results: [] };
    const reporter: Reporter = {
      onResult: (r) => seen.results.push(r),
      onEnd: (summary) => {
        seen.summary = summary;
      },
    };
    const run = await runConformance({ adapter: minimalClient({ keepUriSuffix: true }), filters: FILTERS, seed: 3, reporters: [reporter] });
    expect(run.results).toEqual(seen.results);
    expect(run.summary).toEqual(seen.summary);
    expect(run.summary).toMatchObject({ total: 2, passed: 1, failed: 1, seed: 3 });
    const failed = run.results.find((r) => r.classified.kind === 'fail')!;
    expect(failed.id).toBe('RevokeTokenUnauthorizedExceptionAsObserved');
    expect(failed.verdicts.find((v) => v.status === 'fail')).toMatchObject({
      check: 'C15',
      expected: 'UnauthorizedException',
      actual: 'UnauthorizedException:',
    });
    // The seed too: it draws where the fixture's call is sent.
    expect(failed.replay).toBe(
      'npm run conformance -- --adapter <the module exporting minimal-client> --filter RevokeTokenUnauthorizedExceptionAsObserved --seed 3',
    );
  });

  it('takes known failures as entries, and a listed failure is expected', async () => {
    const expectations = [{ case: 'RevokeTokenUnauthorizedExceptionAsObserved', check: 'C15', reason: 'keeps the suffix', source: 'here' }];
    const { summary } = await runConformance({ adapter: minimalClient({ keepUriSuffix: true }), filters: FILTERS, expectations });
    expect(summary).toMatchObject({ passed: 1, failed: 0, expectedFailures: 1 });
  });

  it('loads an adapter module by path, and names the client in replay lines as the CLI does', async () => {
    const path = new URL('../../test/e2e/adapters/correct.ts', import.meta.url).pathname;
    const { summary, results } = await runConformance({ adapter: path, filters: ['RevokeTokenSuccessEmptyObject'], strict: true });
    expect(summary).toMatchObject({ passed: 1, strict: true });
    expect(results[0]!.replay).toMatch(`npm run conformance -- --adapter ${path} --strict --filter RevokeTokenSuccessEmptyObject --seed `);
  });

  it('runs an adapter module in the sandbox worker, and in this thread with isolate: false', async () => {
    const path = new URL('../../test/e2e/adapters/names-its-thread.mjs', import.meta.url).pathname;
    const filters = ['RevokeTokenSuccessEmptyObject'];
    expect((await runConformance({ adapter: path, filters })).summary.implementation).toBe('loaded in a worker');
    expect((await runConformance({ adapter: path, filters, isolate: false })).summary.implementation).toBe('loaded in the main thread');
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown option', { filter: ['C4'] }, /^options\.filter: not an option/],
    ['isolate that is no boolean', { isolate: 'no' }, /^options\.isolate: must be true or false/],
    ['a negative seed', { seed: -1 }, /^options\.seed: must be a whole number >= 0, got -1/],
    ['two clients', { adapter: 'aws-sdk-v3', command: 'x' }, /^options\.command: command and adapter name two different clients/],
    ['a region that is none', { region: 'mars' }, /^options\.region: must be an AWS region/],
    ['an unknown revision', { revision: '1999-01' }, /^options\.revision: 1999-01 is not a revision/],
    ['a reporter without onEnd', { reporters: [{ onResult() {} }] }, /^options\.reporters\[0\]: a reporter needs/],
    [
      'an expectation without a reason',
      { expectations: [{ case: 'X', source: 's' }] },
      /^options\.expectations\[0\]\.reason: every known failure needs a reason/,
    ],
    ['an adapter without revokeToken', { adapter: { name: 'x' } }, /^options\.adapter: adapter\.revokeToken must be a function/],
    [
      'an unknown capability',
      { adapter: { name: 'x', revokeToken() {}, capabilities: { retry: true } } },
      /^options\.adapter: adapter\.unknown capability "retry"/,
    ],
    ['a start time-out of zero', { startTimeoutMs: 0 }, /^options\.startTimeoutMs: must be a whole number of milliseconds >= 1, got 0/],
    [
      'a replay path for a fixture',
      { filters: ['RevokeTokenSuccessEmptyObject'], replayPath: '1:0' },
      /^options\.replayPath: replays a property's or a sequence's generated case; RevokeTokenSuccessEmptyObject is a fixture/,
    ],
  ];
  for (const [what, options, message] of refused) {
    it(`refuses ${what}, naming the option`, async () => {
      const error = await runConformance(options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConformanceOptionsError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it("turns the loaders' errors into the option they came from, keeping the cause", async () => {
    const filter = await runConformance({ filters: ['NoSuchCase'] }).then(
      () => undefined,
      (e: unknown) => e as ConformanceOptionsError,
    );
    expect(filter).toMatchObject({ option: 'filters' });
    expect(filter?.cause).toBeInstanceOf(SelectionError);
    const adapter = await runConformance({ adapter: './no-such-adapter.mjs', filters: ['C4'] }).then(
      () => undefined,
      (e: unknown) => e as ConformanceOptionsError,
    );
    expect(adapter).toMatchObject({ option: 'adapter', message: expect.stringMatching(/no such file/) });
    const expectations = await runConformance({ adapter: minimalClient(), expectations: '/no/such/file.json', filters: ['C4'] }).catch(
      (e: ConformanceOptionsError) => e,
    );
    expect(expectations).toMatchObject({ option: 'expectations' });
  });

  it('refuses an expectations file entry that names no case of the suite, before the client starts', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'run-conformance-'));
    const path = join(directory, 'expectations.json');
    writeFileSync(path, JSON.stringify({ adapter: 'never-started', expectations: [{ case: 'NoSuchCase', reason: 'r', source: 's' }] }));
    let started = false;
    const adapter = {
      name: 'never-started',
      revokeToken: async () => {
        started = true;
        return {};
      },
    };
    const error = await runConformance({ adapter, expectations: path, filters: ['RevokeTokenSuccessEmptyObject'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      option: 'expectations',
      message: expect.stringMatching(/\/expectations\/0\/case: "NoSuchCase" is not a fixture or property/),
    });
    expect(started).toBe(false);
  });

  it('names a given case time-out in replay lines, so the replay judges the same way', async () => {
    const { results } = await runConformance({ adapter: minimalClient(), filters: ['RevokeTokenSuccessEmptyObject'], caseTimeoutMs: 5_000 });
    expect(results[0]!.replay).toContain('--case-timeout 5000');
  });
});
