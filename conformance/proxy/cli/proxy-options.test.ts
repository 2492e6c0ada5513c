import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROXY_USAGE, parseProxyOptions } from './proxy-options.ts';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the proxy command line', () => {
  it('reads every flag, with redaction on unless --no-redact', async () => {
    const options = await parseProxyOptions([
      '--upstream',
      'http://127.0.0.1:9229',
      '--port',
      '9230',
      '--max-requests',
      '5',
      '--duration',
      '60',
      '--upstream-timeout',
      '250',
    ]);
    expect(options).toMatchObject({
      upstream: 'http://127.0.0.1:9229',
      port: 9230,
      maxRequests: 5,
      durationMs: 60_000,
      upstreamTimeoutMs: 250,
      redact: true,
      allowRemote: false,
    });
    expect((await parseProxyOptions(['--upstream', 'http://127.0.0.1:1', '--no-redact'])).redact).toBe(false);
  });

  it('refuses a --record that is a file, naming the flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxy-options-'));
    scratch.push(dir);
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await expect(parseProxyOptions(['--upstream', 'http://127.0.0.1:1', '--record', file])).rejects.toThrow(/--record .*a-file: is not a folder/);
  });

  it('states the caps in --help', () => {
    expect(PROXY_USAGE).toMatch(/request bodies up to 1 MiB, answers up to 1 MiB, 10000 ms per answer; redirects are never followed/);
  });
});
