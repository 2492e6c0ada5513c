import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../conformance/adapters/contract.ts';
import { createProcessAdapter } from '../../conformance/adapters/process-agent/process-adapter.ts';
import { reporterSpec } from '../../conformance/cli/flags.ts';
import { reportersFor } from '../../conformance/cli/reporters.ts';
import { serveFixture } from '../../conformance/cli/serve.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { runConformance } from '../../conformance/run/run-conformance.ts';
import { runSuite } from '../../conformance/run/runner.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { CANARY, CANARY_ENV, CANARY_VALUES, leaks, mangled, withCanaries } from './canary/canary.ts';
import { encodedLeaks } from './canary/encodings.ts';
import leakingClient from './canary/leaking-client.ts';
import { REPORTER_KINDS } from './canary/reporter-kinds.ts';
import { cli } from './cli-harness.ts';

// A canary given to a client, or sent by it, or by the suite to a server, mangled in several
// ways by a deliberately broken implementation, must not appear (nor any 8 characters of it in
// a row, in any letter case, forwards or reversed) in anything a run prints or writes.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      append(String(chunk));
      done();
    },
  });
}

/** stdout, stderr and every report file of a run, by name. */
function outputsOf(dir: string, stdout: string, stderr: string): Record<string, string> {
  const outputs: Record<string, string> = { stdout, stderr };
  for (const kind of REPORTER_KINDS) {
    const file = kind.file?.(dir);
    if (file && existsSync(file)) outputs[kind.name] = readFileSync(file, 'utf8');
  }
  return outputs;
}

const reporterFlags = (dir: string) => REPORTER_KINDS.flatMap((kind) => ['--reporter', kind.flag(dir)]);

/** Runs every fixture, its sensitive params replaced by the canary, through the client with every reporter. */
async function clientRun(adapter: Adapter, options: { inProcess: boolean; redact?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'canary-'));
  let stdout = '';
  let stderr = '';
  const io = { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) };
  const fixtures = (await loadFixtures()).map(withCanaries);
  const { summary } = await runSuite({
    adapter,
    adapterFlags: '--adapter canary',
    fixtures,
    properties: [],
    strict: true,
    seed: 1,
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs: 5_000,
    redact: options.redact ?? true,
    inProcess: options.inProcess,
    reporters: reportersFor(
      REPORTER_KINDS.map((kind) => reporterSpec(kind.flag(dir))),
      io,
      { verbose: true },
    ),
  });
  return { summary, outputs: outputsOf(dir, stdout, stderr) };
}

