import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AdapterLoadError, BUILT_IN_ADAPTERS, loadAdapter } from './load.ts';

describe('the built-in adapters', () => {
  it('each name a module that exists', () => {
    for (const [name, path] of Object.entries(BUILT_IN_ADAPTERS))
      expect(existsSync(fileURLToPath(new URL(path, import.meta.url))), `${name}: ${path}`).toBe(true);
  });
});

describe('loadAdapter', () => {
  it('loads an in-process built-in by name', async () => {
    const { adapter, builtIn } = await loadAdapter('aws-sdk-v3', { caseTimeoutMs: 1000, region: 'us-east-1' });
    expect([adapter.name, builtIn]).toEqual([expect.stringContaining('client-cognito-identity-provider'), 'aws-sdk-v3']);
  });

  it('refuses an unknown name, naming the built-ins', async () => {
    await expect(loadAdapter('no-such-sdk', { caseTimeoutMs: 1000, region: 'us-east-1' })).rejects.toThrow(AdapterLoadError);
    await expect(loadAdapter('no-such-sdk', { caseTimeoutMs: 1000, region: 'us-east-1' })).rejects.toThrow(/aws-sdk-v3, aws-sdk-v2/);
  });
});
