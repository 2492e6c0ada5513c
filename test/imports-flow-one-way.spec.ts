import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLayeringViolations } from '../tools/layering/check-layers.ts';

const root = join(import.meta.dirname, '..');
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'layering-'));
  scratch.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('imports flow one way along the pipeline', () => {
  it('holds for the whole harness and the generated contract: no cycle, no upward import', async () => {
    expect(await findLayeringViolations(['conformance', 'generated'], root)).toEqual([]);
  }, 120_000);

  it('catches a check that imports the command line', async () => {
    const dir = await tree({
      'conformance/checks/a.ts': "import { b } from '../cli/b.ts';\nexport const a = b;\n",
      'conformance/cli/b.ts': 'export const b = 1;\n',
    });
    expect(await findLayeringViolations(['conformance'], dir)).toEqual([
      { rule: 'checks-imports-no-higher-layer', from: 'conformance/checks/a.ts', to: 'conformance/cli/b.ts' },
    ]);
  }, 60_000);

  it('catches a cycle inside one layer', async () => {
    const dir = await tree({
      'conformance/run/x.ts': "import { y } from './y.ts';\nexport const x = () => y;\n",
      'conformance/run/y.ts': "import { x } from './x.ts';\nexport const y = () => x;\n",
    });
    const rules = (await findLayeringViolations(['conformance'], dir)).map((v) => v.rule);
    expect(rules).toContain('no-cycles');
  }, 60_000);

  it('lets tests reach into any layer', async () => {
    const dir = await tree({
      'conformance/checks/a.test.ts': "import { b } from '../cli/b.ts';\nexport const a = b;\n",
      'conformance/cli/b.ts': 'export const b = 1;\n',
    });
    expect(await findLayeringViolations(['conformance'], dir)).toEqual([]);
  }, 60_000);
});
