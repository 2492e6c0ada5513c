import { describe, expect, it } from 'vitest';
import type { Adapter } from '../adapters/contract.ts';
import { watchRun } from './run-watchdog.ts';

const base = (close?: () => Promise<void>): Adapter & { kind: string; diagnostics: () => string } => ({
  name: 'x',
  kind: 'process',
  revokeToken: async () => ({ $metadata: {} }),
  diagnostics() {
    return this.name;
  },
  ...(close ? { close } : {}),
});
const context = { endpoint: 'http://127.0.0.1:1', region: 'us-east-1' } as never;

describe('watchRun', () => {
  it('passes everything else through, this included', () => {
    const { adapter } = watchRun(base(), { runTimeoutMs: 60_000 });
    expect((adapter as unknown as { kind: string }).kind).toBe('process');
    expect((adapter as unknown as { diagnostics: () => string }).diagnostics()).toBe('x');
    expect(adapter.close).toBeUndefined();
  });

  it('records a close() that never settles instead of waiting for it', async () => {
    const watchdog = watchRun(
      base(() => new Promise(() => {})),
      { runTimeoutMs: 60_000, closeTimeoutMs: 30 },
    );
    await watchdog.adapter.close!();
    expect(watchdog.tripped()).toEqual(["the adapter's close() did not finish within 30 ms after the last case: the process exits anyway"]);
  });

  it('fails every call once the run is spent, and says so once', async () => {
    const watchdog = watchRun(base(), { runTimeoutMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(watchdog.adapter.revokeToken({ Token: 't', ClientId: 'c' }, context)).rejects.toThrow(/--run-timeout/);
    await expect(watchdog.adapter.revokeToken({ Token: 't', ClientId: 'c' }, context)).rejects.toThrow(/--run-timeout/);
    expect(watchdog.tripped()).toHaveLength(1);
  });
});
