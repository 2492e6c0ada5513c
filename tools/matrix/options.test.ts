import { describe, expect, it } from 'vitest';
import { runMatrix } from './main.ts';
import { DEFAULT_OUT, parseMatrixOptions } from './options.ts';

async function run(argv: string[]) {
  let stderr = '';
  const io = {
    stdout: { write: () => true } as never,
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    } as never,
  };
  return { code: await runMatrix(argv, io), stderr };
}

describe('npm run matrix flags', () => {
  it('defaults to the site folder under conformance-results/', () => {
    expect(parseMatrixOptions([])).toMatchObject({ out: DEFAULT_OUT, check: false, write: false, lanes: [] });
  });

  it.each([
    [['--bogus'], '--bogus'],
    [['--out'], '--out'],
    [['--lane', 'nope'], '--lane nope'],
    [['--lane-timeout', '0'], '--lane-timeout'],
    [['--check', '--write'], '--check and --write'],
    [['--check', '--lane', 'boto3'], '--lane'],
    [['--write', '--seed', '3'], '--seed'],
  ])('refuses %j with exit code 2, naming the flag', async (argv, named) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(named);
  });
});
