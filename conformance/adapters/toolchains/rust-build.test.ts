import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binDir, buildRustProgram, RustBuildError } from './rust-build.mjs';

const SHIM = 'conformance/adapters/shims/aws-sdk-rust';
const quiet = () => {};
const temporary: string[] = [];
afterAll(() => {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

/** A copy of the shim's crate (same package name, so it shares the shim's cargo target folder and its compiled SDK). */
function copyOfShim(): string {
  const copy = mkdtempSync(join(tmpdir(), 'rust-build-test-'));
  temporary.push(copy);
  cpSync(SHIM, copy, { recursive: true, filter: (source) => !source.endsWith('/target') });
  return copy;
}

describe('buildRustProgram', () => {
  it('builds once, then reuses the binary until a source changes', () => {
    const copy = copyOfShim();
    const name = `build-test-${process.pid}`;
    temporary.push(join(binDir, name), join(binDir, `${name}.sha256`));

    const first = buildRustProgram({ crateDir: copy, name, log: quiet });
    expect(first.built).toBe(true);
    expect(existsSync(first.binary)).toBe(true);
    expect(buildRustProgram({ crateDir: copy, name, log: quiet })).toEqual({ binary: first.binary, built: false });

    appendFileSync(join(copy, 'src', 'main.rs'), '\n// changed\n');
    expect(buildRustProgram({ crateDir: copy, name, log: quiet }).built).toBe(true);
    // Cargo features are part of what is built.
    expect(buildRustProgram({ crateDir: copy, name, features: ['fault_unknown_error'], log: quiet }).built).toBe(true);
  }, 900_000);

  it('names what failed: no crate, no lock file, no toolchain, a compile error', () => {
    expect(() => buildRustProgram({ crateDir: tmpdir(), log: quiet })).toThrow(/no Cargo\.toml in/);
    const unlocked = copyOfShim();
    rmSync(join(unlocked, 'Cargo.lock'));
    expect(() => buildRustProgram({ crateDir: unlocked, log: quiet })).toThrow(/no Cargo\.lock in .*cargo generate-lockfile/);
    expect(() => buildRustProgram({ crateDir: SHIM, cargo: '/nonexistent/cargo', log: quiet })).toThrow(
      /the Rust toolchain's cargo \(`\/nonexistent\/cargo`\) was not found/,
    );

    const copy = copyOfShim();
    appendFileSync(join(copy, 'src', 'main.rs'), '\nfn broken() { undefined_thing() }\n');
    const name = `build-test-broken-${process.pid}`;
    let error: unknown;
    try {
      buildRustProgram({ crateDir: copy, name, log: quiet });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RustBuildError);
    expect((error as Error).message).toMatch(/`cargo build --locked .*` in .* failed \(exit 101\)\.[\s\S]*cannot find function `undefined_thing`/);
    expect(existsSync(join(binDir, name))).toBe(false);
  }, 900_000);
});
