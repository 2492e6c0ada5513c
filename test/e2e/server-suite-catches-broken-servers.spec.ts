import { afterAll, describe, expect, it } from 'vitest';
import { rulesOf } from '../../conformance/rules/registry.ts';
import { BROKEN_SERVERS } from '../../conformance/self-test/broken-servers.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { runServerSuite } from '../../conformance/server/run-server-suite.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';

const started: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

// U1..U3 are informational: they are reported, never failed, so no server can break them.
const COUNTABLE_RULES = rulesOf('server')
  .filter((rule) => rule.level !== 'informational')
  .map((rule) => rule.id);

describe('each broken server is caught by the rule meant for it', () => {
  it('every countable server rule has a broken server made for it', () => {
    const covered = new Set(BROKEN_SERVERS.map((b) => b.rule));
    expect(COUNTABLE_RULES.filter((rule) => !covered.has(rule))).toEqual([]);
    expect(BROKEN_SERVERS.map((b) => b.rule).filter((rule) => !COUNTABLE_RULES.includes(rule))).toEqual([]);
  });

  it('every broken server has a name of its own and selects only the cases that show its fault', () => {
    expect(new Set(BROKEN_SERVERS.map((b) => b.name)).size).toBe(BROKEN_SERVERS.length);
    for (const broken of BROKEN_SERVERS) expect(broken.cases.length, broken.name).toBeGreaterThan(0);
  });

  it.each(BROKEN_SERVERS.map((b) => [b.rule, b.name, b] as const))('%s catches %s', async (rule, _name, broken) => {
    const server = await startLoopbackServer(broken.wrap(createReferenceService()), { closeGraceMs: 50 });
    started.push(server);
    const { summary, results } = await runServerSuite({
      endpoint: server.url,
      filters: broken.cases,
      seed: 1,
      requestTimeoutMs: 300,
      strict: broken.strict ?? false,
    });
    expect(summary.total, 'the cases must exist').toBe(broken.cases.length);
    expect(summary.failed, `the run must fail: ${broken.fault}`).toBeGreaterThan(0);
    const failures = results.flatMap((r) => (r.classified.kind === 'fail' ? r.classified.failures : []));
    expect(
      failures.map((v) => v.check),
      broken.fault,
    ).toContain(rule);
    // `strict` says the rule is judged at should level there; a must-level failure would not need it.
    const levels = new Set(failures.filter((v) => v.check === rule).map((v) => v.level));
    expect([...levels], "the entry's strict flag matches the level the rule fails at").toEqual([broken.strict ? 'should' : 'must']);
  });

  it('and the reference server itself passes those same cases', async () => {
    const { summary } = await runServerSuite({ filters: [...new Set(BROKEN_SERVERS.flatMap((b) => b.cases))], seed: 1, strict: true });
    expect(summary.failed).toBe(0);
  });
});
