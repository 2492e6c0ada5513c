import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SEQUENCES } from '../conformance/properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../conformance/properties/index.ts';
import { CATALOGUE } from '../conformance/self-test/fault-catalogue/catalogue.ts';
import { SERVER_FAULT_CATALOGUE } from '../conformance/self-test/server-fault-catalogue/server-fault-catalogue.ts';

// Figures the README and BENCHMARKS.md state about the suite itself are read from the code
// here, so a change that moves one and leaves the prose behind fails the build.
const root = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

function fixtureFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return name.endsWith('.json') && name !== 'fixture.schema.json' ? [path] : [];
  });
}

const survivorCount = (file: string) => (JSON.parse(read(file)) as { survivors: unknown[] }).survivors.length;

/** "caught N of M" for a catalogue, from its entries and its checked-in survivors. */
function catalogueScore(entries: number, survivorsFile: string): string {
  const caught = entries - survivorCount(survivorsFile);
  return `${caught} of ${entries} (${Math.round((100 * caught) / entries)}%)`;
}

describe('the figures the docs state', () => {
  const fixtures = fixtureFiles(join(root, 'fixtures')).length;
  const cases = fixtures + CLIENT_PROPERTIES.length + CLIENT_SEQUENCES.length;

  it("the README's quick start shows the default run's case count", () => {
    const line = /^(\d+) passed, 0 failed \((\d+) cases,/m.exec(read('README.md'));
    expect(line, 'the quick start output line').not.toBeNull();
    expect(Number(line![1])).toBe(cases);
    expect(Number(line![2])).toBe(cases);
  });

  it('every fixture count in README.md and BENCHMARKS.md is the number of fixture files', () => {
    for (const file of ['README.md', 'BENCHMARKS.md']) {
      for (const match of read(file).matchAll(/\b(\d+) fixtures\b/g)) expect(Number(match[1]), `${file}: "${match[0]}"`).toBe(fixtures);
    }
  });

  it('the fault catalogue scores in README.md and BENCHMARKS.md are the ones the survivors lists give', () => {
    const client = catalogueScore(CATALOGUE.length, 'conformance/self-test/fault-catalogue/survivors.json');
    const server = catalogueScore(SERVER_FAULT_CATALOGUE.length, 'conformance/self-test/server-fault-catalogue/survivors.json');
    for (const file of ['README.md', 'BENCHMARKS.md']) {
      expect(read(file), `${file}: client catalogue`).toContain(`client catalogue: caught ${client}`);
      expect(read(file), `${file}: server catalogue`).toContain(`server catalogue: caught ${server}`);
    }
  });
});
