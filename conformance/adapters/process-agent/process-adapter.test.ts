import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdapterError, CallContext } from '../contract.ts';
import { createProcessAdapter } from './process-adapter.ts';
import { type ProcessAdapter, ProcessAdapterError, type ProcessAdapterOptions } from './types.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./test-fixtures/${name}`, import.meta.url));
const node = process.execPath;
const context: CallContext = { endpoint: 'http://127.0.0.1:4567', region: 'eu-west-3' };

const open: ProcessAdapter[] = [];
async function start(options: ProcessAdapterOptions): Promise<ProcessAdapter> {
  const adapter = await createProcessAdapter({ caseTimeoutMs: 5000, startTimeoutMs: 5000, ...options });
  open.push(adapter);
  return adapter;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.close()));
});

async function rejection(promise: Promise<unknown>): Promise<AdapterError & Partial<ProcessAdapterError>> {
  try {
    await promise;
  } catch (error) {
    return error as AdapterError & Partial<ProcessAdapterError>;
  }
  throw new Error('expected a rejection');
}

/** Waits until the pid is gone (a process that is reaped has no event this process can await). */
async function waitForExit(pid: number): Promise<boolean> {
  await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 5000 });
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createProcessAdapter: a well-behaved client', () => {
  it('reads the capabilities line and uses its name and capabilities', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    expect(adapter.name).toBe('fake client 0.0.0');
    expect(adapter.kind).toBe('process');
    expect(adapter.protocol).toBe(1);
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false });
  });

  it('resolves a success with the ok object, $metadata included', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    await expect(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).resolves.toEqual({ $metadata: { httpStatusCode: 200, requestId: 'req-1' } });
  });

  it('rejects with the decoded error: name, message and $metadata', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'error', ClientId: 'y' }, context));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UnsupportedTokenTypeException');
    expect(error.message).toBe('Unsupported token type');
    expect(error.$metadata).toEqual({ httpStatusCode: 400, requestId: 'req-7' });
  });

  it('leaves $metadata out when the client reports neither status nor request id', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'error-no-metadata', ClientId: 'y' }, context));
    expect(error.name).toBe('ParamValidationError');
    expect(error.$metadata).toBeUndefined();
  });

  it('keeps one process for many cases', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    for (let i = 0; i < 50; i += 1) await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context);
    expect(adapter.diagnostics().starts).toBe(1);
  });

  it('runs a string command through the shell', async () => {
    const adapter = await start({ command: `FAKE_VIA_SHELL=yes exec "${node}" "${fixture('well-behaved.mjs')}"` });
    const output = await adapter.revokeToken({ Token: 'env', ClientId: 'y' }, context);
    expect(JSON.parse(output.$metadata!.requestId!)).toMatchObject({ FAKE_VIA_SHELL: 'yes' });
  });

  it('sets the endpoint, region and fake credentials in the environment, and drops the user’s AWS settings', async () => {
    process.env.AWS_PROFILE = 'someone-elses-profile';
    try {
      const adapter = await start({
        command: [node, fixture('well-behaved.mjs')],
        endpoint: 'http://127.0.0.1:9999',
        region: 'ap-south-1',
        env: { FAKE_EXTRA: '1' },
      });
      const output = await adapter.revokeToken({ Token: 'env', ClientId: 'y' }, context);
      const env = JSON.parse(output.$metadata!.requestId!) as Record<string, string>;
      expect(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER).toBe('http://127.0.0.1:9999');
      expect(env.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:9999');
      expect(env.AWS_REGION).toBe('ap-south-1');
      expect(env.AWS_ACCESS_KEY_ID).toMatch(/FAKE/);
      expect(env.AWS_SECRET_ACCESS_KEY).toMatch(/fake/);
      expect(env.AWS_PROFILE).toBeUndefined();
      expect(env.FAKE_EXTRA).toBe('1');
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it('sends the case endpoint and region on every line, and keeps stderr for diagnostics', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context);
    const { stderr, clientName, pid } = adapter.diagnostics();
    expect(clientName).toBe('fake client 0.0.0');
    expect(pid).toBeGreaterThan(0);
    expect(stderr).toContain('case c1 for http://127.0.0.1:4567 in eu-west-3');
  });

  it('redacts sensitive values that a client logs on stderr', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    await adapter.revokeToken({ Token: 'echo-stderr', ClientId: 'client-id-1234', ClientSecret: 'super-secret-value-0123456789' }, context);
    // stderr is a pipe of its own: its line may arrive after the answer on stdout.
    await vi.waitFor(() => expect(adapter.diagnostics().stderr.join('\n')).toContain('input: {'), { timeout: 10_000 });
    const text = adapter.diagnostics().stderr.join('\n');
    expect(text).not.toContain('client-id-1234');
    expect(text).not.toContain('super-secret-value-0123456789');
    expect(text).not.toContain('echo-stderr');
  });

  it('redacts a line written just after an answer with the values of the case that wrote it, not only the next one', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    const secret = 'first-case-secret-Q7xZ9pL2mW4v';
    await adapter.revokeToken({ Token: 'late-stderr', ClientId: 'client-id-1234', ClientSecret: secret }, context);
    await adapter.revokeToken({ Token: 'slow', ClientId: 'another-client', ClientSecret: 'second-case-secret-value' }, context);
    await vi.waitFor(() => expect(adapter.diagnostics().stderr.join('\n')).toContain('split: [redacted]'), { timeout: 10_000 });
    const text = adapter.diagnostics().stderr.join('\n');
    expect(text).toContain('late: [redacted]');
    for (let i = 0; i + 8 <= secret.length; i += 1) expect(text.toLowerCase()).not.toContain(secret.slice(i, i + 8).toLowerCase());
  });

  it('bounds the stderr buffer', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')], stderrLines: 5 });
    for (let i = 0; i < 20; i += 1) await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context);
    await vi.waitFor(() => expect(adapter.diagnostics().stderr.at(-1)).toMatch(/^case c20 /), { timeout: 10_000 });
    const { stderr } = adapter.diagnostics();
    expect(stderr).toHaveLength(5);
    expect(stderr.at(-1)).toBe('case c20 for http://127.0.0.1:4567 in eu-west-3');
  });

  it('sends a cancel line when the client declares cancellation and the signal aborts', async () => {
    const hello = JSON.stringify({ protocol: 1, name: 'cancellable fake', capabilities: { cancellation: true } });
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')], env: { FAKE_HELLO: hello } });
    const controller = new AbortController();
    const call = adapter.revokeToken({ Token: 'wait-for-cancel', ClientId: 'y' }, { ...context, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(call);
    expect(error.name).toBe('AbortError');
    // The process survives a cancellation.
    await expect(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).resolves.toBeDefined();
    expect(adapter.diagnostics().starts).toBe(1);
  });

  it('closes the child at close() and refuses later calls', async () => {
    const adapter = await start({ command: [node, fixture('well-behaved.mjs')] });
    const { pid } = adapter.diagnostics();
    await adapter.close();
    expect(await waitForExit(pid!)).toBe(true);
    const error = await rejection(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context));
    expect(error.name).toBe('ProcessAdapterError');
    expect(error.kind).toBe('closed');
  });
});

