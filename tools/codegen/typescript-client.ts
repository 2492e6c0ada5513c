import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The TypeScript client that smithy-typescript-codegen wrote, ready to commit: the src/
 * tree only (its package.json's dependencies are in ours), with relative imports given
 * explicit `.ts` extensions, the convention of this repository (tsc rewrites them to `.js`
 * on build, and tsx, vitest and Node's type stripping load them as they are). One more
 * rewrite: the runtime config reads its user-agent version from the generated package.json,
 * which we do not keep (a nested package.json would change how Node loads generated/), so
 * that import points at a small generated package-info.ts instead. Nothing else changes.
 */
export function copyGeneratedClient(clientDir: string): Map<string, string> {
  const src = join(clientDir, 'src');
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const name = relative(src, full).split('\\').join('/');
        files.set(name, addImportExtensions(readFileSync(full, 'utf8'), dirname(full)));
      }
    }
  };
  walk(src);
  const { name, version } = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8'));
  files.set(
    'package-info.ts',
    `// Written by tools/codegen/typescript-client.ts from the generated package.json.\nexport default ${JSON.stringify({ name, version })};\n`,
  );
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function addImportExtensions(source: string, dir: string): string {
  return source
    .replace(/import packageInfo from "\.\.\/package\.json";/, 'import packageInfo from "./package-info.ts";')
    .replace(/(from\s+|import\s*\(\s*)"(\.{1,2}\/[^"]*)"/g, (match: string, lead: string, specifier: string) => {
      if (/\.(ts|js|json)$/.test(specifier)) return match;
      if (existsSync(join(dir, `${specifier}.ts`))) return `${lead}"${specifier}.ts"`;
      if (existsSync(join(dir, specifier, 'index.ts'))) return `${lead}"${specifier}/index.ts"`;
      throw new Error(`cannot resolve import "${specifier}" in generated client folder ${dir}`);
    });
}
