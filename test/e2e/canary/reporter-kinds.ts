import { join } from 'node:path';

/**
 * The reporters every canary run uses at once, one line each: the `--reporter` value, and the
 * file it writes (none for reporters that print to the console, which the specs read anyway).
 * A new reporter is one more line here.
 */
export const REPORTER_KINDS: ReadonlyArray<{ name: string; flag: (dir: string) => string; file?: (dir: string) => string }> = [
  { name: 'human', flag: () => 'human' },
  { name: 'json', flag: (dir) => `json=${join(dir, 'report.json')}`, file: (dir) => join(dir, 'report.json') },
  { name: 'junit', flag: (dir) => `junit=${join(dir, 'report.xml')}`, file: (dir) => join(dir, 'report.xml') },
];