describe('createProcessAdapter: a client that hangs', () => {
  it('fails the case naming the timeout, kills the child and restarts it for the next case', async () => {
    const adapter = await start({ command: [node, fixture('hangs.mjs')], caseTimeoutMs: 300 });
    const first = Number((await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).$metadata!.requestId);
    const error = await rejection(adapter.revokeToken({ Token: 'hang', ClientId: 'y' }, context));
    expect(error.name).toBe('ProcessAdapterError');
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer case c2 within 300 ms \(caseTimeoutMs\)/);
    expect(await waitForExit(first)).toBe(true);
    const second = Number((await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).$metadata!.requestId);
    expect(second).not.toBe(first);
    expect(adapter.diagnostics().starts).toBe(2);
  });

  it('abandons a pending case when the caller starts the next one', async () => {
    const adapter = await start({ command: [node, fixture('hangs.mjs')], caseTimeoutMs: 60_000 });
    const hung = adapter.revokeToken({ Token: 'hang', ClientId: 'y' }, context);
    await vi.waitFor(() => expect(adapter.diagnostics().stderr.join('\n')).toMatch(/holding c\d+/));
    const next = adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context);
    const error = await rejection(hung);
    expect(error.kind).toBe('abandoned');
    await expect(next).resolves.toBeDefined();
    expect(adapter.diagnostics().starts).toBe(2);
  });
});

