import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binDir, buildGoProgram, GoBuildError } from './go-build.mjs';

const SHIM = 'conformance/adapters/shims/aws-sdk-go-v2';
const quiet = () => {};
const temporary: string[] = [];
afterAll(() => {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

describe('buildGoProgram', () => {
  it('builds once, then reuses the binary until a source changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'go-build-test-'));
    temporary.push(copy);
    cpSync(SHIM, copy, { recursive: true });
    const name = `build-test-${process.pid}`;
    temporary.push(join(binDir, name), join(binDir, `${name}.sha256`));

    const first = buildGoProgram({ moduleDir: copy, name, log: quiet });
    expect(first.built).toBe(true);
    expect(existsSync(first.binary)).toBe(true);
    expect(buildGoProgram({ moduleDir: copy, name, log: quiet })).toEqual({ binary: first.binary, built: false });

    appendFileSync(join(copy, 'main.go'), '\n// changed\n');
    expect(buildGoProgram({ moduleDir: copy, name, log: quiet }).built).toBe(true);
    // Build tags are part of what is built.
    expect(buildGoProgram({ moduleDir: copy, name, tags: ['fault_unknown_error'], log: quiet }).built).toBe(true);
  }, 600_000);

  it('names what failed: no module, no toolchain, a compile error', () => {
    expect(() => buildGoProgram({ moduleDir: tmpdir(), log: quiet })).toThrow(/no go\.mod in/);
    expect(() => buildGoProgram({ moduleDir: SHIM, go: '/nonexistent/go', log: quiet })).toThrow(/the Go toolchain \(`\/nonexistent\/go`\) was not found/);

    const copy = mkdtempSync(join(tmpdir(), 'go-build-test-'));
    temporary.push(copy);
    cpSync(SHIM, copy, { recursive: true });
    appendFileSync(join(copy, 'main.go'), '\nfunc broken() { undefinedThing() }\n');
    const name = `build-test-broken-${process.pid}`;
    let error: unknown;
    try {
      buildGoProgram({ moduleDir: copy, name, log: quiet });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoBuildError);
    expect((error as Error).message).toMatch(/`go build .*` in .* failed \(exit 1\)\.[\s\S]*undefined: undefinedThing/);
    expect(existsSync(join(binDir, name))).toBe(false);
  }, 600_000);
});
