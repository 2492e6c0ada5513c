import dns from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as lintFixturesMain } from '../../conformance/cli/lint-fixtures.ts';
import { baseline } from '../../conformance/fixtures/lint-rules/test-helpers.ts';
import { FixtureError, loadFixtures } from '../../conformance/fixtures/load.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { adapterPath, cli } from './cli-harness.ts';

// Hostile inputs: flags, fixture files, expectations files, reporter paths and endpoints that
// a run must refuse before any case runs (exit 2, naming the flag, file or field), or bound.

const hostileAdapter = (name: string) => new URL(`./hostile/adapters/${name}`, import.meta.url).pathname;
const made: string[] = [];
const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
  made.push(dir);
  return dir;
}

const ONE = ['--filter', 'RevokeTokenSuccessEmptyObject', '--seed', '1'];

describe('numeric flags are bounded up front', () => {
  it.each([
    [['--case-timeout', '2147483648'], '--case-timeout must be a whole number from 1 to 600,000, got "2147483648"'],
    [['--case-timeout', '99999999999'], '--case-timeout must be a whole number from 1 to 600,000'],
    [['--start-timeout', '0'], '--start-timeout must be a whole number from 1 to 600,000, got "0"'],
    [['--run-timeout', '10'], '--run-timeout must be a whole number from 1,000 to 86,400,000, got "10"'],
    [['--runs', '1000000000'], '--runs must be a whole number from 1 to 10,000, got "1000000000"'],
    [['--seed', '1.5'], '--seed must be a whole number from 0 to 2,147,483,647'],
    [['--server', '--seed', '1.5'], '--seed must be a whole number from 0 to 2,147,483,647'],
    [['--server', '--request-timeout', '2147483648'], '--request-timeout must be a whole number from 1 to 600,000'],
    [['--server', '--rate', '0.0001'], '--rate must be a number from 0.1 to 10,000, got "0.0001"'],
    [['--server', '--max-requests', '1000000000'], '--max-requests must be a whole number from 1 to 1,000,000'],
  ])('%j: exit 2 naming the flag and its range', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('a budget that could not finish at its rate within 24 hours is refused, naming the flags', async () => {
    const { code, stderr } = await cli('--server', '--max-requests', '1000000', '--rate', '0.1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/1000000 requests \(--max-requests\) at 0\.1 per second \(--rate\).*could take \d+ hours; a run may take at most 24 hours/);
  });

  it('--help shows every range', async () => {
    const client = (await cli('--help')).stdout;
    expect(client).toMatch(/--case-timeout <ms>[\s\S]*\(1 to 600,000\)/);
    expect(client).toMatch(/--runs <n>[\s\S]*\(1 to 10,000\)/);
    expect((await cli('--server', '--help')).stdout).toMatch(/--rate <n>[\s\S]*\(0\.1 to 10,000\)/);
  });
});

describe('flags that make no sense where they are used are refused', () => {
  it.each([
    [['--rate', '5'], '--rate is a flag of the server suite: it goes with --server'],
    [['--allow-remote'], '--allow-remote is a flag of the server suite'],
    [['--server', '--adapter', 'aws-sdk-v2'], '--adapter is a flag of the client suite: leave out --server to use it'],
    [['--server', '--case-timeout', '100'], '--case-timeout is a flag of the client suite'],
    [['--serve', '--runs', '5'], '--serve runs no suite, so --runs means nothing with it'],
    [['--serve', '--reporter', 'json=x.json'], '--serve runs no suite, so --reporter means nothing with it'],
    [
      ['--replay', '1:0', '--seed', '1', '--filter', 'RevokeTokenSuccessEmptyObject'],
      "--replay replays a property's or a sequence's generated case; RevokeTokenSuccessEmptyObject is a fixture",
    ],
  ])('%j: exit 2', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('--runs with only fixtures selected is fine', async () => {
    const { code } = await cli('--adapter', adapterPath('correct.ts'), '--runs', '5', ...ONE);
    expect(code).toBe(0);
  });
});

describe('reporter paths are checked before the run', () => {
  it('a folder, a path below a file, and two reporters on one file: exit 2 and nothing ran', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    for (const [spec, message] of [
      [`json=${dir}`, `--reporter json=${dir}: ${dir} is a folder; give the path of a file to write`],
      [`junit=${join(dir, 'a-file', 'report.xml')}`, `${join(dir, 'a-file')} is a file, so no folder can be made there`],
    ] as const) {
      const { code, stdout, stderr } = await cli('--adapter', adapterPath('correct.ts'), '--reporter', spec, ...ONE);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(stdout).toBe('');
    }
    const twice = await cli('--reporter', `json=${join(dir, 'r.json')}`, '--reporter', `junit=${join(dir, 'r.json')}`, ...ONE);
    expect([twice.code, twice.stderr]).toEqual([2, expect.stringContaining('writes the same file')]);
    const server = await cli('--server', '--reporter', `json=${dir}`);
    expect([server.code, server.stderr]).toEqual([2, expect.stringContaining('is a folder')]);
  });
});

describe('expectations files name existing cases and rules', () => {
  const file = (entries: object[]) => {
    const path = join(tempDir(), 'mine.json');
    writeFileSync(path, JSON.stringify({ adapter: 'mine', expectations: entries.map((e) => ({ reason: 'r', source: 's', ...e })) }));
    return path;
  };

  it('an unknown case or rule: exit 2 naming the file and the entry', async () => {
    const unknownCase = file([{ case: 'RevokeTokenNoSuchCase' }]);
    const one = await cli('--adapter', adapterPath('correct.ts'), '--expectations', unknownCase, ...ONE);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`--expectations ${unknownCase}: /expectations/0/case: "RevokeTokenNoSuchCase" is not a fixture or property of this suite`);
    const unknownRule = file([{ case: 'RevokeTokenSuccessEmptyObject', check: 'C99' }]);
    expect((await cli('--adapter', adapterPath('correct.ts'), '--expectations', unknownRule, ...ONE)).stderr).toContain(
      '/expectations/0/check: "C99" is not a rule',
    );
    const serverRule = file([{ case: 'auth-accepts-unsigned-call', check: 'C8' }]);
    expect((await cli('--server', '--expectations', serverRule, '--filter', 'auth')).stderr).toContain('/expectations/0/check: "C8" is not a rule');
  });

  it('a valid entry for a case the filter left out is not an error', async () => {
    const other = file([{ case: 'RevokeTokenSuccessEmptyBody', check: 'C8' }]);
    expect((await cli('--adapter', adapterPath('correct.ts'), '--expectations', other, ...ONE)).code).toBe(0);
  });
});

describe('fixture files are all accounted for, within limits', () => {
  it('a .txt, a .JSON, a symlink and a misplaced file are errors naming them, in the loader and the linter', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'success'));
    writeFileSync(join(dir, 'success', 'RevokeTokenLintBaseline.json'), JSON.stringify(baseline()));
    writeFileSync(join(dir, 'success', 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'success', 'RevokeTokenShout.JSON'), '{}');
    symlinkSync(join(dir, 'success', 'RevokeTokenLintBaseline.json'), join(dir, 'success', 'RevokeTokenLinked.json'));
    const strays = await loadFixtures(dir).catch((error: unknown) => error);
    expect(strays).toBeInstanceOf(FixtureError);
    for (const name of ['notes.txt', 'RevokeTokenShout.JSON', 'RevokeTokenLinked.json'])
      expect((strays as Error).message).toContain(join(dir, 'success', name));
    let errText = '';
    const io = {
      out: () => {},
      err: (text: string) => {
        errText += text;
      },
    };
    expect(await lintFixturesMain(['--dir', dir], io)).toBe(1);
    expect(errText).toContain('notes.txt');

    const misplaced = tempDir();
    writeFileSync(join(misplaced, 'RevokeTokenLintBaseline.json'), JSON.stringify(baseline()));
    await expect(loadFixtures(misplaced)).rejects.toThrow(
      /RevokeTokenLintBaseline\.json: \(root\): put the file in one of success\/, request\/, errors\/ .*\[folder\]/,
    );
  });

  it('3,000 levels deep and a 6 MB string: clear errors naming the file, in the loader and the linter', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'success'));
    writeFileSync(join(dir, 'success', 'RevokeTokenDeep.json'), `${'['.repeat(3000)}${']'.repeat(3000)}`);
    writeFileSync(join(dir, 'success', 'RevokeTokenHuge.json'), JSON.stringify({ ...baseline(), documentation: 'x'.repeat(6 * 1024 * 1024) }));
    const error = (await loadFixtures(dir).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.message).toContain(`${join(dir, 'success', 'RevokeTokenDeep.json')}:1:65: invalid JSON at line 1, column 65: nested deeper than 64 levels`);
    expect(error.message).toMatch(/RevokeTokenHuge\.json: \(root\): the file holds [\d,]+ characters, more than the 262,144 a fixture may have/);
    let out = '';
    const io = {
      out: (text: string) => {
        out += text;
      },
      err: () => {},
    };
    expect(await lintFixturesMain(['--dir', dir], io)).toBe(1);
    expect(out).toMatch(/RevokeTokenDeep\.json \(root\) \[json\] .*nested deeper/);
    expect(out).toMatch(/RevokeTokenHuge\.json \(root\) \[json\] the file holds/);
  });
});

