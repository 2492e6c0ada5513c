import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatrixData } from './matrix-data.ts';
import { renderPage } from './page.ts';

/** Writes the static site: index.html (self-contained) and results.json (the same data). */
export function writeSite(data: MatrixData, outDir: string): { index: string; results: string } {
  mkdirSync(outDir, { recursive: true });
  const index = join(outDir, 'index.html');
  const results = join(outDir, 'results.json');
  writeFileSync(index, renderPage(data));
  writeFileSync(results, `${JSON.stringify(data, null, 2)}\n`);
  return { index, results };
}
