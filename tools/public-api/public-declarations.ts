import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A top-level declaration whose doc comment carries `@public`. */
export interface PublicDeclaration {
  name: string;
  file: string;
}

function declaredNames(node: ts.Node): string[] {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (node as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/** Every `@public` declaration in the harness's source files (tests and their helpers left out). */
export function publicDeclarations(repoRoot: string, folder = 'conformance'): PublicDeclaration[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', folder], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !/\.(test|spec)\.ts$|\/test-fixtures\/|\/test-support\.ts$|\/e2e\//.test(f));
  const found: PublicDeclaration[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'public')) for (const name of declaredNames(node)) found.push({ name, file });
    });
  }
  return found;
}

/** The names a module exports, as the TypeScript compiler resolves them (re-exports followed). */
export function exportedNames(repoRoot: string, entry: string): string[] {
  const program = ts.createProgram([join(repoRoot, entry)], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    resolveJsonModule: true,
    allowJs: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(repoRoot, entry));
  if (!source) throw new Error(`${entry}: not found`);
  const symbol = checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : [];
}
