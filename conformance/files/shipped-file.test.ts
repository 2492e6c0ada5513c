import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFile } from '../report/report-file.ts';
import { fromWorkingDirectory, inUsersRepository, shippedFile } from './shipped-file.ts';

function packageFolder(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'shipped-file-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

describe('shippedFile', () => {
  it('names the source in a clone, the compiled module in an installed package, and the repository path for neither', () => {
    const clone = packageFolder(['conformance/checks/x.ts', 'dist/conformance/checks/x.js']);
    expect(shippedFile('conformance/checks/x.ts', clone)).toBe(join(clone, 'conformance/checks/x.ts'));
    const installed = packageFolder(['dist/conformance/checks/x.js', 'fixtures/a.json']);
    expect(shippedFile('conformance/checks/x.ts', installed)).toBe(join(installed, 'dist/conformance/checks/x.js'));
    expect(shippedFile('fixtures/a.json', installed)).toBe(join(installed, 'fixtures/a.json'));
    expect(shippedFile('conformance/self-test/only-here.ts', installed)).toBe(join(installed, 'conformance/self-test/only-here.ts'));
  });
});

describe("the user's repository", () => {
  it('holds what is below the working directory, but nothing inside node_modules or above it', () => {
    expect(inUsersRepository('/work/project/src/adapter.ts', '/work/project')).toBe(true);
    expect(inUsersRepository('/work/project/node_modules/revoketoken-conformance/fixtures/a.json', '/work/project')).toBe(false);
    expect(inUsersRepository('/work/other/a.json', '/work/project')).toBe(false);
    expect(fromWorkingDirectory('/work/project/node_modules/p/dist/x.js', '/work/project')).toBe('node_modules/p/dist/x.js');
  });

  it("points a report at the user's adapter when the case's file is in the installed package, and at the case's file otherwise", () => {
    const cwd = mkdtempSync(join(tmpdir(), 'users-project-'));
    const installedFixture = join(cwd, 'node_modules', 'revoketoken-conformance', 'fixtures', 'a.json');
    expect(reportFile(installedFixture, cwd, './my-adapter.ts')).toBe('my-adapter.ts');
    expect(reportFile(installedFixture, cwd)).toBe('node_modules/revoketoken-conformance/fixtures/a.json');
    expect(reportFile(join(cwd, 'my-fixtures', 'b.json'), cwd, './my-adapter.ts')).toBe('my-fixtures/b.json');
  });
});
