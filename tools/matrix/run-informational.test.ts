import { afterEach, describe, expect, it } from 'vitest';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import { REPO_ROOT } from './main.ts';
import { runInformational } from './run-informational.ts';

const lane = INFORMATIONAL_LANES[0]!;
const script = 'tools/matrix/test-fixtures/stand-in-informational.ts';
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('running an informational lane', () => {
  it('turns its report into observations and a finding, with the sources, as information', async () => {
    process.env['STAND_IN'] = 'gap';
    const column = await runInformational(lane, { repoRoot: REPO_ROOT, timeoutMs: 60_000, script });
    expect(column).toMatchObject({ name: 'aws-jwt-verify', state: 'ran', version: 'aws-jwt-verify 5.2.1', notes: [] });
    expect(column.finding).toMatch(/GetUser refuses the access token, but the JWT verifier still accepts it/);
    expect(column.observations).toHaveLength(7);
    expect(column.sources.map((s) => s.label)).toEqual(
      expect.arrayContaining(['awslabs/aws-jwt-verify#151', 'awslabs/aws-jwt-verify#170', 'aws-amplify/amplify-js#3435']),
    );
  });

  it('is an error, never a result, when its controls failed', async () => {
    process.env['STAND_IN'] = 'no-control';
    const column = await runInformational(lane, { repoRoot: REPO_ROOT, timeoutMs: 60_000, script });
    expect(column.state).toBe('error');
    expect(column.notes[0]).toBe('could not run: the verifier accepted an edited token, so its acceptance proves nothing');
    expect(column.observations).toEqual([]);
  });

  it('is an error with the reason when it could not run', async () => {
    process.env['STAND_IN'] = 'broken';
    const column = await runInformational(lane, { repoRoot: REPO_ROOT, timeoutMs: 60_000, script });
    expect(column).toMatchObject({ state: 'error', notes: ['could not run (exit 2)', "Cannot find package 'aws-jwt-verify'"] });
  });
});
