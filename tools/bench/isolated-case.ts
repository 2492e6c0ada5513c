// `npx tsx tools/bench/isolated-case.ts [--quick]`: section 1b of `npm run bench` alone, the
// per-case cost of an `--adapter` client isolated in the sandbox against the lower bound and the
// in-thread suite case, interleaved in one run. For re-measuring that one bound (issue 17: the
// isolated case within 2x of the lower bound) without the whole bench's minutes.
import { parseArgs } from 'node:util';
import { quietenSdkNodeVersionWarning } from '../../conformance/cli/quiet-warnings.ts';
import { Sandbox } from '../../conformance/sandbox/sandbox.ts';
import { isolatedSuiteCase, lowerBoundCall, suiteCase } from './client-cost.ts';
import { compare } from './measure.ts';

quietenSdkNodeVersionWarning();
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const rounds = values.quick ? 5 : 15;
const iterations = values.quick ? 40 : 150;

const started = await Sandbox.start({ spec: 'aws-sdk-v3', caseTimeoutMs: 10_000, region: 'us-east-1' });
if (started.kind !== 'ready') throw new Error(`isolated-case: the sandbox did not start (${JSON.stringify(started)})`);
try {
  const cost = await compare(
    { lowerBound: lowerBoundCall, suiteCase, isolatedSuiteCase: isolatedSuiteCase(started.sandbox) },
    { rounds, iterations, warmup: 50 },
  );
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  const ratio = (ms: number) => `${(ms / cost.lowerBound!).toFixed(2)}x`;
  process.stdout.write(
    [
      '| path | per call | ratio to lower bound |',
      '| --- | --- | --- |',
      `| lower bound | ${us(cost.lowerBound!)} | 1.00x |`,
      `| suite case in the harness's thread | ${us(cost.suiteCase!)} | ${ratio(cost.suiteCase!)} |`,
      `| **isolated suite case** | ${us(cost.isolatedSuiteCase!)} | **${ratio(cost.isolatedSuiteCase!)}** |`,
      '',
    ].join('\n'),
  );
} finally {
  await started.sandbox.close();
}