describe('adapters that never finish loading, and a close() that throws', () => {
  it('a top-level await or a factory that never settles: exit 2 after --start-timeout, naming what timed out', async () => {
    for (const [name, what] of [
      ['top-level-await-never-settles.mjs', 'the adapter module'],
      ['factory-never-settles.mjs', 'the adapter factory of'],
    ] as const) {
      const { code, stderr } = await cli('--adapter', hostileAdapter(name), '--start-timeout', '2000', ...ONE);
      expect(code).toBe(2);
      expect(stderr).toContain(what);
      expect(stderr).toMatch(/did not finish within 2000 ms \(--start-timeout\)/);
    }
  });

  it('a close() that throws: the report is written and the run exits 1, naming close()', async () => {
    const report = join(tempDir(), 'report.json');
    const { code, stdout, stderr } = await cli('--adapter', hostileAdapter('close-throws.ts'), '--reporter', 'human', '--reporter', `json=${report}`, ...ONE);
    expect(code).toBe(1);
    // The case passed; the close is a failing result of its own (adapter-close, rule A5) in the
    // sandbox the module runs in, and the run watchdog names it on stderr too.
    expect(stdout).toMatch(/1 passed, 1 failed/);
    expect(stdout).toMatch(/adapter-close: A5: .*close\(\) threw: Error: close exploded/);
    expect(stderr).toMatch(/the adapter's close\(\) failed: .*close exploded/);
  });

  it('a run longer than --run-timeout: the calls left fail, the report is written, exit 1 naming the limit', async () => {
    const { code, stdout, stderr } = await cli('--adapter', hostileAdapter('slow-calls.ts'), '--run-timeout', '1000', '--filter', 'success', '--seed', '1');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\d+ passed, [1-9]\d* failed/);
    expect(stderr).toMatch(/the run took longer than its limit of 1000 ms \(--run-timeout\)/);
  });
});

describe('server mode pins its endpoint', () => {
  it('http://localhost.: no lookup of the name at all, every request goes to the address checked', async () => {
    const service = createReferenceService();
    const server = await startLoopbackServer((request) => service.handle(request));
    servers.push(server);
    const port = new URL(server.url).port;
    const looked: string[] = [];
    const { lookup } = dns;
    const promisesLookup = dns.promises.lookup;
    dns.lookup = ((host: string, ...rest: unknown[]) => {
      looked.push(host);
      return (lookup as (...args: unknown[]) => unknown)(host, ...rest);
    }) as typeof dns.lookup;
    dns.promises.lookup = (async (host: string, ...rest: unknown[]) => {
      looked.push(host);
      return (promisesLookup as (...args: unknown[]) => unknown)(host, ...rest);
    }) as typeof dns.promises.lookup;
    try {
      const { code, stdout } = await cli('--server', `http://localhost.:${port}`, '--filter', 'auth', '--seed', '1');
      expect(stdout).toMatch(/2 passed, 0 failed/);
      expect(code).toBe(0);
    } finally {
      dns.lookup = lookup;
      dns.promises.lookup = promisesLookup;
    }
    expect(looked).toEqual([]);
  });
});
