import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-reference-args.ts';

describe('parseServeArgs', () => {
  it('defaults to a free port on 127.0.0.1', () => {
    expect(parseServeArgs([])).toEqual({ kind: 'serve', port: 0, host: '127.0.0.1' });
  });

  it('takes a port and a loopback host', () => {
    expect(parseServeArgs(['--port', '9229', '--host', 'localhost'])).toEqual({ kind: 'serve', port: 9229, host: '127.0.0.1' });
    expect(parseServeArgs(['--port=65535', '--host=127.0.0.1'])).toEqual({ kind: 'serve', port: 65535, host: '127.0.0.1' });
  });

  it('recognises --help and -h', () => {
    expect(parseServeArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseServeArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses hosts that are not loopback', () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.10', 'example.com', '::1']) {
      const parsed = parseServeArgs(['--host', host]);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toContain('loopback');
    }
  });

  it('refuses bad ports, unknown flags and positionals', () => {
    for (const argv of [['--port', '-1'], ['--port', '65536'], ['--port', 'abc'], ['--port', '1.5'], ['--port', ''], ['--verbose'], ['serve'], ['--port']]) {
      expect(parseServeArgs(argv).kind, argv.join(' ')).toBe('error');
    }
  });
});
