import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, whichever folder a script was started from. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
