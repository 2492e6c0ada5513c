// `npm run bench`: the suite's costs as ratios against a lower bound measured in the same run.
// Absolute times depend on the machine; the ratios are what BENCHMARKS.md records.
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import v3 from '../../conformance/adapters/aws-sdk-v3.ts';
import { loadAdapter } from '../../conformance/adapters/load.ts';
import { quietenSdkNodeVersionWarning } from '../../conformance/cli/quiet-warnings.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { CLIENT_PROPERTIES } from '../../conformance/properties/index.ts';
import { runSuite } from '../../conformance/run/runner.ts';
import { Sandbox } from '../../conformance/sandbox/sandbox.ts';
import { FakeService, serveOnLoopback } from '../../conformance/wire/fake-service.ts';
import { fixtureResponse } from '../../conformance/wire/fixture-response.ts';
import { isRevokeTokenRequest } from '../../generated/index.ts';
import { isolatedSuiteCase, lowerBoundCall, suiteCase } from './client-cost.ts';
import { failingClients } from './failing-clients.ts';
import { installedSizeSection, measureInstalledSize } from './installed-size.ts';
import { compare } from './measure.ts';
import { proxyOverheadSection } from './proxy-overhead.ts';
import { handWrittenRequestCheck, requestSamples } from './request-check.ts';

quietenSdkNodeVersionWarning();

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, 'no-process': { type: 'boolean', default: false }, 'no-install': { type: 'boolean', default: false } },
});
const rounds = values.quick ? 5 : 15;
const iterations = values.quick ? 40 : 150;
const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

