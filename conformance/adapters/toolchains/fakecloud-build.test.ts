import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  buildKey,
  cacheRoot,
  ensureFakecloud,
  FAKECLOUD_CRATE_SHA256,
  FAKECLOUD_VERSION,
  FakecloudBuildError,
  installPaths,
  isCurrent,
} from './fakecloud-build.mjs';
import { repoRoot } from './python-venv.mjs';

// Stand-ins for cargo and rustc: the real cold build takes well over an hour (BENCHMARKS.md).
const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-fakecloud-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const rustc = (release: string) => script(`rustc-${release}`, `console.log('rustc ${release}\\nhost: x86_64-unknown-linux-gnu');`);
const RUSTC = rustc('1.95.0');

/** A cargo whose `install` writes a fakecloud that reports `reports`, and counts its calls in `calls`. */
function fakeCargo(name: string, reports = `fakecloud ${FAKECLOUD_VERSION}`): { cargo: string; calls: string } {
  const calls = join(scratch, `${name}.calls`);
  writeFileSync(calls, '');
  const cargo = script(
    name,
    `const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2);
if (args[0] === '-V') { console.log('cargo 1.95.0'); process.exit(0); }
fs.appendFileSync(${JSON.stringify(calls)}, args.join(' ') + '\\n');
const root = args[args.indexOf('--root') + 1];
fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
const binary = path.join(root, 'bin', 'fakecloud');
fs.writeFileSync(binary, '#!' + process.execPath + '\\nconsole.log(' + JSON.stringify(${JSON.stringify(reports)}) + ');\\n');
fs.chmodSync(binary, 0o755);`,
  );
  return { cargo, calls };
}

const savedCargoHome = process.env['CARGO_HOME'];
afterEach(() => {
  if (savedCargoHome === undefined) delete process.env['CARGO_HOME'];
  else process.env['CARGO_HOME'] = savedCargoHome;
});

describe('the fakecloud build cache', () => {
  it('lives in the clone unless REVOKETOKEN_TOOLCHAIN_CACHE names a folder outside it', () => {
    expect(cacheRoot({})).toBe(join(repoRoot, '.cache', 'fakecloud-build'));
    expect(cacheRoot({ REVOKETOKEN_TOOLCHAIN_CACHE: '' })).toBe(join(repoRoot, '.cache', 'fakecloud-build'));
    expect(cacheRoot({ REVOKETOKEN_TOOLCHAIN_CACHE: '/var/cache/ci' })).toBe('/var/cache/ci/fakecloud-build');
  });

  it('keys a build by the toolchain, so another compiler never reuses it', () => {
    const { cargo } = fakeCargo('cargo-key');
    const key = buildKey({ cargo, rustc: RUSTC });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(buildKey({ cargo, rustc: RUSTC })).toBe(key);
    expect(buildKey({ cargo, rustc: rustc('1.96.0') })).not.toBe(key);
    expect(installPaths(key, '/c').installDir).toBe(`/c/fakecloud-${FAKECLOUD_VERSION}-${key.slice(0, 16)}`);
  });

  it('builds once, then reuses the build while its stamp and binary hold, and builds again when the binary changed', () => {
    process.env['CARGO_HOME'] = join(scratch, 'empty-cargo-home');
    const root = join(scratch, 'cache-reuse');
    const { cargo, calls } = fakeCargo('cargo-reuse');
    const first = ensureFakecloud({ cargo, rustc: RUSTC, root, log: () => {} });
    expect(first.built).toBe(true);
    expect(first.binary).toBe(installPaths(first.key, root).binary);
    expect(readFileSync(calls, 'utf8')).toContain(`install --locked --version ${FAKECLOUD_VERSION} --root `);
    expect(readFileSync(calls, 'utf8')).toContain(`--target-dir ${join(root, 'target')}`);

    expect(ensureFakecloud({ cargo, rustc: RUSTC, root, log: () => {} })).toMatchObject({ built: false, binary: first.binary });
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);

    writeFileSync(first.binary, `${readFileSync(first.binary, 'utf8')}// changed on disk\n`);
    expect(isCurrent(installPaths(first.key, root), first.key)).toBe(false);
    expect(ensureFakecloud({ cargo, rustc: RUSTC, root, log: () => {} }).built).toBe(true);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('does not start a missing build when told not to, and names the command that builds it', () => {
    const root = join(scratch, 'cache-no-build');
    const { cargo, calls } = fakeCargo('cargo-no-build');
    expect(() => ensureFakecloud({ cargo, rustc: RUSTC, root, log: () => {}, build: false })).toThrow(
      /is not built for this toolchain yet .*node conformance\/adapters\/toolchains\/fakecloud-build\.mjs/,
    );
    expect(existsSync(calls) ? readFileSync(calls, 'utf8').trim() : '').toBe('');
  });

  it('refuses a build that reports another version, and leaves nothing that looks current', () => {
    process.env['CARGO_HOME'] = join(scratch, 'empty-cargo-home');
    const root = join(scratch, 'cache-wrong-version');
    const { cargo } = fakeCargo('cargo-wrong-version', 'fakecloud 0.50.0');
    expect(() => ensureFakecloud({ cargo, rustc: RUSTC, root, log: () => {} })).toThrow(/reports "fakecloud 0\.50\.0", not fakecloud 0\.51\.0/);
    const key = buildKey({ cargo, rustc: RUSTC });
    expect(isCurrent(installPaths(key, root), key)).toBe(false);
    expect(readdirSync(root).filter((entry) => entry.startsWith('fakecloud-'))).toEqual([]);
  });

  it('refuses a fetched crate whose checksum is not the pinned one', () => {
    const cargoHome = join(scratch, 'tampered-cargo-home');
    mkdirSync(join(cargoHome, 'registry', 'cache', 'index.example'), { recursive: true });
    writeFileSync(join(cargoHome, 'registry', 'cache', 'index.example', `fakecloud-${FAKECLOUD_VERSION}.crate`), 'not the published crate');
    process.env['CARGO_HOME'] = cargoHome;
    const { cargo } = fakeCargo('cargo-tampered');
    expect(() => ensureFakecloud({ cargo, rustc: RUSTC, root: join(scratch, 'cache-tampered'), log: () => {} })).toThrow(
      `not the pinned ${FAKECLOUD_CRATE_SHA256}`,
    );
  });

  it('names the failed cargo command, with a hint when crates.io was out of reach', () => {
    const failing = script(
      'cargo-offline',
      `if (process.argv[2] === '-V') { console.log('cargo 1.95.0'); process.exit(0); }
process.stderr.write('error: failed to download from https://index.crates.io/config.json\\n'); process.exit(101);`,
    );
    const attempt = () => ensureFakecloud({ cargo: failing, rustc: RUSTC, root: join(scratch, 'cache-offline'), log: () => {} });
    expect(attempt).toThrow(FakecloudBuildError);
    expect(attempt).toThrow(/`cargo install --locked --version 0\.51\.0 .*` failed \(exit 101\)\. The first build downloads fakecloud/);
    expect(() => ensureFakecloud({ cargo: join(scratch, 'no-such-cargo'), rustc: RUSTC, log: () => {} })).toThrow(
      /the Rust toolchain's cargo .* was not found/,
    );
  });
});
