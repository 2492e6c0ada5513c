import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type LintProblem, lintFixtures } from '../fixtures/lint.ts';
import type { ReceivedResponse } from '../server/wire/exchange.ts';
import { type RecordingOrigin, recordedFixture } from './recorded-fixture.ts';

/** What became of one recorded exchange. */
export type RecordOutcome = { kind: 'written'; path: string; id: string; problems: LintProblem[] } | { kind: 'not-written'; why: string };

// Past this many files a session records no more: --record is for a handful of exchanges to review.
const MAX_RECORDED = 1_000;

/** A word of letters and digits, each word capitalised, for the case id: `cognito-local` gives CognitoLocal. */
export function idWord(name: string): string {
  const word = name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part[0]!.toUpperCase()}${part.slice(1)}`)
    .join('');
  return /^[A-Za-z]/.test(word) ? word.slice(0, 40) : `Upstream${word.slice(0, 32)}`;
}

/**
 * Writes each recorded RevokeToken exchange into `dir` as a candidate fixture, in the folder the
 * linter expects for it, and lints it there: a file is written even when a lint rule breaks,
 * so the user can fix it, and the problems are given back to be printed. A file is never
 * overwritten: an id already in `fixtures/`, already used in this session or already a file
 * gets the next number.
 */
export class FixtureRecorder {
  readonly #dir: string;
  readonly #origin: RecordingOrigin;
  readonly #taken: Set<string>;
  #count = 0;

  constructor(dir: string, origin: RecordingOrigin, existingIds: Iterable<string>) {
    this.#dir = dir;
    this.#origin = origin;
    this.#taken = new Set(existingIds);
  }

  async record(requestBody: string, response: ReceivedResponse): Promise<RecordOutcome> {
    if (this.#count >= MAX_RECORDED) return { kind: 'not-written', why: `this session has recorded ${MAX_RECORDED} files already` };
    const candidate = recordedFixture('pending', requestBody, response, this.#origin);
    const { expect } = candidate.fixture;
    // The answer in the id: Success, the error's name, or the status where no name was sent.
    const answerWord = expect.outcome === 'success' ? 'Success' : expect.name !== undefined ? idWord(expect.name) : `Status${response.status}Answer`;
    for (let n = 1; n < 10_000; n += 1) {
      const id = `RevokeTokenRecorded${idWord(this.#origin.upstreamName)}${answerWord}${n}`;
      if (this.#taken.has(id)) continue;
      const fixture = { ...candidate.fixture, id };
      const folder = candidate.folder;
      const text = `${JSON.stringify(fixture, null, 2)}\n`;
      const path = join(this.#dir, ...folder.split('/'), `${id}.json`);
      await mkdir(join(this.#dir, ...folder.split('/')), { recursive: true });
      try {
        // 'wx': fails if the file exists, so nothing the user has is ever replaced.
        await writeFile(path, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          this.#taken.add(id);
          continue;
        }
        return { kind: 'not-written', why: `${path}: ${(error as Error).message}` };
      }
      this.#taken.add(id);
      this.#count += 1;
      const below = relative(process.cwd(), path);
      const shown = below === '' || below.startsWith('..') ? path : below;
      const problems = lintFixtures([{ file: shown, path, relativePath: `${folder}/${id}.json`, text }]);
      return { kind: 'written', path: shown, id, problems };
    }
    return { kind: 'not-written', why: 'no free case id' };
  }
}