// 1. Cost per case, v3 in process, against the same client on an in-memory handler.
const params = { Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' };
const answer = fixtureResponse({ code: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' });
const intercepted = new FakeService('intercepted');
const server = setupServer(intercepted.handler);
server.listen({ onUnhandledRequest: 'error' });
intercepted.begin({ respond: () => answer.clone() });
const loopbackService = new FakeService('loopback');
loopbackService.begin({ respond: () => answer.clone() });
const loopback = await serveOnLoopback(loopbackService, 'us-east-1');
const viaClient = (endpoint: string) => async () => {
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDFAKEFORCONFORMANCE', secretAccessKey: 'fake' },
  });
  try {
    await client.send(new RevokeTokenCommand(params));
  } finally {
    client.destroy();
  }
  intercepted.requests = [];
  loopbackService.requests = [];
};
const perCase = await compare(
  { lowerBound: lowerBoundCall, suiteCase, mswInterception: viaClient('https://cognito-idp.us-east-1.amazonaws.com') },
  { rounds, iterations, warmup: 50 },
);
// msw would intercept the loopback calls too (this client runs in the same process), so the
// loopback path is measured with interception off, against its own lower bound.
server.close();
const loopbackCost = await compare({ lowerBound: lowerBoundCall, loopbackHttp: viaClient(loopback.url) }, { rounds, iterations, warmup: 50 });
await loopback.close();
print('## Cost per case (aws-sdk-v3, one success case)');
print();
print('| path | per call | ratio to lower bound |');
print('| --- | --- | --- |');
print(`| lower bound: same client, in-memory request handler, no checks | ${fmt(perCase.lowerBound!)} | 1.00x |`);
print(
  `| **suite case**: direct fetch into the msw handler, fake clock, all checks | ${fmt(perCase.suiteCase!)} | **${ratio(perCase.suiteCase!, perCase.lowerBound!)}** |`,
);
print(`| msw interception of the client's own HTTP (no checks) | ${fmt(perCase.mswInterception!)} | ${ratio(perCase.mswInterception!, perCase.lowerBound!)} |`);
print(
  `| loopback HTTP server on 127.0.0.1 (no checks; measured with interception off) | ${fmt(loopbackCost.loopbackHttp!)} | ${ratio(loopbackCost.loopbackHttp!, loopbackCost.lowerBound!)} |`,
);
void v3;

// 1b. The same case isolated: the adapter in the sandbox's worker thread, as the CLI runs it.
const sandboxStart = await Sandbox.start({ spec: 'aws-sdk-v3', caseTimeoutMs: 10_000, region: 'us-east-1' });
if (sandboxStart.kind !== 'ready') throw new Error(`bench: the sandbox did not start (${JSON.stringify(sandboxStart)})`);
const isolated = await compare(
  { lowerBound: lowerBoundCall, suiteCase, isolatedSuiteCase: isolatedSuiteCase(sandboxStart.sandbox) },
  { rounds, iterations, warmup: 50 },
);
await sandboxStart.sandbox.close();
print();
print('## Isolated cost per case (aws-sdk-v3 in the sandbox, one success case)');
print();
print('| path | per call | ratio to lower bound |');
print('| --- | --- | --- |');
print(`| lower bound (as above) | ${fmt(isolated.lowerBound!)} | 1.00x |`);
print(
  `| suite case in the harness's thread (adapter object, programmatic API) | ${fmt(isolated.suiteCase!)} | ${ratio(isolated.suiteCase!, isolated.lowerBound!)} |`,
);
print(
  `| **isolated suite case**: executed in the worker, record posted back, judged here | ${fmt(isolated.isolatedSuiteCase!)} | **${ratio(isolated.isolatedSuiteCase!, isolated.lowerBound!)}** |`,
);

// 2. Schema validation throughput: the generated ajv validator against a hand-written check.
const samples = requestSamples();
let sink = 0;
const validation = await compare(
  {
    handWritten: () => {
      for (const s of samples) sink += handWrittenRequestCheck(s) ? 1 : 0;
    },
    generated: () => {
      for (const s of samples) sink += isRevokeTokenRequest(s) ? 1 : 0;
    },
  },
  { rounds, iterations: iterations * 10, warmup: 200 },
);
const perValue = (ms: number) => (ms / samples.length) * 1e6;
print();
print(`## Request validation (${samples.length} requests, valid and invalid)`);
print();
print('| validator | per request | ratio to hand-written |');
print('| --- | --- | --- |');
print(`| hand-written check (the lower bound) | ${perValue(validation.handWritten!).toFixed(0)} ns | 1.00x |`);
print(`| generated ajv standalone validator | ${perValue(validation.generated!).toFixed(0)} ns | ${ratio(validation.generated!, validation.handWritten!)} |`);
if (sink < 0) print('unreachable');

// 2b. The judging proxy against a bare loopback forwarder, in the same run.
print();
for (const line of await proxyOverheadSection({ rounds, iterations })) print(line);

// 3. The whole default run, and process mode next to in-process.
const fixtures = await loadFixtures();
const wholeRun = async (spec: string, inSandbox = false) => {
  const { adapter } = inSandbox ? { adapter: undefined } : await loadAdapter(spec, { caseTimeoutMs: 10_000, region: 'us-east-1' });
  const out = await runSuite({
    ...(adapter ? { adapter } : { adapterModule: spec }),
    adapterFlags: `--adapter ${spec}`,
    fixtures,
    properties: CLIENT_PROPERTIES,
    strict: false,
    seed: 1,
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs: 10_000,
    redact: true,
    inProcess: (adapter as { kind?: string } | undefined)?.kind !== 'process',
    reporters: [],
  });
  const cases = out.results.reduce((n, r) => n + (r.kind === 'property' ? (r.runs ?? 0) : 1), 0);
  return { ms: out.summary.durationMs, cases };
};
print();
print('## Whole default run (all fixtures, all properties at their default run counts)');
print();
print('| client | wall time | calls | per call | ratio to aws-sdk-v3 in process |');
print('| --- | --- | --- | --- | --- |');
const base = await wholeRun('aws-sdk-v3');
print(`| aws-sdk-v3 (in process) | ${(base.ms / 1000).toFixed(1)} s | ${base.cases} | ${fmt(base.ms / base.cases)} | 1.00x |`);
const sandboxed = await wholeRun('aws-sdk-v3', true);
print(
  `| aws-sdk-v3 (in process, sandboxed as the CLI runs it; includes the worker's start) | ${(sandboxed.ms / 1000).toFixed(1)} s | ${sandboxed.cases} | ${fmt(sandboxed.ms / sandboxed.cases)} | ${ratio(sandboxed.ms / sandboxed.cases, base.ms / base.cases)} |`,
);
for (const spec of ['amplify-v6']) {
  const r = await wholeRun(spec);
  print(
    `| ${spec} (in process, msw interception) | ${(r.ms / 1000).toFixed(1)} s | ${r.cases} | ${fmt(r.ms / r.cases)} | ${ratio(r.ms / r.cases, base.ms / base.cases)} |`,
  );
}
if (!values['no-process']) {
  for (const spec of ['aws-sdk-go-v2', 'aws-sdk-java-v2', 'aws-sdk-rust', 'boto3', 'aws-sdk-kotlin', 'aws-cli-v1', 'aws-cli-v2']) {
    const r = await wholeRun(spec);
    print(
      `| ${spec} (process, loopback) | ${(r.ms / 1000).toFixed(1)} s | ${r.cases} | ${fmt(r.ms / r.cases)} | ${ratio(r.ms / r.cases, base.ms / base.cases)} |`,
    );
  }
}

// 5. Failing clients: a run stays short whatever the client gets wrong (tools/bench/failing-clients.ts).
await failingClients(fixtures, { rounds: values.quick ? 1 : 3, print });

// 4. What installing the package adds to a user's project (packs and installs it; needs the npm registry or its cache).
if (!values['no-install']) {
  print();
  for (const line of installedSizeSection(measureInstalledSize())) print(line);
}
