import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: plain ESM script without declarations
import { runSmithy } from '../smithy/run.mjs';
import { repoRoot } from '../paths.ts';

export interface SmithyAst {
  smithy: string;
  metadata?: Record<string, unknown>;
  shapes: Record<string, { type: string; [key: string]: unknown }>;
}

/**
 * Runs `smithy build` on model/ with the TypeScript client generator and returns the JSON AST
 * and the folder the client was generated into. Smithy's own validation runs first; any
 * ERROR or DANGER event makes the build fail.
 */
export function buildWithSmithy(scratch: string): { ast: SmithyAst; clientDir: string } {
  const config = JSON.parse(readFileSync(join(repoRoot, 'smithy-build.json'), 'utf8'));
  config.sources = [join(repoRoot, 'model')];
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
