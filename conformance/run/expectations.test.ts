import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load.ts';
import type { Verdict } from '../judging/check.ts';
import { CLIENT_SEQUENCES } from '../properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { rulesOf } from '../rules/registry.ts';
import { SERVER_LANES } from '../server/cli/server-options.ts';
import { SERVER_CASES } from '../server/server-cases.ts';
import { checkExpectationTargets, classify, type Expectation, ExpectationsError, loadExpectations } from './expectations.ts';
import { summarize } from './summary.ts';

const verdict = (check: string, status: 'pass' | 'fail', level: 'must' | 'should' = 'must'): Verdict => ({ check, title: check, level, status });
const mustOnly = (v: Verdict) => v.level === 'must';
const expectation = (check?: string): Expectation => ({ case: 'c', ...(check ? { check } : {}), reason: 'r', source: 's' });

describe('classify', () => {
  it('passes a case whose counted verdicts all pass, warnings aside', () => {
    expect(classify('c', [verdict('C8', 'pass'), verdict('C24', 'fail', 'should')], [], mustOnly)).toEqual({ kind: 'pass' });
  });

  it('fails on a counted failure nobody listed', () => {
    expect(classify('c', [verdict('C8', 'fail')], [], mustOnly)).toMatchObject({ kind: 'fail', failures: [{ check: 'C8' }] });
  });

  it('keeps a listed failure from failing the run, by rule or for any rule of the case', () => {
    expect(classify('c', [verdict('C8', 'fail')], [expectation('C8')], mustOnly)).toMatchObject({ kind: 'expected-fail' });
    expect(classify('c', [verdict('C8', 'fail')], [expectation()], mustOnly)).toMatchObject({ kind: 'expected-fail' });
    expect(classify('c', [verdict('C8', 'fail')], [expectation('C9')], mustOnly)).toMatchObject({ kind: 'fail' });
  });

  it('turns a listed failure that no longer happens into an unexpected pass', () => {
    expect(classify('c', [verdict('C8', 'pass')], [expectation('C8')], mustOnly)).toMatchObject({ kind: 'unexpected-pass', expectations: [{ check: 'C8' }] });
  });
});

describe('summarize', () => {
  it('counts each classification once and adds the warnings', () => {
    const result = (kind: 'pass' | 'fail' | 'not-applicable', warnings = 0) => ({
      id: kind,
      kind: 'fixture' as const,
      level: 'must' as const,
      origin: 'o',
      verdicts: [],
      replay: 'r',
      warnings: Array.from({ length: warnings }, () => verdict('C24', 'fail', 'should')),
      classified: kind === 'fail' ? { kind, failures: [] } : kind === 'not-applicable' ? { kind, reason: 'n/a' } : { kind },
    });
    const summary = summarize([result('pass', 2), result('fail'), result('not-applicable')], {
      implementation: 'x',
      strict: false,
      seed: 7,
      startedAt: performance.now(),
    });
    expect(summary).toMatchObject({
      implementation: 'x',
      total: 3,
      passed: 1,
      failed: 1,
      notApplicable: 1,
      expectedFailures: 0,
      unexpectedPasses: 0,
      warnings: 2,
      seed: 7,
      strict: false,
    });
  });
});

describe('checkExpectationTargets', () => {
  const clientTargets = async () => ({
    cases: new Set([...(await loadFixtures()).map((f) => f.id), ...CLIENT_PROPERTIES.map((p) => p.id), ...CLIENT_SEQUENCES.map((q) => q.id)]),
    rules: new Set(rulesOf('client').map((r) => r.id)),
    what: 'fixture or property',
  });
  const serverTargets = {
    cases: new Set(SERVER_CASES.map((c) => c.id)),
    rules: new Set(rulesOf('server').map((r) => r.id)),
    what: 'server case',
  };

  it('accepts every built-in expectations file against its own direction', async () => {
    const folder = fileURLToPath(new URL('../expectations/', import.meta.url));
    const client = await clientTargets();
    for (const name of readdirSync(folder)) {
      const path = `${folder}${name}`;
      const server = SERVER_LANES.includes(name.replace(/\.json$/, ''));
      const loaded = await loadExpectations(path);
      expect(() => checkExpectationTargets(loaded, path, server ? serverTargets : client), name).not.toThrow();
    }
  });

  it('refuses an entry naming a case or a rule that does not exist, with the file and the entry', async () => {
    const file = (entry: Partial<Expectation>) => ({ adapter: 'x', expectations: [{ case: 'RevokeTokenSuccess', reason: 'r', source: 's', ...entry }] });
    const targets = await clientTargets();
    expect(() => checkExpectationTargets(file({ case: 'RevokeTokenNoSuchCase' }), 'mine.json', targets)).toThrow(
      '--expectations mine.json: /expectations/0/case: "RevokeTokenNoSuchCase" is not a fixture or property of this suite',
    );
    expect(() => checkExpectationTargets(file({ case: [...targets.cases][0]!, check: 'C99' }), 'mine.json', targets)).toThrow(ExpectationsError);
    expect(() => checkExpectationTargets(file({ case: [...targets.cases][0]!, check: 'S6' }), 'mine.json', targets)).toThrow(/\/check: "S6" is not a rule/);
  });
});

describe('loadExpectations reads its file once, bounded', () => {
  it('a FIFO and /dev/zero are refused with --expectations and the path, never waited on or read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'expectations-'));
    try {
      const fifo = join(folder, 'fifo.json');
      execFileSync('mkfifo', [fifo]);
      await expect(loadExpectations(fifo)).rejects.toThrow(`--expectations ${fifo}: a FIFO (named pipe), not a regular file`);
      await expect(loadExpectations('/dev/zero')).rejects.toThrow(ExpectationsError);
      await expect(loadExpectations('/dev/zero')).rejects.toThrow('--expectations /dev/zero: a device, not a regular file');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
