import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILURES_FILE, failureId, type StoredFailure } from '../../conformance/run/failures-file.ts';
import { adapterPath, cliIn } from './cli-harness.ts';

// Hostile files (issue 18 findings 4, 7, 8, 9): inputs that are FIFOs or devices, a planted
// failures file, report paths that are inputs or links, and a failures file that is broken or
// rewritten. Each asserts the exit code, the message naming the file, and that the user's files
// are byte for byte what they were.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const main = join(repoRoot, 'conformance', 'cli', 'main.ts');
const hostileAdapter = (name: string) => fileURLToPath(new URL(`./hostile/adapters/${name}`, import.meta.url));
const ONE = ['--filter', 'RevokeTokenSuccessEmptyObject', '--seed', '1'];
// A stack trace line: a finding is a message, never a trace.
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

const made: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-files-'));
  made.push(dir);
  return dir;
}

/**
 * The CLI as its own process in `cwd`, so that a hang is a hang: the harness kills it after
 * `boundMs` and the result says whether it ended by itself (no signal) or was killed.
 */
function runCliProcess(
  cwd: string,
  argv: string[],
  boundMs = 90_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [main, ...argv], { cwd, env: { ...process.env, GITHUB_ACTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const bound = setTimeout(() => child.kill('SIGKILL'), boundMs);
    child.on('close', (code, signal) => {
      clearTimeout(bound);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('an input that is a FIFO or a device is refused by name, never waited on or read (finding 4)', () => {
  it.each([
    ['--expectations a FIFO', 'fifo'],
    ['--expectations /dev/zero', 'zero'],
  ])('%s: exit 2 naming the file, and the process ends by itself', async (_, kind) => {
    const cwd = tempDir();
    const path = kind === 'fifo' ? join(cwd, 'expectations.json') : '/dev/zero';
    if (kind === 'fifo') execFileSync('mkfifo', [path]);
    const run = await runCliProcess(cwd, ['--adapter', 'aws-sdk-v3', ...ONE, '--expectations', path]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--expectations ${path}: ${kind === 'fifo' ? 'a FIFO (named pipe)' : 'a device'}, not a regular file`);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('--adapter a FIFO: exit 2 naming it, and the process ends by itself (its import would block in native code)', async () => {
    const cwd = tempDir();
    const fifo = join(cwd, 'adapter.mjs');
    execFileSync('mkfifo', [fifo]);
    const run = await runCliProcess(cwd, ['--adapter', fifo, ...ONE]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--adapter ${fifo}: a FIFO (named pipe), not a regular file`);
  });

  it.each([
    ['a FIFO', 'conformance.config.json'],
    ['a FIFO', 'conformance.config.mjs'],
    ['/dev/zero', 'conformance.config.json'],
  ])('the config file is %s (%s): exit 2 naming it, and the process ends by itself', async (kind, name) => {
    const cwd = tempDir();
    if (kind === 'a FIFO') execFileSync('mkfifo', [join(cwd, name)]);
    else symlinkSync('/dev/zero', join(cwd, name));
    const run = await runCliProcess(cwd, ONE);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(cwd, name)}: ${kind === 'a FIFO' ? 'a FIFO (named pipe)' : 'a device'}, not a regular file`);
    expect(run.stderr).not.toMatch(STACK);
  });
});

/** A folder with the user's notes and a failures file holding `entry` under its id. */
function plantedFailure(entry: Record<string, unknown>, version = 2): { directory: string; id: string; notes: string } {
  const directory = tempDir();
  const notes = join(directory, 'notes.txt');
  writeFileSync(notes, 'my notes\n');
  const id = version === 1 ? 'abcdef12' : failureId(entry as unknown as StoredFailure);
  mkdirSync(join(directory, '.revoketoken-conformance'));
  writeFileSync(join(directory, FAILURES_FILE), JSON.stringify({ version, failures: { [id]: entry } }));
  return { directory, id, notes };
}

const BASE = {
  direction: 'client',
  builtIn: 'aws-sdk-v3',
  given: [],
  flags: {},
  case: 'RevokeTokenSuccessEmptyObject',
  recordedAt: '2026-12-07T20:00:00.000Z',
};

describe('replay runs nothing a planted failures file says (finding 7)', () => {
  it.each([
    [
      'a version-1 command line with --command',
      { argv: ['--command', 'touch PWNED', '--filter', 'RevokeTokenSuccessEmptyObject'] },
      1,
      /version-1 failures file.*Delete it/,
    ],
    ['--command', { ...BASE, flags: { command: 'touch PWNED' } }, 2, /\/flags\/command: not a flag a failures file may set/],
    ['--no-redact', { ...BASE, flags: { 'no-redact': true } }, 2, /\/flags\/no-redact: not a flag/],
    ['--reporter over the notes', { ...BASE, flags: { reporter: ['json=notes.txt'] } }, 2, /\/flags\/reporter: not a flag/],
    [
      '--server to a remote host',
      { ...BASE, direction: 'server', builtIn: 'http://203.0.113.9', flags: { 'allow-remote': true } },
      2,
      /\/builtIn: must be a built-in server lane/,
    ],
    ['an adapter module as the built-in', { ...BASE, builtIn: '../evil.mjs' }, 2, /\/builtIn: must be a built-in client/],
  ])('%s: exit 2 naming the file and the field, nothing created, nothing overwritten', async (_, entry, version, message) => {
    const { directory, id, notes } = plantedFailure(entry as Record<string, unknown>, version);
    const before = readFileSync(join(directory, FAILURES_FILE));
    const { code, stdout, stderr } = await cliIn(directory, '--replay', id);
    expect(code).toBe(2);
    expect(stderr).toContain(join(directory, FAILURES_FILE));
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(readdirSync(directory).sort()).toEqual(['.revoketoken-conformance', 'notes.txt']);
    expect(existsSync(join(process.cwd(), 'PWNED'))).toBe(false);
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(directory, FAILURES_FILE))).toEqual(before);
  });
});

describe('a report never replaces an input, and never goes through a link (finding 8)', () => {
  /** A folder with a copy of a broken adapter, an expectations file and a failures file: the user's files. */
  function project(): { directory: string; adapter: string; expectations: string; failures: string; snapshot: () => Record<string, string> } {
    const directory = tempDir();
    const adapter = join(directory, 'my-adapter.ts');
    writeFileSync(adapter, `export { default } from ${JSON.stringify(adapterPath('camel-case-client-id.ts'))};\n`);
    const expectations = join(directory, 'expectations.json');
    writeFileSync(expectations, JSON.stringify({ adapter: 'mine', expectations: [{ case: 'RevokeTokenSuccessEmptyObject', reason: 'why', source: 'where' }] }));
    mkdirSync(join(directory, '.revoketoken-conformance'));
    const failures = join(directory, FAILURES_FILE);
    writeFileSync(failures, '{"version":2,"failures":{}}\n');
    const snapshot = () => Object.fromEntries([adapter, expectations, failures].map((path) => [path, readFileSync(path, 'utf8')]));
    return { directory, adapter, expectations, failures, snapshot };
  }

  it.each([
    ['json=<the expectations file>', (p: ReturnType<typeof project>) => `json=${p.expectations}`, /is the expectations file \(--expectations\)/],
    ['junit=<the adapter>', (p: ReturnType<typeof project>) => `junit=${p.adapter}`, /is the adapter module \(--adapter\)/],
    ['json=<the failures file>', (p: ReturnType<typeof project>) => `json=${p.failures}`, /is the failures file/],
    [
      'json=<a new file in the failures folder>',
      (p: ReturnType<typeof project>) => `json=${join(p.directory, '.revoketoken-conformance', 'r.json')}`,
      /is in the failures file's folder/,
    ],
  ])('--reporter %s: exit 2 naming the file, every input byte-identical', async (_, reporter, message) => {
    const p = project();
    const before = p.snapshot();
    const { code, stderr } = await cliIn(p.directory, '--adapter', p.adapter, ...ONE, '--expectations', p.expectations, '--reporter', reporter(p));
    expect(code).toBe(2);
    expect(stderr).toContain(`--reporter ${reporter(p)}`);
    expect(stderr).toMatch(message);
    expect(p.snapshot()).toEqual(before);
  });

  it('the config file is an input too', async () => {
    const p = project();
    const config = join(p.directory, 'conformance.config.json');
    writeFileSync(config, JSON.stringify({ adapter: p.adapter }));
    const { code, stderr } = await cliIn(p.directory, ...ONE, '--reporter', `json=${config}`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is the config file/);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ adapter: p.adapter });
  });

  it('two reporters on one file through a linked folder, or through a hard link: exit 2, nothing written', async () => {
    const p = project();
    mkdirSync(join(p.directory, 'out'));
    symlinkSync(join(p.directory, 'out'), join(p.directory, 'alias'));
    const linked = await cliIn(
      p.directory,
      '--adapter',
      p.adapter,
      ...ONE,
      '--reporter',
      `json=${join(p.directory, 'out', 'r.json')}`,
      '--reporter',
      `junit=${join(p.directory, 'alias', 'r.json')}`,
    );
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/junit=.*alias\/r\.json: --reporter json=.*out\/r\.json writes the same file/);
    writeFileSync(join(p.directory, 'out', 'a.json'), 'mine');
    linkSync(join(p.directory, 'out', 'a.json'), join(p.directory, 'out', 'b.json'));
    const hard = await cliIn(
      p.directory,
      '--adapter',
      p.adapter,
      ...ONE,
      '--reporter',
      `json=${join(p.directory, 'out', 'a.json')}`,
      '--reporter',
      `junit=${join(p.directory, 'out', 'b.json')}`,
    );
    expect(hard.code).toBe(2);
    expect(hard.stderr).toMatch(/b\.json: --reporter json=.*a\.json writes the same file/);
    expect(readFileSync(join(p.directory, 'out', 'a.json'), 'utf8')).toBe('mine');
    expect(existsSync(join(p.directory, 'out', 'r.json'))).toBe(false);
  });

  it('a reporter path that is a symbolic link: exit 2, the file it points at untouched', async () => {
    const p = project();
    writeFileSync(join(p.directory, 'notes.txt'), 'my notes\n');
    symlinkSync(join(p.directory, 'notes.txt'), join(p.directory, 'report.json'));
    const { code, stderr } = await cliIn(p.directory, '--adapter', p.adapter, ...ONE, '--reporter', `json=${join(p.directory, 'report.json')}`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/report\.json is a symbolic link; reports are not written through links/);
    expect(readFileSync(join(p.directory, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });
});

describe('a broken failures file never costs the report (finding 9)', () => {
  it.each([
    ['corrupt', (directory: string) => writeFileSync(join(directory, FAILURES_FILE), '{"version":2,"fail'), /not a failures file/],
    ['a folder', (directory: string) => mkdirSync(join(directory, FAILURES_FILE)), /a folder, not a regular file/],
    ['a FIFO', (directory: string) => execFileSync('mkfifo', [join(directory, FAILURES_FILE)]), /a FIFO \(named pipe\), not a regular file/],
    [
      'a symbolic link to the notes',
      (directory: string) => symlinkSync(join(directory, 'notes.txt'), join(directory, FAILURES_FILE)),
      /a symbolic link, not a regular file/,
    ],
  ])(
    'the failures file is %s: a warning naming it before the run, every case runs, the reports are written, exit 1, no stack trace',
    async (_, make, problem) => {
      const directory = tempDir();
      writeFileSync(join(directory, 'notes.txt'), 'my notes\n');
      mkdirSync(join(directory, '.revoketoken-conformance'));
      make(directory);
      const out = join(directory, 'out', 'report.json');
      const { code, stdout, stderr } = await cliIn(directory, '--adapter', adapterPath('camel-case-client-id.ts'), ...ONE, '--reporter', `json=${out}`);
      expect(code).toBe(1);
      expect(stderr).toContain(join(directory, FAILURES_FILE));
      expect(stderr).toMatch(problem);
      expect(stderr).not.toMatch(STACK);
      expect(stdout).toMatch(/1 failed/);
      expect(JSON.parse(readFileSync(out, 'utf8')).summary.failed).toBe(1);
      expect(readFileSync(join(directory, 'notes.txt'), 'utf8')).toBe('my notes\n');
    },
  );

  it('its folder is a plain file: the same, and the file is left as it was', async () => {
    const directory = tempDir();
    writeFileSync(join(directory, '.revoketoken-conformance'), 'mine');
    const out = join(directory, 'report.json');
    const { code, stderr } = await cliIn(directory, '--adapter', adapterPath('camel-case-client-id.ts'), ...ONE, '--reporter', `json=${out}`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\.revoketoken-conformance is a file, not a folder/);
    expect(stderr).not.toMatch(STACK);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.failed).toBe(1);
    expect(readFileSync(join(directory, '.revoketoken-conformance'), 'utf8')).toBe('mine');
  });

  it('a client that writes over the failures file during the run does not hide its failures', async () => {
    const cwd = tempDir();
    copyFileSync(hostileAdapter('overwrites-the-failures-file.ts'), join(cwd, 'unused.ts'));
    const out = join(cwd, 'report.json');
    const run = await runCliProcess(cwd, [
      '--adapter',
      hostileAdapter('overwrites-the-failures-file.ts'),
      '--filter',
      'RevokeTokenSuccessEmptyObject',
      '--filter',
      'RevokeTokenRequestAllMembers',
      '--seed',
      '1',
      '--reporter',
      `json=${out}`,
    ]);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { summary: { failed: number }; results: Array<{ replay: string; classified: { kind: string } }> };
    expect(report.summary.failed).toBeGreaterThanOrEqual(2);
    // Every failure is in the file, written after the client's last byte, and replays by its id.
    const stored = JSON.parse(readFileSync(join(cwd, FAILURES_FILE), 'utf8')) as { version: number; failures: Record<string, unknown> };
    expect(stored.version).toBe(2);
    for (const result of report.results.filter((r) => r.classified.kind === 'fail')) {
      const id = /--replay ([0-9a-f]{8})$/.exec(result.replay)?.[1];
      expect(id, result.replay).toBeDefined();
      expect(Object.keys(stored.failures)).toContain(id);
    }
  });
});
