import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.ts';

// A client in another process can only reach the suite's loopback socket: its calls keep that
// origin and vary the path and the trailing slash (conformance/model/endpoints.ts). A correct
// client follows them; one that drops the path fails A7, naming both places.
const client = new URL('../../conformance/adapters/process-agent/test-fixtures/fetches-the-endpoint.mjs', import.meta.url).pathname;
const CASES = ['--filter', 'request-wire', '--filter', 'RevokeTokenRequestEndpointWithPath', '--runs', '10', '--seed', '11'];

describe('a client in another process is given varied endpoints on the loopback socket', () => {
  it('passes when it posts to each endpoint it is given', async () => {
    const { code, stdout } = await cli('--command', `node ${client}`, '--strict', ...CASES);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/2 passed, 0 failed/);
  });

  it('fails A7 when it drops the endpoint path, naming where it sent and where it should have', async () => {
    const { code, stdout } = await cli('--command', `FAKE_DROP_PATH=1 node ${client}`, ...CASES);
    expect(code, stdout).toBe(1);
    expect(stdout).toMatch(/A7 \[must\][^\n]*\n\s+expected: http:\/\/127\.0\.0\.1:\d+\/custom\/\n\s+actual: +sent to http:\/\/127\.0\.0\.1:\d+\/\n/);
  });
});
