import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from './catalogue.ts';

/** Repository path of the list of entries the suite does not catch yet. */
export const SURVIVORS_FILE = 'conformance/self-test/fault-catalogue/survivors.json';

/**
 * The ids of the known survivors, read from survivors.json. A file that is not that list, or
 * names an entry the catalogue does not have or names one twice, is an error naming the file
 * and the field, so a stale list cannot pass unnoticed.
 */
export function loadSurvivors(root: string): Set<string> {
  const path = join(root, SURVIVORS_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${SURVIVORS_FILE}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const list = (parsed as { survivors?: unknown })?.survivors;
  if (!Array.isArray(list)) throw new Error(`${SURVIVORS_FILE}: "survivors" must be a list of { "id": ... } entries`);
  const known = new Set(CATALOGUE.map((e) => e.id));
  const ids = new Set<string>();
  for (const [index, item] of list.entries()) {
    const id = (item as { id?: unknown })?.id;
    if (typeof id !== 'string') throw new Error(`${SURVIVORS_FILE}: survivors[${index}].id must be a string`);
    if (!known.has(id)) throw new Error(`${SURVIVORS_FILE}: survivors[${index}].id "${id}" is not an entry of the catalogue (catalogue.ts)`);
    if (ids.has(id)) throw new Error(`${SURVIVORS_FILE}: survivors[${index}].id "${id}" is listed twice`);
    ids.add(id);
  }
  return ids;
}
