import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/server/broken/broken-servers.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { runServerSuite } from '../../conformance/server/run-server-suite.ts';
import { startLoopbackServer, type LoopbackServer } from '../../conformance/wire/loopback-server.ts';

const started: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

describe('each broken server is caught by the rule meant for it', () => {
  it.each(BROKEN_SERVERS.map((b) => [b.rule, b.name, b] as const))('%s catches %s', async (rule, _name, broken) => {
    const server = await startLoopbackServer(broken.wrap(createReferenceService()), { closeGraceMs: 50 });
    started.push(server);
    const { results } = await runServerSuite({ endpoint: server.url, filters: broken.cases, seed: 1, requestTimeoutMs: 300 });
    const failedRules = results.flatMap((r) => (r.classified.kind === 'fail' ? r.classified.failures.map((v) => v.check) : []));
    expect(failedRules, broken.fault).toContain(rule);
  });

  it('and the reference server itself passes those same cases', async () => {
    const { summary } = await runServerSuite({ filters: [...new Set(BROKEN_SERVERS.flatMap((b) => b.cases))], seed: 1, strict: true });
    expect(summary.failed).toBe(0);
  });
});
