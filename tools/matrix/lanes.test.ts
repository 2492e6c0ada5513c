import { describe, expect, it } from 'vitest';
import { laneAvailability } from './availability.ts';
import { LANES, type Lane } from './lanes.ts';
import { REPO_ROOT } from './main.ts';
import { resolveVersion } from './versions.ts';

const lane = (name: string) => LANES.find((l) => l.name === name)!;

describe('the lane table', () => {
  it('runs a client lane once its adapter is built in, and skips it with a note until then', () => {
    const future: Lane = { name: 'future-sdk', kind: 'client', args: ['--adapter', 'future-sdk'], version: { repository: true }, pendingNote: 'being added' };
    expect(laneAvailability(future, REPO_ROOT, { 'aws-sdk-v3': './aws-sdk-v3.ts' })).toEqual({
      available: false,
      note: 'not run: no future-sdk adapter in the tree yet (being added)',
    });
    expect(laneAvailability(future, REPO_ROOT, { 'future-sdk': './future-sdk.ts' })).toEqual({ available: true });
    for (const name of ['aws-sdk-java-v2', 'aws-sdk-kotlin', 'aws-cli-v1', 'aws-cli-v2'])
      expect(laneAvailability(lane(name), REPO_ROOT), name).toEqual({ available: true });
  });

  it('runs a server lane when conformance/server/lanes/<name>.ts exists, and the reference server always', () => {
    expect(laneAvailability(lane('cognito-local'), REPO_ROOT)).toEqual({ available: true });
    expect(laneAvailability(lane('reference'), REPO_ROOT)).toEqual({ available: true });
    const missing: Lane = { name: 'no-such-emulator', kind: 'server', args: ['--server', 'no-such-emulator'], version: { repository: true } };
    expect(laneAvailability(missing, REPO_ROOT)).toMatchObject({ available: false, note: expect.stringContaining('--server no-such-emulator') });
  });

  it("reads each lane's pinned version from its source", () => {
    expect(resolveVersion(lane('boto3').version, REPO_ROOT)).toMatch(/^boto3 \d+\.\d+\.\d+$/);
    expect(resolveVersion(lane('aws-sdk-go-v2').version, REPO_ROOT)).toMatch(/^cognitoidentityprovider \d+\.\d+\.\d+$/);
    expect(resolveVersion(lane('ministack').version, REPO_ROOT)).toBe('ministack 1.5.33');
    expect(resolveVersion(lane('aws-sdk-kotlin').version, REPO_ROOT)).toBe('aws.sdk.kotlin 1.5.15');
    expect(resolveVersion(lane('aws-cli-v1').version, REPO_ROOT)).toBe('awscli 1.46.2');
    expect(resolveVersion(lane('aws-cli-v2').version, REPO_ROOT)).toBe('Debian awscli 2.9.19-1');
    expect(resolveVersion(lane('aws-sdk-v3').version, REPO_ROOT)).toMatch(/^@aws-sdk\/client-cognito-identity-provider \d+\.\d+\.\d+$/);
    expect(resolveVersion({ label: 'x', file: 'no/such/file', pattern: /(.)/ }, REPO_ROOT)).toBeUndefined();
    expect(resolveVersion({ npm: 'no-such-package-for-the-matrix' }, REPO_ROOT)).toBeUndefined();
  });

  it('names every lane once', () => {
    expect(new Set(LANES.map((l) => l.name)).size).toBe(LANES.length);
  });
});
