import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SensitiveValues } from '../../redaction/redact.ts';
import type { Expectation } from '../../run/expectations.ts';
import { type CaseContext, CaseRecorder, type FixedServerCase, type GeneratedServerCase } from '../cases/server-case.ts';
import { SERVER_CHECKS } from '../checks/index.ts';
import { answer } from '../checks/test-support.ts';
import { AwsJsonClient } from '../provision/aws-json-client.ts';
import { SetupError } from '../provision/world.ts';
import { DEFAULT_UNVERIFIED } from '../semantics/unverified.ts';
import type { ReceivedResponse } from '../wire/exchange.ts';
import { RequestBudgetExhausted, ServerWire } from '../wire/server-wire.ts';
import { type CaseRunEnvironment, runFixedCase, runGeneratedCase } from './case-runner.ts';

const SECRET = 'refresh-token-that-must-not-show';

function environment(expectations: Expectation[] = [], strict = false): CaseRunEnvironment {
  const wire = new ServerWire({ endpoint: new URL('http://127.0.0.1:9'), maxRequests: 10, ratePerSecond: 1000, timeoutMs: 50 });
  const sensitive = new SensitiveValues();
  sensitive.add(SECRET);
  const context: CaseContext = {
    wire,
    api: new AwsJsonClient(wire, 'us-east-1'),
    region: 'us-east-1',
    sensitive,
    unverified: DEFAULT_UNVERIFIED,
    world: () => Promise.reject(new SetupError('CreateUserPool', 'not in these tests')),
    freshSession: () => Promise.reject(new SetupError('InitiateAuth', 'not in these tests')),
  };
  return {
    context,
    checks: SERVER_CHECKS,
    expectations,
    counted: (v) => v.level === 'must' || strict,
    seed: 42,
    replayBase: 'npm run conformance -- --server',
    shrinkRequestBudget: 100,
  };
}

/** A case whose single RevokeToken exchange gets `response`, expected to be accepted. */
function fixed(response: ReceivedResponse, id = 'a-case'): FixedServerCase {
  return {
    kind: 'scripted',
    id,
    title: 'a case',
    level: 'must',
    tags: ['S1'],
    origin: 'test',
    async run() {
      const recorder = new CaseRecorder(50);
      const request = { method: 'POST', path: '/', headers: {}, body: new Uint8Array(0) };
      recorder.judge('the call', 'RevokeToken', { request, response }, { kind: 'accepted', rule: 'S1', level: 'must' }, [SECRET]);
      return recorder;
    },
  };
}

const ok = answer({ body: {} });
const refused = answer({ status: 400, body: { __type: 'InvalidParameterException', message: `bad ${SECRET}` } });

describe('runFixedCase', () => {
  it('passes a case whose every rule holds', async () => {
    expect((await runFixedCase(fixed(ok), environment())).classified.kind).toBe('pass');
  });

  it('fails it with the rule, redacting what the server echoed', async () => {
    const result = await runFixedCase(fixed(refused), environment());
    expect(result.classified.kind).toBe('fail');
    const failures = result.classified.kind === 'fail' ? result.classified.failures.map((v) => v.check) : [];
    expect(failures).toEqual(['S1', 'P1']);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.replay).toBe('npm run conformance -- --server --filter a-case');
  });

  it('sorts listed deviations into expected failures, and a listed one that no longer happens into an unexpected pass', async () => {
    const listed: Expectation[] = [
      { case: 'a-case', check: 'S1', reason: 'r', source: 's' },
      { case: 'a-case', check: 'P1', reason: 'r', source: 's' },
    ];
    expect((await runFixedCase(fixed(refused), environment(listed))).classified.kind).toBe('expected-fail');
    expect((await runFixedCase(fixed(ok), environment(listed))).classified.kind).toBe('unexpected-pass');
  });

  it('fails a case whose setup failed under H2, and leaves out one the budget stopped', async () => {
    const needsWorld: FixedServerCase = {
      ...fixed(ok),
      run: async (context) => {
        await context.world();
        return new CaseRecorder(50);
      },
    };
    const result = await runFixedCase(needsWorld, environment());
    expect(result.classified).toMatchObject({ kind: 'fail', failures: [{ check: 'H2', actual: 'CreateUserPool: not in these tests' }] });
    const overBudget: FixedServerCase = { ...fixed(ok), run: () => Promise.reject(new RequestBudgetExhausted(10)) };
    expect((await runFixedCase(overBudget, environment())).classified).toMatchObject({ kind: 'not-applicable' });
  });
});

/** Refused (a must failure) whenever the generated number is 7 or more. */
const generated: GeneratedServerCase<number> = {
  kind: 'generated',
  id: 'a-property',
  title: 'a property',
  level: 'must',
  tags: ['S6'],
  origin: 'test',
  runs: 50,
  arbitrary: () => fc.integer({ min: 0, max: 100 }),
  describe: (n) => ({ n, token: SECRET }),
  run: async (context, n) => fixed(n >= 7 ? refused : ok).run(context),
};

describe('runGeneratedCase', () => {
  it('shrinks a failure to the smallest value, redacted, with a replay line', async () => {
    const result = await runGeneratedCase(generated, environment());
    expect(result.classified.kind).toBe('fail');
    expect(result.counterexample).toEqual({ n: 7, token: '[redacted]' });
    expect(result.replay).toMatch(/^npm run conformance -- --server --filter a-property --seed 42 --replay \d+(:\d+)*$/);
  });

  it('replays exactly the shrunk value from its path', async () => {
    const first = await runGeneratedCase(generated, environment());
    const path = /--replay (\S+)/.exec(first.replay)![1]!;
    let runs = 0;
    const counting = {
      ...generated,
      run: async (context: CaseContext, n: number) => {
        runs++;
        return generated.run(context, n);
      },
    };
    const again = await runGeneratedCase(counting, { ...environment(), replay: { path } });
    expect(again.counterexample).toEqual(first.counterexample);
    expect(runs).toBeLessThan(5);
  });

  it('keeps running through listed deviations and reports them as expected', async () => {
    const listed = [
      { case: 'a-property', check: 'S1', reason: 'r', source: 's' },
      { case: 'a-property', check: 'P1', reason: 'r', source: 's' },
    ];
    expect((await runGeneratedCase(generated, environment(listed))).classified.kind).toBe('expected-fail');
  });

  it('does not call a listed rule that was never judged an unexpected pass', async () => {
    const shortValues = { ...generated, run: async (context: CaseContext) => fixed(ok).run(context) };
    const listed = [{ case: 'a-property', check: 'R9', reason: 'r', source: 's' }];
    expect((await runGeneratedCase(shortValues, environment(listed))).classified.kind).toBe('pass');
  });

  it('lets a model run borrow the deviations other cases list', async () => {
    const borrowing = { ...generated, id: 'a-model-run', borrowsExpectations: true };
    const listedElsewhere = [
      { case: 'another-case', check: 'S1', reason: 'known', source: 's' },
      { case: 'another-case', check: 'P1', reason: 'known', source: 's' },
    ];
    const result = await runGeneratedCase(borrowing, environment(listedElsewhere));
    expect(result.classified).toMatchObject({
      kind: 'expected-fail',
      expectations: [{ case: 'a-model-run', check: 'S1', reason: expect.stringContaining('the expectations list S1 for another-case') }, { check: 'P1' }],
    });
  });
});
