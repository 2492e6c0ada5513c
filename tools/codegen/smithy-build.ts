import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';
// @ts-expect-error: plain ESM script without declarations
import { runSmithy } from '../smithy/run.mjs';

export interface SmithyAst {
  smithy: string;
  metadata?: Record<string, unknown>;
  shapes: Record<string, { type: string; [key: string]: unknown }>;
}

/**
 * The Smithy files of a model folder. model/ also holds the contract history (HISTORY.md,
 * revisions.json), which Smithy would otherwise try to load and warn about.
 */
export function smithySources(modelDir: string = join(repoRoot, 'model')): string[] {
  return readdirSync(modelDir)
    .filter((name) => name.endsWith('.smithy'))
    .sort()
    .map((name) => join(modelDir, name));
}

/**
 * Runs `smithy build` on model/ with the TypeScript client generator and returns the JSON AST
 * and the folder the client was generated into. Smithy's own validation runs first; any
 * ERROR or DANGER event makes the build fail. `modelDir` builds another copy of the model
 * instead (the fidelity proof test builds a deliberately altered one).
 */
export function buildWithSmithy(scratch: string, modelDir: string = join(repoRoot, 'model')): { ast: SmithyAst; clientDir: string } {
  const config = JSON.parse(readFileSync(join(repoRoot, 'smithy-build.json'), 'utf8'));
  config.sources = smithySources(modelDir);
  config.outputDirectory = join(scratch, 'out');
  const configPath = join(scratch, 'smithy-build.json');
  writeFileSync(configPath, JSON.stringify(config));
  const result = runSmithy(['build', '--discover', '--quiet', '--severity', 'DANGER', '-c', configPath], { capture: true });
  if (result.status !== 0) {
    throw new Error(`smithy build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const projection = join(scratch, 'out', 'source');
  const ast = JSON.parse(readFileSync(join(projection, 'model', 'model.json'), 'utf8')) as SmithyAst;
  return { ast, clientDir: join(projection, 'typescript-client-codegen') };
}
