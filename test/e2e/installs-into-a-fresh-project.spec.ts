// The package as a user gets it: packed, installed into a fresh project that brings its own
// msw (an older 2.x minor than ours: the lowest the peer range allows) and its own adapter,
// and nothing else. Everything runs in child processes from that project, through npx, so
// neither this repository's node_modules nor vitest's resolver can stand in for the package.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../../tools/package/pack.ts';
import { repoRoot } from '../../tools/paths.ts';

/** The msw of the user's project: the lowest minor of the peer range, not the 2.15 we test with. */
export const USERS_MSW = '2.2.0';
const HERE = join(repoRoot, 'test', 'e2e', 'packed-install');
// Outside the repository: Node looks for packages in every node_modules above a module, and
// this repository's would hand the project the clients and tsx it must not have.
const WORK = mkdtempSync(join(tmpdir(), 'packed-install-'));
const PROJECT = join(WORK, 'project');
const NPM_CACHE = join(repoRoot, '.cache', 'npm');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * This process's environment without what an npm that started it set (npm_config_*, npm_command,
 * ...): run under `npx -p node@22`, the project's own npx would otherwise inherit that package
 * list and refuse to run without installing it again.
 */
function outsideNpm(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

function run(command: string, args: string[], options: { cwd?: string; nodeDir?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const path = options.nodeDir ? `${options.nodeDir}${delimiter}${process.env.PATH}` : process.env.PATH;
  return spawnSync(command, args, {
    cwd: options.cwd ?? PROJECT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // CI and GITHUB_ACTIONS stay out so the CLI picks its default reporters as on a laptop.
    env: { ...outsideNpm(), CI: '', GITHUB_ACTIONS: '', PATH: path ?? '', npm_config_cache: NPM_CACHE, npm_config_update_notifier: 'false', ...options.env },
  });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Installs `packages` into `cwd`; what npm printed, warnings included. */
function install(cwd: string, packages: string[]): string {
  const result = run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], { cwd });
  ok(result, `npm install ${packages.join(' ')}`);
  return `${result.stdout}${result.stderr}`;
}

/** The version of a package this repository tests with, so the user's project gets the same one from the cache. */
const ourVersionOf = (name: string) => (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const typescriptBuiltIn =
  (process.features as { typescript?: unknown }).typescript !== undefined && (process.features as { typescript?: unknown }).typescript !== false;

/** The folder of a Node binary of `major` from the npm registry's `node` package (as .ci/run uses). */
function nodeDir(major: number): string {
  const out = ok(run(npx, ['-y', '-p', `node@${major}`, '--', 'node', '-p', 'process.execPath'], { cwd: WORK }), `npx -p node@${major}`);
  return dirname(out.trim());
}

/** `npx revoketoken-conformance ...` in the project, on the Node of `nodeDir` (default: this one). */
function conformance(args: string[], options: { nodeDir?: string; cwd?: string } = {}): SpawnSyncReturns<string> {
  return run(npx, ['--no-install', 'revoketoken-conformance', ...args], options);
}

/** A folder of the project (no package.json of its own: the project's CommonJS one rules) whose conformance.config.ts names the .ts adapter. */
function typedConfigFolder(): string {
  const folder = join(PROJECT, 'typed-config');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'conformance.config.ts'),
    "const config: { adapter: string; seed: number } = { adapter: '../typed-adapter.ts', seed: 7 };\nexport default config;\n",
  );
  return folder;
}

let tarball: string;
let installOutput = '';

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  tarball = packPackage(WORK);
  // As a newcomer starts: `npm init -y`, which npm 11 writes with "type": "commonjs".
  ok(run(npm, ['init', '-y']), 'npm init -y');
  for (const file of readdirSync(HERE)) cpSync(join(HERE, file), join(PROJECT, file));
  installOutput = install(PROJECT, [tarball, `msw@${USERS_MSW}`]);
});

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

