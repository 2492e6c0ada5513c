import { appendFileSync, chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJavaProgram, JavaBuildError, javaCacheDir } from './java-build.mjs';

const SHIM = 'conformance/adapters/shims/aws-sdk-java-v2';
const MAIN = join('src', 'main', 'java', 'conformance', 'shim', 'Main.java');
const quiet = () => {};
const temporary: string[] = [];
afterAll(() => {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

function copyOfShim(): string {
  const copy = mkdtempSync(join(tmpdir(), 'java-build-test-'));
  temporary.push(copy);
  cpSync(join(SHIM, 'pom.xml'), join(copy, 'pom.xml'));
  cpSync(join(SHIM, 'src'), join(copy, 'src'), { recursive: true });
  return copy;
}

describe('buildJavaProgram', () => {
  it('builds once, then reuses the output until a source changes', () => {
    const copy = copyOfShim();
    const name = `build-test-${process.pid}`;
    temporary.push(join(javaCacheDir, name), join(javaCacheDir, `${name}.sha256`));

    const first = buildJavaProgram({ projectDir: copy, name, log: quiet });
    expect(first.built).toBe(true);
    expect(first.classpath[0]).toBe(join(first.outputDir, 'classes'));
    expect(existsSync(join(first.outputDir, 'classes', 'conformance', 'shim', 'Main.class'))).toBe(true);
    expect(first.classpath.some((entry) => /cognitoidentityprovider-2\.57\.8\.jar$/.test(entry))).toBe(true);
    expect(first.classpath.some((entry) => /netty/.test(entry))).toBe(false);
    expect(readFileSync(first.argFile, 'utf8')).toBe(`-cp "${first.classpath.join(delimiter)}"\n`);
    expect(buildJavaProgram({ projectDir: copy, name, log: quiet })).toEqual({ ...first, built: false });

    appendFileSync(join(copy, MAIN), '\n// changed\n');
    expect(buildJavaProgram({ projectDir: copy, name, log: quiet }).built).toBe(true);
  }, 600_000);

  it('goes online when an empty local repository cannot even map a goal prefix to its plugin', () => {
    // A stand-in for mvn: offline (-o) it fails as Maven 3.8 does with an empty ~/.m2; online it
    // writes what compile and dependency:build-classpath would.
    const bin = mkdtempSync(join(tmpdir(), 'java-build-fake-mvn-'));
    temporary.push(bin);
    const mvn = join(bin, 'mvn');
    writeFileSync(
      mvn,
      [
        '#!/bin/sh',
        'if [ "$2" = "-version" ]; then echo "Apache Maven 0.0.0 (stand-in)"; exit 0; fi',
        'if [ "$1" = "-o" ]; then echo "[ERROR] No plugin found for prefix \'dependency\' in the current project"; exit 1; fi',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
        'for arg in "$@"; do case "$arg" in -Dshim.buildDirectory=*) out="${arg#-Dshim.buildDirectory=}";; esac; done',
        'mkdir -p "$out/classes" && printf "" > "$out/classpath.txt"',
      ].join('\n'),
    );
    chmodSync(mvn, 0o755);
    const name = `build-test-empty-repository-${process.pid}`;
    temporary.push(join(javaCacheDir, name), join(javaCacheDir, `${name}.sha256`));
    const lines: string[] = [];
    const built = buildJavaProgram({ projectDir: copyOfShim(), name, mvn, log: (line) => lines.push(line) });
    expect(built.built).toBe(true);
    expect(lines.join('\n')).toMatch(/resolving from the configured repositories/);
  });

  it('names what failed: no project, no toolchain, a compile error', () => {
    expect(() => buildJavaProgram({ projectDir: tmpdir(), log: quiet })).toThrow(/no pom\.xml in/);
    expect(() => buildJavaProgram({ projectDir: SHIM, java: '/nonexistent/java', log: quiet })).toThrow(/Java \(`\/nonexistent\/java`\) was not found/);
    expect(() => buildJavaProgram({ projectDir: SHIM, mvn: '/nonexistent/mvn', log: quiet })).toThrow(/Maven \(`\/nonexistent\/mvn`\) was not found/);

    const copy = copyOfShim();
    appendFileSync(join(copy, MAIN), '\nclass Broken { void broken() { undefinedThing(); } }\n');
    const name = `build-test-broken-${process.pid}`;
    let error: unknown;
    try {
      buildJavaProgram({ projectDir: copy, name, log: quiet });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JavaBuildError);
    expect((error as Error).message).toMatch(/`mvn .*compile.*` in .* failed \(exit 1\)\. The Java sources do not compile\.[\s\S]*cannot find symbol/);
    expect(existsSync(join(javaCacheDir, name))).toBe(false);
  }, 600_000);
});
