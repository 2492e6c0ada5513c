// `npm run generate`: rebuilds everything under generated/ from model/.
// `npm run generate -- --check`: builds into a scratch folder and reports (exit 1) any
// file under generated/ that differs from what the model produces now.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contractClosure } from './codegen/closure.ts';
import { compareTrees, type FileTree, writeTree } from './codegen/file-tree.ts';
import { buildSchemaFiles } from './codegen/json-schema.ts';
import { buildWithSmithy } from './codegen/smithy-build.ts';
import { copyGeneratedClient } from './codegen/typescript-client.ts';
import { buildValidatorFiles } from './codegen/validators.ts';
import { repoRoot } from './paths.ts';

export function generate(): FileTree {
  const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-smithy-'));
  try {
    const { ast, clientDir } = buildWithSmithy(scratch);
    const model = contractClosure(ast);
    const files: FileTree = new Map();
    files.set('model.json', `${JSON.stringify(model, null, 2)}\n`);
    for (const [name, text] of copyGeneratedClient(clientDir)) files.set(`client/${name}`, text);
    const schemas = buildSchemaFiles(model);
    for (const [name, text] of schemas) files.set(`schemas/${name}`, text);
    for (const [name, text] of buildValidatorFiles(schemas)) files.set(name, text);
    return files;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const target = join(repoRoot, 'generated');
  const files = generate();
  if (values.check) {
    const differences = compareTrees(files, target);
    if (differences.length > 0) {
      process.stderr.write(`generated/ is out of date with model/ (run npm run generate):\n${differences.map((d) => `  ${d}`).join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write(`generated/ matches model/ (${files.size} files)\n`);
    return;
  }
  writeTree(files, target);
  process.stdout.write(`wrote ${files.size} files under generated/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