// Each test starts the CLI (and npm) in child processes: minutes on a busy machine, never a hang.
describe('the packed package installed into a fresh project', { timeout: 600_000 }, () => {
  it('is a CommonJS project, as npm init -y makes it, and the install is quiet: no install script, no engine warning', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { type?: string };
    expect(manifest.type ?? 'commonjs').toBe('commonjs');
    expect(installOutput).not.toMatch(/EBADENGINE/);
    expect(installOutput).not.toMatch(/revoketoken-conformance@[^\n]*\((?:pre|post)?(?:install|prepare)/);
    const installed = JSON.parse(readFileSync(join(PROJECT, 'node_modules', 'revoketoken-conformance', 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(installed.scripts?.[script], script).toBeUndefined();
  });

  it('ships every file its README and CONTRACT link to', () => {
    const packed = ok(run('tar', ['-tzf', tarball], { cwd: WORK }), 'tar -tzf')
      .split('\n')
      .map((line) => line.replace(/^package\//, ''));
    for (const doc of ['README.md', 'CONTRACT.md']) {
      const text = readFileSync(join(PROJECT, 'node_modules', 'revoketoken-conformance', doc), 'utf8');
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !target.startsWith('#') && !/^[a-z]+:/i.test(target));
      if (doc === 'README.md') expect(targets.length, 'links in the README').toBeGreaterThan(3);
      for (const target of targets.map((t) => t.replace(/#.*$/, '').replace(/^\.\//, ''))) {
        expect(
          packed.some((file) => file === target || (target.endsWith('/') && file.startsWith(target))),
          `${doc} links ${target}`,
        ).toBe(true);
      }
    }
  });

  it("installs with one msw, the project's own, the default client, and none of the other built-in clients", () => {
    const msw = JSON.parse(readFileSync(join(PROJECT, 'node_modules', 'msw', 'package.json'), 'utf8')) as { version: string };
    expect(msw.version).toBe(USERS_MSW);
    expect(existsSync(join(PROJECT, 'node_modules', 'revoketoken-conformance', 'node_modules', 'msw')), 'a second msw inside the package').toBe(false);
    expect(existsSync(join(PROJECT, 'node_modules', '@aws-sdk', 'client-cognito-identity-provider')), 'the default client').toBe(true);
    for (const client of ['aws-sdk', '@aws-amplify/auth', 'tsx']) expect(existsSync(join(PROJECT, 'node_modules', client)), client).toBe(false);
  });

  it('runs the whole suite against the default client with no arguments at all', () => {
    const bare = conformance([]);
    expect(bare.status, bare.stderr).toBe(0);
    expect(bare.stdout).toMatch(/RevokeToken conformance: aws-sdk-v3/);
    expect(bare.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('runs the CLI through npx: a passing adapter exits 0, a broken one exits 1 naming the rule', () => {
    const passing = conformance(['--adapter', './passing-adapter.mjs']);
    expect(passing.status, passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/RevokeToken conformance: fetch client\n/);
    expect(passing.stdout).toMatch(/\d+ passed, 0 failed/);
    const broken = conformance(['--adapter', './broken-adapter.mjs']);
    expect(broken.status, broken.stderr).toBe(1);
    expect(broken.stdout).toContain('C4 [must]');
  });

  it('runs a client in another process with --command, and judges a server with --server', () => {
    const command = conformance(['--command', `"${process.execPath}" shim.mjs`]);
    expect(command.status, command.stderr).toBe(0);
    expect(command.stdout).toMatch(/fetch client over the line protocol/);
    const server = conformance(['--server']);
    expect(server.status, server.stderr).toBe(0);
    expect(server.stdout).toMatch(/reference server/);
  });

  it('runs the setup of conformance.config.json with no arguments; flags override it; a bad key is exit 2 naming it', () => {
    // A folder of the project without a package.json: npx finds the project's bin above it.
    const folder = join(PROJECT, 'configured');
    mkdirSync(folder, { recursive: true });
    const config = join(folder, 'conformance.config.json');
    writeFileSync(config, JSON.stringify({ adapter: '../passing-adapter.mjs', seed: 42, strict: true }));
    const plain = conformance([], { cwd: folder });
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/seed 42, .*strict\)/);
    const overridden = conformance(['--adapter', '../broken-adapter.mjs'], { cwd: folder });
    expect(overridden.status).toBe(1);
    writeFileSync(config, JSON.stringify({ adapter: '../passing-adapter.mjs', strikt: true }));
    const bad = conformance([], { cwd: folder });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${config}: unknown key "strikt"`);
  });

  it('names the package to install for a built-in client that is not installed', () => {
    const result = conformance(['--adapter', 'aws-sdk-v2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs aws-sdk, which is not installed: npm install --save-dev aws-sdk');
  });

  it('lists every built-in client and every mode in --help', () => {
    const help = conformance(['--help']);
    expect(help.status).toBe(0);
    for (const name of [
      'aws-sdk-v3',
      'aws-sdk-v2',
      'smithy-generated',
      'amplify-v6',
      'boto3',
      'aws-sdk-go-v2',
      'aws-sdk-java-v2',
      'aws-sdk-rust',
      'aws-sdk-kotlin',
      'aws-cli-v1',
      'aws-cli-v2',
    ])
      expect(help.stdout).toContain(`  ${name} `);
    for (const mode of ['--adapter', '--command', '--server', '--serve', '--explain', '--list']) expect(help.stdout).toContain(`  ${mode}`);
  });

  it(`loads a .ts adapter, a conformance.config.ts and describeConformance('./typed-adapter.ts') in this CommonJS project on Node ${process.versions.node}`, () => {
    if (!typescriptBuiltIn) {
      // Node 20: the one line says what to do; the rest of this test runs after doing it.
      const refused = conformance(['--adapter', './typed-adapter.ts']);
      expect(refused.status).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain('cannot load TypeScript by itself');
      expect(refused.stderr).toContain('npm install --save-dev tsx');
      install(PROJECT, [`tsx@${ourVersionOf('tsx')}`]);
    }
    const adapter = conformance(['--adapter', './typed-adapter.ts']);
    expect(adapter.status, adapter.stderr).toBe(0);
    expect(adapter.stdout).toContain('fetch client, in TypeScript');
    const config = typedConfigFolder();
    const configured = conformance([], { cwd: config });
    expect(configured.status, configured.stderr).toBe(0);
    expect(configured.stdout).toMatch(/fetch client, in TypeScript[\s\S]*seed 7\b/);
    install(PROJECT, [`vitest@${ourVersionOf('vitest')}`]);
    const vitest = run(process.execPath, [join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'typed-conformance.test.mts'], {
      env: { NO_COLOR: '1', FORCE_COLOR: '' },
    });
    expect(vitest.status, `${vitest.stdout}\n${vitest.stderr}`).toBe(0);
    expect(vitest.stdout).toMatch(/Tests\s+\d+ passed/);
  });

  it("shows a client crash with the user's own stack, file and line", () => {
    const crash = conformance(['--adapter', './crashing-adapter.mjs']);
    expect(crash.status).toBe(1);
    expect(crash.stdout).toMatch(/stack \(your frames, redacted\):\n\s+TypeError: [^\n]*\n\s+at codeOf \(crashing-adapter\.mjs:5:\d+\)/);
    expect(crash.stdout).not.toMatch(/node_modules\/revoketoken-conformance[^\n]*:\d+:\d+/);
  });

  it('runs the generated client with --adapter smithy-generated, as --help says it is installed with the package', () => {
    expect(conformance(['--help']).stdout).toMatch(/smithy-generated .*installed with the package/);
    const smithy = conformance(['--adapter', 'smithy-generated']);
    expect(smithy.status, `${smithy.stdout}\n${smithy.stderr}`).toBe(0);
    expect(smithy.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('re-checks every recorded failure after a fix with --replay failed, and forgets the fixed ones', () => {
    const folder = join(PROJECT, 'replaying');
    mkdirSync(folder, { recursive: true });
    expect(conformance(['--adapter', '../broken-adapter.mjs', '--filter', 'C4'], { cwd: folder }).status).toBe(1);
    const stored = () =>
      Object.keys((JSON.parse(readFileSync(join(folder, '.revoketoken-conformance', 'failures.json'), 'utf8')) as { failures: object }).failures);
    expect(stored().length).toBeGreaterThan(0);
    const replayed = conformance(['--adapter', '../passing-adapter.mjs', '--replay', 'failed'], { cwd: folder });
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(/0 still failing, \d+ fixed/);
    expect(stored()).toEqual([]);
  });

  it("names files that exist where the user runs: --explain's paths, JUnit's file= and GitHub's ::error file= (the user's adapter)", () => {
    const explained = conformance(['--explain', 'C4']);
    expect(explained.status).toBe(0);
    const named = [...explained.stdout.matchAll(/(?:checked in|self-test) +(\S+?)[:\s]|^ {13}(\S+\.[jt]s):/gm)].map((m) => m[1] ?? m[2]!);
    expect(named.length).toBeGreaterThan(1);
    for (const line of explained.stdout.split('\n').filter((l) => named.some((path) => l.includes(path)))) {
      const path = named.find((p) => line.includes(p))!;
      if (!line.includes('(in the repository')) expect(existsSync(join(PROJECT, path)), `${path}, from: ${line}`).toBe(true);
    }
    const junit = join(PROJECT, 'out', 'junit.xml');
    mkdirSync(join(PROJECT, 'out'), { recursive: true });
    const broken = run(npx, ['--no-install', 'revoketoken-conformance', '--adapter', './broken-adapter.mjs', '--reporter', 'junit=out/junit.xml'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: PROJECT },
    });
    expect(broken.status).toBe(1);
    const files = [...readFileSync(junit, 'utf8').matchAll(/ file="([^"]+)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(10);
    expect(new Set(files)).toEqual(new Set(['broken-adapter.mjs']));
    const annotated = [...broken.stdout.matchAll(/^::error file=([^,]+),/gm)].map((m) => m[1]!);
    expect(annotated.length).toBeGreaterThan(0);
    expect(new Set(annotated)).toEqual(new Set(['broken-adapter.mjs']));
  });

  it('type-checks a TypeScript module (.mts, the project being CommonJS) that imports types, validators and schemas', () => {
    writeFileSync(
      join(PROJECT, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          resolveJsonModule: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['uses-the-contract.mts'],
      }),
    );
    const tsc = run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });

  it("answers the user's own msw server with the package's handlers", () => {
    const out = ok(run(process.execPath, ['own-msw-server.mjs']), 'own-msw-server.mjs');
    expect(JSON.parse(out)).toEqual({ status: 403, type: 'ForbiddenException' });
  });
});

// The Node this spec runs on is covered above; the other two majors run the CLI part.
const currentMajor = Number(process.versions.node.split('.')[0]);
describe.each([20, 22, 24].filter((major) => major !== currentMajor))('the installed CLI on Node %i', { timeout: 600_000 }, (major) => {
  let dir: string;
  beforeAll(() => {
    dir = nodeDir(major);
  });

  it('passes a passing adapter, fails a broken one, and loads a .ts adapter and a .ts config (Node 20: through tsx, after saying so)', () => {
    expect(ok(run('node', ['--version'], { nodeDir: dir }), 'node --version')).toMatch(new RegExp(`^v${major}\\.`));
    expect(conformance(['--adapter', './passing-adapter.mjs'], { nodeDir: dir }).status).toBe(0);
    expect(conformance(['--adapter', './broken-adapter.mjs'], { nodeDir: dir }).status).toBe(1);
    let typed = conformance(['--adapter', './typed-adapter.ts'], { nodeDir: dir });
    if (major < 22 && !existsSync(join(PROJECT, 'node_modules', 'tsx'))) {
      expect(typed.status).toBe(2);
      expect(typed.stderr).toContain('npm install --save-dev tsx');
      install(PROJECT, [`tsx@${ourVersionOf('tsx')}`]);
      typed = conformance(['--adapter', './typed-adapter.ts'], { nodeDir: dir });
    }
    expect(typed.status, typed.stderr).toBe(0);
    expect(typed.stdout).toContain('fetch client, in TypeScript');
    const configured = conformance([], { nodeDir: dir, cwd: typedConfigFolder() });
    expect(configured.status, configured.stderr).toBe(0);
    expect(configured.stdout).toMatch(/fetch client, in TypeScript[\s\S]*seed 7\b/);
  });
});

// The example user projects (examples/<name>/, each with its own package.json) run against the
// packed package: `npm test` must pass, and `npm run test:failing`, where the example has it,
// must fail (exit 1), so the example proves the integration reports a broken client.
const EXAMPLES = join(repoRoot, 'examples');
const examples = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((name) => existsSync(join(EXAMPLES, name, 'package.json'))) : [];

// Declared only when examples/ exists: before it does there is nothing to run (and no skip).
if (examples.length > 0)
  describe('the example user projects against the packed package', () => {
    it.each(examples)('examples/%s: npm test passes, npm run test:failing fails', (name) => {
      const folder = join(WORK, 'examples', name);
      cpSync(join(EXAMPLES, name), folder, { recursive: true, filter: (source) => !source.includes(`${name}/node_modules`) });
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
        scripts?: Record<string, string>;
      };
      for (const deps of [manifest.dependencies, manifest.devDependencies]) {
        if (deps?.['revoketoken-conformance'] !== undefined) deps['revoketoken-conformance'] = `file:${tarball}`;
        if (deps?.msw !== undefined) deps.msw = USERS_MSW;
      }
      writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      install(folder, []);
      const passing = run(npm, ['test'], { cwd: folder });
      expect(passing.status, `${passing.stdout}\n${passing.stderr}`).toBe(0);
      if (manifest.scripts?.['test:failing'] !== undefined) {
        const failing = run(npm, ['run', 'test:failing'], { cwd: folder });
        expect(failing.status, `${failing.stdout}\n${failing.stderr}`).toBe(1);
      }
    });
  });
