/** The repository's root folder, whichever folder a script was started from. */
export { packageRoot as repoRoot } from '../conformance/package-root.ts';
