import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'serve-reference.ts');
const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `onStdout` may act on the output so far (for instance send a signal). */
function run(args: string[], onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, (signal) => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run serve:reference', () => {
  it('prints its endpoint, serves on it, and stops cleanly on SIGTERM', async () => {
    let answered: Promise<number> | undefined;
    const result = await run(['--port', '0'], (text, kill) => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (url && !answered) {
        answered = fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' },
          body: '{"PoolName":"cli"}',
        }).then((response) => {
          kill('SIGTERM');
          return response.status;
        });
      }
    });
    expect(await answered).toBe(200);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Received SIGTERM');
  });

  it('exits 2 with a clear message on a bad flag', async () => {
    const result = await run(['--host', '0.0.0.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--host must be a loopback address');
    expect(result.stderr).toContain('Usage:');
    expect(result.stdout).toBe('');
  });
});