describe('a canary never appears in any output', () => {
  it('client mode, in-process: given values sent mangled and quoted mangled in the error name and message', async () => {
    const { summary, outputs } = await clientRun(leakingClient, { inProcess: true });
    expect(summary.failed).toBeGreaterThan(50);
    expect(outputs['stdout']).toMatch(/\[redacted\]/);
    expect(Object.keys(outputs)).toEqual(['stdout', 'stderr', ...REPORTER_KINDS.filter((k) => k.file).map((k) => k.name)]);
    expect(leaks(outputs, CANARY_VALUES)).toEqual([]);
    expect(outputs['stdout']).not.toContain('\u001b');
  });

  it('client mode, process client: stderr written just after each answer, split across lines, is redacted with that case’s values', async () => {
    Object.assign(process.env, CANARY_ENV);
    const adapter = await createProcessAdapter({ command: [process.execPath, here('./canary/leaking-process-client.mjs')], caseTimeoutMs: 5_000 });
    const { summary, outputs } = await clientRun(adapter, { inProcess: false });
    expect(summary.failed).toBeGreaterThan(50);
    expect(summary.diagnostics?.stderr.join('\n')).toMatch(/first half: \[redacted\]/);
    expect(leaks(outputs, CANARY_VALUES)).toEqual([]);
    // Encoded too, and its workflow command shown inert.
    expect(summary.diagnostics?.stderr.join('\n')).toMatch(/^\[::\]stop-commands::canarystop$/m);
    expect(encodedLeaks(outputs, CANARY_VALUES)).toEqual([]);
    expect(Object.values(outputs).join('')).not.toContain('\u001b');
  });

  it('client mode, a crash message (a throwing getter printing Token=… ClientId=…) through the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-crash-'));
    const { stdout, stderr } = await cli(
      '--adapter',
      here('./canary/crashing-client.ts'),
      '--filter',
      'RevokeTokenRequestRequiredMembersOnly',
      ...reporterFlags(dir),
    );
    const outputs = outputsOf(dir, stdout, stderr);
    expect(stdout + stderr).toMatch(/Token=\[redacted\]/);
    expect(leaks(outputs, CANARY_VALUES)).toEqual([]);
  });

  it('client mode, a sandboxed client printing its input to console.log, stdout and stderr', async () => {
    const fixture = (await loadFixtures()).find((f) => f.id === 'RevokeTokenRequestRequiredMembersOnly')!;
    const given = [fixture.params.Token, fixture.params.ClientId].filter((v): v is string => typeof v === 'string');
    // The sandbox's output goes to this process's stderr, which is where it is read.
    let written = '';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written += String(chunk);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      await runConformance({ adapter: here('./canary/console-logging-client.ts'), filters: ['RevokeTokenRequestRequiredMembersOnly'] });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.stderr.write = write;
    }
    // The lines arrived (so the checks below can fail), with every value in them redacted.
    expect(written).toMatch(/console: revoking \S+ for \S+/);
    expect(written).toMatch(/stderr: Token=\[redacted\]/);
    expect(leaks({ stderr: written }, [...CANARY_VALUES, ...given])).toEqual([]);
  });

  it('--serve mode: what the client sends, and fragments of it in other members and headers, is redacted', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += String(chunk)));
    const stop = new AbortController();
    const running = serveFixture(await loadFixtures(), [], { region: 'us-east-1', redact: true, out, signal: stop.signal });
    while (!/serving fixture .* at (\S+)/.test(text)) await new Promise((r) => setTimeout(r, 10));
    const endpoint = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    const body = { ...CANARY, Note: mangled(CANARY.Token).join(' '), Other: mangled(CANARY.ClientSecret), clientId: mangled(CANARY.ClientId) };
    await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Cognito.${CANARY.Token.slice(2, 14)}` },
      body: JSON.stringify(body),
    });
    stop.abort();
    await running;
    expect(text).toMatch(/C9 \[must\]/);
    expect(text).toMatch(/\[redacted\]/);
    expect(leaks({ stdout: text }, CANARY_VALUES)).toEqual([]);
  });

  it('server mode: a broken server echoing what it got, mangled, in its answers', async () => {
    const service = createReferenceService();
    const received = new Set<string>();
    const server = await startLoopbackServer(async (request) => {
      if (!request.headers.get('x-amz-target')?.endsWith('.RevokeToken')) return service.handle(request);
      let values: string[] = [];
      try {
        const parsed = JSON.parse(await request.clone().text()) as Record<string, unknown>;
        values = ['Token', 'ClientId', 'ClientSecret'].map((name) => parsed[name]).filter((v): v is string => typeof v === 'string' && v.length >= 16);
      } catch {
        return service.handle(request);
      }
      for (const v of values) received.add(v);
      return new Response(JSON.stringify({ __type: 'InvalidParameterException', message: `bad: ${values.flatMap(mangled).join(' | ')}` }), {
        status: 400,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' },
      });
    });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), 'canary-server-'));
    // Cases that send real tokens, client ids and secrets (and generated ones), kept few so a
    // server that fails everything does not turn shrinking into minutes.
    const { code, stdout, stderr } = await cli(
      '--server',
      server.url,
      '--seed',
      '1',
      '--runs',
      '2',
      '--verbose',
      ...['auth', 'privacy', 'semantics-revoking-ends-the-session', 'semantics-client-secret-is-checked', 'constraint-ClientSecret-minLength'].flatMap((f) => [
        '--filter',
        f,
      ]),
      ...reporterFlags(dir),
    );
    expect(code).toBe(1);
    expect(received.size).toBeGreaterThan(5);
    expect(stdout).toMatch(/bad: \[redacted\]/);
    expect(leaks(outputsOf(dir, stdout, stderr), received)).toEqual([]);
  });
});

describe('the canary spec can fail', () => {
  it('with redaction off, the canary does appear', async () => {
    const { outputs } = await clientRun(leakingClient, { inProcess: true, redact: false });
    expect(leaks(outputs, CANARY_VALUES).length).toBeGreaterThan(0);
  });

  it('with redaction off, a process client’s encoded stderr and error do appear', async () => {
    Object.assign(process.env, CANARY_ENV);
    const adapter = await createProcessAdapter({ command: [process.execPath, here('./canary/leaking-process-client.mjs')], caseTimeoutMs: 5_000 });
    const { summary, outputs } = await clientRun(adapter, { inProcess: false, redact: false });
    // The process adapter redacts each stderr line as it arrives, whatever --no-redact says: the
    // pieces of a value printed 4 characters per line get past that, and only the run's joint
    // redaction of the stderr tail removes them. The error's name carries the hex.
    expect(summary.diagnostics?.stderr.join('\n')).toContain(CANARY.Token.match(/.{1,4}/g)!.join('\n'));
    expect(outputs['json']).toContain(`LeakException${Buffer.from(CANARY.Token).toString('hex')}`);
    expect(encodedLeaks(outputs, CANARY_VALUES).length).toBeGreaterThan(0);
  });
});
