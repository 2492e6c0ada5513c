import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

// The guard patches the fs module of the thread it is installed in, so each test installs it in a
// worker thread of its own (as the sandbox does) and runs the writes there: the test process's
// own fs is never touched. What the guard routes, and what it noticed, come back as a message.

const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs'),
).href;
const guardUrl = new URL('./direct-output-guard.ts', import.meta.url).href;

interface Outcome {
  routed: Array<[number, string]>;
  noticed: string[];
  result: unknown;
}

/** Runs `body` (the text of an async function of `fs`, `writeSync` (an ESM named import) and `dir`) in a worker with the guard installed. */
function inGuardedWorker(body: string): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'direct-output-'));
  const source = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(tsxApi)}).then(async (tsx) => {
      tsx.register();
      const { installDirectOutputGuard } = await import(${JSON.stringify(guardUrl)});
      const routed = [];
      const guard = installDirectOutputGuard((stream, text) => routed.push([stream, text]));
      const fs = (await import('node:fs')).default;
      const { writeSync } = await import('node:fs');
      let result;
      try {
        result = await (async (fs, writeSync, dir) => { ${body} })(fs, writeSync, ${JSON.stringify(dir)});
      } catch (error) {
        result = 'threw: ' + String(error);
      }
      parentPort.postMessage({ routed, noticed: guard.drain(), result });
    });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, stdout: true, stderr: true });
    worker.once('message', (outcome: Outcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('installDirectOutputGuard', () => {
  it('routes fs.writeSync to fd 1 and 2 (a string, and a Buffer through an ESM named import) and notes each', async () => {
    const outcome = await inGuardedWorker(`
      const a = fs.writeSync(1, 'to stdout\\n');
      const b = writeSync(2, Buffer.from('xx to stderr\\n'), 3);
      return [a, b];
    `);
    expect(outcome.result).toEqual([10, 10]);
    expect(outcome.routed).toEqual([
      [1, 'to stdout\n'],
      [2, 'to stderr\n'],
    ]);
    expect(outcome.noticed).toEqual([
      "wrote to the harness's stdout directly (fs.writeSync on fd 1); the output was passed through redaction instead",
      "wrote to the harness's stderr directly (fs.writeSync on fd 2); the output was passed through redaction instead",
    ]);
  });

  it('routes writes to every name of the harness’s stdout and stderr, and to a descriptor opened on one until it is closed', async () => {
    const outcome = await inGuardedWorker(`
      fs.writeFileSync('/dev/stdout', 'a');
      fs.appendFileSync('/dev/fd/2', 'b');
      fs.writeFileSync(new URL('file:///proc/self/fd/1'), 'c');
      fs.appendFileSync('/proc/' + process.pid + '/fd/2', 'd');
      await fs.promises.writeFile('//dev//stderr', 'e');
      await new Promise((resolve) => fs.write(1, 'f', resolve));
      const fd = fs.openSync('/dev/stdout', 'a');
      fs.writevSync(fd, [Buffer.from('g'), Buffer.from('h')]);
      fs.closeSync(fd);
      await new Promise((resolve) => fs.createWriteStream('/proc/self/fd/2').end('i', resolve));
      return 'done';
    `);
    expect(outcome.result).toBe('done');
    expect(outcome.routed.map(([stream, text]) => `${stream}${text}`).join(' ')).toBe('1a 2b 1c 2d 2e 1f 1g 1h 2i');
    expect(outcome.noticed.length).toBeGreaterThanOrEqual(8);
  });

  it('leaves reads, other files and other descriptors alone, also after an alias of stdout was closed (its number is usually reused)', async () => {
    const outcome = await inGuardedWorker(`
      // Opened for reading, it is not an output (and may not open at all: stdout may be a socket).
      try {
        fs.closeSync(fs.openSync('/dev/stdout', 'r'));
      } catch {}
      const file = dir + '/plain.txt';
      const alias = fs.openSync('/dev/stdout', 'w');
      fs.closeSync(alias);
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, 'kept in the file');
      fs.closeSync(fd);
      fs.appendFileSync(file, ', appended');
      return { file };
    `);
    expect(typeof outcome.result, String(outcome.result)).toBe('object');
    const { file } = outcome.result as { file: string };
    expect(readFileSync(file, 'utf8')).toBe('kept in the file, appended');
    expect(outcome.routed).toEqual([]);
    expect(outcome.noticed).toEqual([]);
  });
});
