import { join } from 'node:path';
import type { MatrixData } from './matrix-data.ts';
import { renderPage } from './page.ts';
import { publishFolder } from './publish-folder.ts';

/** Publishes the static site in one step (publish-folder.ts): index.html (self-contained) and results.json (the same data). */
export function writeSite(data: MatrixData, outDir: string): { index: string; results: string } {
  const folder = publishFolder(outDir, { 'index.html': renderPage(data), 'results.json': `${JSON.stringify(data, null, 2)}\n` });
  return { index: join(folder, 'index.html'), results: join(folder, 'results.json') };
}
