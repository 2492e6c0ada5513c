import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.ts';
import { MAX_USER_FRAMES, rawStackOf, userStack } from './crash-stack.ts';

const suiteFrame = `    at executeCase (${join(packageRoot, 'conformance', 'run', 'run-case.ts')}:130:9)`;
const STACK = [
  "TypeError: Cannot read properties of null (reading 'message')",
  '    at decode (file:///home/me/app/src/client.mjs:14:22)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async revokeToken (/home/me/app/my-adapter.mjs:9:5)',
  '    at async send (/home/me/app/node_modules/some-http/index.js:40:3)',
  suiteFrame,
  '    at new Promise (<anonymous>)',
].join('\n');

describe('userStack', () => {
  it("keeps the message and the user's frames, relative to the run's folder, and counts what it left out", () => {
    expect(userStack(STACK, { cwd: '/home/me/app' })).toBe(
      [
        "TypeError: Cannot read properties of null (reading 'message')",
        '    at decode (src/client.mjs:14:22)',
        '    at async revokeToken (my-adapter.mjs:9:5)',
        '    (4 frames in node, node_modules or the suite left out)',
      ].join('\n'),
    );
  });

  it('keeps absolute paths outside the folder', () => {
    expect(userStack(STACK, { cwd: '/elsewhere' })).toContain('    at decode (/home/me/app/src/client.mjs:14:22)');
  });

  it('drops the suite by its own folders, not by any folder named conformance', () => {
    const users = '    at mine (/home/me/app/conformance/my-adapter.mjs:3:1)';
    const trimmed = userStack(`Error: x\n${suiteFrame}\n${users}`, { cwd: '/home/me/app' });
    expect(trimmed).toBe('Error: x\n    at mine (conformance/my-adapter.mjs:3:1)\n    (1 frame in node, node_modules or the suite left out)');
  });

  it('says nothing when no frame is the user own (a crash inside a dependency or the harness)', () => {
    expect(userStack(`TypeError: x\n${suiteFrame}\n    at node:internal/x:1:1`, { cwd: '/' })).toBeUndefined();
    expect(userStack('TypeError: x', { cwd: '/' })).toBeUndefined();
  });

  it('caps the frames shown and says how many more there were', () => {
    const deep = ['RangeError: too deep', ...Array.from({ length: MAX_USER_FRAMES + 3 }, (_, i) => `    at f${i} (/app/a.mjs:${i + 1}:1)`)].join('\n');
    const lines = userStack(deep, { cwd: '/app' })!.split('\n');
    expect(lines).toHaveLength(1 + MAX_USER_FRAMES + 1);
    expect(lines.at(-1)).toBe('    (3 more frames of yours)');
  });
});

describe('rawStackOf', () => {
  it('reads a real stack, and never throws on a hostile or missing one', () => {
    expect(rawStackOf(new TypeError('boom'))).toMatch(/^TypeError: boom\n\s+at /);
    const hostile = Object.defineProperty(new Error('x'), 'stack', {
      get() {
        throw new Error('no');
      },
    });
    expect(rawStackOf(hostile)).toBeUndefined();
    expect(rawStackOf('a string')).toBeUndefined();
    expect(rawStackOf({ stack: 'x'.repeat(100_000) })).toHaveLength(16_000);
  });
});