describe('createProcessAdapter: a client that crashes', () => {
  it('fails the case with the exit code and the tail of stderr, then restarts lazily', async () => {
    const adapter = await start({ command: [node, fixture('crashes.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'crash', ClientId: 'y' }, context));
    expect(error.name).toBe('ProcessAdapterError');
    expect(error.kind).toBe('exit');
    expect(error.message).toMatch(/exited with code 3 while case c1 was pending/);
    expect(error.message).toContain('fatal: the fake client fell over');
    expect(adapter.diagnostics().starts).toBe(1);
    await expect(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).resolves.toBeDefined();
    expect(adapter.diagnostics().starts).toBe(2);
    expect(adapter.diagnostics().events.join('\n')).toMatch(/exited with code 3/);
  });
});

describe('createProcessAdapter: a client that breaks the protocol', () => {
  const secrets = { ClientId: 'client-id-abcdef', ClientSecret: 'secret-0123456789abcdefghij' };

  it('fails a case answered by a non-JSON line, quoting it redacted and truncated', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'not-json', ...secrets }, context));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/printed a line that is not JSON while case c1 was pending: "debug: revoking token/);
    expect(error.message).not.toContain(secrets.ClientId);
    expect(error.message).not.toContain(secrets.ClientSecret);
    expect(error.message).toContain('[redacted]');
    // The next case gets a fresh process.
    await expect(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).resolves.toBeDefined();
    expect(adapter.diagnostics().starts).toBe(2);
  });

  it('redacts sensitive members of a JSON line that is not an answer', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'echo-input', ClientId: 'a', ClientSecret: 'b' }, context));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/exactly one of "ok" and "error"/);
    expect(error.message).toContain('\\"ClientId\\":\\"[redacted]\\"');
    expect(error.message).toContain('\\"ClientSecret\\":\\"[redacted]\\"');
    expect(error.message).toContain('\\"Token\\":\\"[redacted]\\"');
  });

  it('truncates a long quoted line', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'not-json', ClientId: 'y', RevokeAssociatedSessions: 'L'.repeat(1000) }, context));
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toContain('…');
  });

  it('fails a case answered for another id', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'wrong-id', ClientId: 'y' }, context));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/answered id "c999" while case "c1" was pending/);
  });

  it.each([
    ['both', /exactly one of "ok" and "error"/],
    ['bad-error', /"error.name" must be a non-empty string/],
    ['bad-status', /"error.statusCode" must be an integer or null/],
    ['array', /not an object/],
  ])('rejects a malformed answer (%s)', async (token, why) => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: token, ClientId: 'y' }, context));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(why);
  });

  it('restarts a client that prints between cases', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const first = await adapter.revokeToken({ Token: 'stray-after', ClientId: 'y' }, context);
    await vi.waitFor(() => expect(adapter.diagnostics().events.join('\n')).toMatch(/outside any case/));
    const second = await adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context);
    expect(second.$metadata!.requestId).not.toBe(first.$metadata!.requestId);
    expect(adapter.diagnostics().events.join('\n')).toMatch(/a stdout line outside any case, "a stray line after the answer"/);
  });

  it('passes a well-formed error answer through', async () => {
    const adapter = await start({ command: [node, fixture('garbage.mjs')] });
    const error = await rejection(adapter.revokeToken({ Token: 'plain-error', ClientId: 'y' }, context));
    expect(error.name).toBe('InternalErrorException');
    expect(error.$metadata).toEqual({ httpStatusCode: 500, requestId: undefined });
  });
});

describe('createProcessAdapter: start-up', () => {
  it('waits for a slow start', async () => {
    const adapter = await start({ command: [node, fixture('slow-start.mjs')], env: { FAKE_START_DELAY_MS: '400' } });
    await expect(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context)).resolves.toEqual({});
  });

  it('gives up on a start that takes longer than startTimeoutMs', async () => {
    const error = await rejection(
      createProcessAdapter({ command: [node, fixture('slow-start.mjs')], env: { FAKE_START_DELAY_MS: '5000' }, startTimeoutMs: 300 }),
    );
    expect(error.kind).toBe('start');
    expect(error.message).toMatch(/no capabilities line within 300 ms \(startTimeoutMs\)/);
  });

  it.each([
    ['exit', /exited with code 1 before printing its capabilities line; last stderr lines:\n {2}cannot import the SDK: module not found/],
    ['banner', /the first line on stdout must be the capabilities line .* got "Welcome to the fake client!"/],
    ['protocol-2', /speaks protocol 2; this harness speaks process-adapter protocol 1/],
    ['no-name', /needs "name"/],
    ['unknown-capability', /unknown capability "teleport"/],
  ])('fails clearly when the client cannot start (%s)', async (mode, why) => {
    const error = await rejection(createProcessAdapter({ command: [node, fixture('bad-start.mjs'), mode], startTimeoutMs: 5000 }));
    expect(error).toBeInstanceOf(ProcessAdapterError);
    expect(error.kind).toBe('start');
    expect(error.message).toMatch(why);
  });

  it('names a command that does not exist', async () => {
    const error = await rejection(createProcessAdapter({ command: ['/nonexistent/client-binary'] }));
    expect(error.kind).toBe('start');
    expect(error.message).toMatch(/could not be started: .*ENOENT/);
  });

  it('fails fast once the client keeps failing at start-up', async () => {
    // A client that starts once, then fails every restart (its start-up breaks after a crash).
    const script = `const fs=require('fs');const f=process.env.FAKE_MARK;if(fs.existsSync(f)){console.error('broken install');process.exit(2)}fs.writeFileSync(f,'');console.log(JSON.stringify({protocol:1,name:'once',capabilities:{}}));process.stdin.on('data',()=>process.exit(9));`;
    const mark = join(tmpdir(), `process-adapter-test-mark-${process.pid}`);
    const adapter = await start({ command: [node, '-e', script], env: { FAKE_MARK: mark }, maxStartFailures: 3 });
    try {
      expect((await rejection(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context))).kind).toBe('exit');
      for (let i = 0; i < 3; i += 1) expect((await rejection(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context))).kind).toBe('start');
      const error = await rejection(adapter.revokeToken({ Token: 'x', ClientId: 'y' }, context));
      expect(error.kind).toBe('gave-up');
      expect(error.message).toMatch(/gave up on the client process after 3 failed start-ups in a row.*broken install/s);
      // Fast means without another attempt: the count of start-ups did not move.
      expect(adapter.diagnostics().starts).toBe(4);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(mark, { force: true });
    }
  });
});
