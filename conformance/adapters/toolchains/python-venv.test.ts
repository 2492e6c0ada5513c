// ensureVenv on throw-away requirements files that need no download (only comments, or a
// wheel path that does not exist), in temporary folders, so these tests never touch .venv/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureVenv, VenvError, venvNameFor } from './python-venv.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'venv-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const quiet = { log: () => {} };

function requirements(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('ensureVenv', () => {
  it('names each venv after its requirements file', () => {
    expect(venvNameFor('tools/python/requirements-fidelity.txt')).toBe('fidelity');
    expect(venvNameFor('/x/requirements-boto3-shim.txt')).toBe('boto3-shim');
    expect(venvNameFor('deps.txt')).toBe('deps');
  });

  it('builds once, reuses the venv while the file is unchanged, and rebuilds from scratch when it changes', () => {
    const file = requirements('requirements-a.txt', '# nothing to install\n');
    const venvDir = join(scratch, 'a');
    const first = ensureVenv(file, { ...quiet, venvDir });
    expect(first.built).toBe(true);
    expect(existsSync(first.python)).toBe(true);
    expect(ensureVenv(file, { ...quiet, venvDir }).built).toBe(false);

    const leftover = join(venvDir, 'leftover');
    writeFileSync(leftover, '');
    writeFileSync(file, '# still nothing, but a different file\n');
    expect(ensureVenv(file, { ...quiet, venvDir }).built).toBe(true);
    expect(existsSync(leftover)).toBe(false);
  });

  it('names the missing requirements file', () => {
    expect(() => ensureVenv(join(scratch, 'requirements-none.txt'), quiet)).toThrow(/requirements file not found: .*requirements-none\.txt/);
  });

  it('names the interpreter it could not start', () => {
    const file = requirements('requirements-c.txt', '# nothing\n');
    const attempt = () => ensureVenv(file, { ...quiet, venvDir: join(scratch, 'c'), python: 'no-such-python3' });
    expect(attempt).toThrow(VenvError);
    expect(attempt).toThrow(/could not start no-such-python3/);
  });

  it('says that pip failed and on which file, and leaves no stamp, so the next run tries again', () => {
    const file = requirements('requirements-d.txt', './no-such-package-1.0-py3-none-any.whl\n');
    const venvDir = join(scratch, 'd');
    expect(() => ensureVenv(file, { ...quiet, venvDir })).toThrow(/pip could not install .*requirements-d\.txt/);
    expect(existsSync(join(venvDir, '.requirements-sha256'))).toBe(false);
  });

  it('lets only one of several processes build the same venv, and rebuilds one whose interpreter is gone', async () => {
    const file = requirements('requirements-e.txt', '# nothing\n');
    const venvDir = join(scratch, 'e');
    const moduleUrl = new URL('./python-venv.mjs', import.meta.url).href;
    const script = `import(${JSON.stringify(moduleUrl)}).then((m) => { const r = m.ensureVenv(${JSON.stringify(file)}, { venvDir: ${JSON.stringify(venvDir)}, log: () => {} }); process.stdout.write(String(r.built)); })`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}`))));
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.sort()).toEqual(['false', 'false', 'true']);
    expect(existsSync(`${venvDir}.lock`)).toBe(false);

    // A venv links to the interpreter that made it; if that disappears, the stamp alone
    // must not make the venv count as ready.
    const { python } = ensureVenv(file, { ...quiet, venvDir });
    rmSync(python);
    expect(ensureVenv(file, { ...quiet, venvDir }).built).toBe(true);
  });
});
