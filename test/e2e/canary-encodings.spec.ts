import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result, Summary } from '../../conformance/run/result.ts';
import { CANARY, CANARY_VALUES, leaks } from './canary/canary.ts';
import { encodedForms, encodedLeaks } from './canary/encodings.ts';
import { REPORTER_KINDS } from './canary/reporter-kinds.ts';

// A sandboxed client prints the canary it was given in every encoding of canary/encodings.ts,
// writes to the harness's own stdout and stderr past the worker's pipes (fs.writeSync(1) and (2),
// /dev/stdout, /proc/self/fd/2), prints GitHub workflow commands, and fails with the Token in
// hex as its error name and in base64url as its request id (canary/encoding-client.ts). The
// run is a child process, so that the spec reads the real file descriptors 1 and 2 and the
// job summary, as a CI log would. With redaction on, no reading of any output shows 8
// characters of a canary; with --no-redact the same detector finds every form, so it can fail.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here('../..');

interface ChildRun {
  code: number | null;
  outputs: Record<string, string>;
}

/** Runs canary/encoding-run.ts in a child process and reads everything it wrote. */
function runChild(mode: 'redact' | 'no-redact'): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), `canary-encodings-${mode}-`));
  const summaryPath = join(dir, 'job-summary.md');
  const child = spawn(process.execPath, ['--import', 'tsx', here('./canary/encoding-run.ts'), dir, mode], {
    cwd: root,
    env: { ...process.env, GITHUB_STEP_SUMMARY: summaryPath, GITHUB_ACTIONS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const outputs: Record<string, string> = { stdout, stderr };
      for (const kind of REPORTER_KINDS) {
        const file = kind.file?.(dir);
        if (file && existsSync(file)) outputs[kind.name] = readFileSync(file, 'utf8');
      }
      if (existsSync(summaryPath)) outputs['job summary'] = readFileSync(summaryPath, 'utf8');
      resolve({ code, outputs });
    });
  });
}

let redacted: ChildRun;
let unredacted: ChildRun;
beforeAll(async () => {
  [redacted, unredacted] = await Promise.all([runChild('redact'), runChild('no-redact')]);
});

/** Lines that GitHub Actions would read as workflow commands. */
const commandLines = (text: string) => text.split(/\r?\n/).filter((line) => /^\s*(::|##\[)/.test(line));

describe('a canary printed in other encodings, and written past the worker’s pipes, never appears', () => {
  it('writes every report, and still reports every case as failed', () => {
    expect(redacted.code, redacted.outputs['stderr']).toBe(1);
    expect(Object.keys(redacted.outputs).sort()).toEqual(['ctrf', 'html', 'job summary', 'json', 'junit', 'stderr', 'stdout']);
    const report = JSON.parse(redacted.outputs['json']!) as { summary: Summary; results: Result[] };
    expect(report.summary.failed).toBe(3);
  });

  it('shows no 8 characters of a canary in any reading of stdout, stderr, any report or the job summary', () => {
    expect(redacted.outputs['stderr']).toMatch(/^hex: \[redacted\]$/m);
    expect(encodedLeaks(redacted.outputs, CANARY_VALUES)).toEqual([]);
    expect(leaks(redacted.outputs, CANARY_VALUES)).toEqual([]);
  });

  it('passes no invisible character through', () => {
    for (const [name, text] of Object.entries(redacted.outputs))
      expect(text, name).not.toMatch(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]|[\u{e0000}-\u{e007f}]/u);
  });

  it('fails A5 for each write to the harness’s own stdout and stderr, and shows what was written only through redaction, on stderr', () => {
    const report = JSON.parse(redacted.outputs['json']!) as { results: Result[] };
    for (const result of report.results) {
      const a5 = result.verdicts.find((v) => v.check === 'A5' && v.status === 'fail');
      expect(a5?.actual).toMatch(/wrote to the harness's stdout directly \(fs\.writeSync on fd 1\)/);
      expect(a5?.actual).toMatch(/wrote to the harness's stderr directly \(fs\.writeSync on fd 2\)/);
    }
    expect(redacted.outputs['stdout']).not.toMatch(/78 passed|fd 1 hex|dev stdout|fd 2 raw|proc stderr/);
    expect(redacted.outputs['stderr']).toMatch(/^fd 1 hex: \[redacted\]$/m);
    expect(redacted.outputs['stderr']).toMatch(/^fd 2 raw: \[redacted\]$/m);
    expect(redacted.outputs['stderr']).toMatch(/^dev stdout base64: \S*\[redacted\]/m);
    expect(redacted.outputs['stderr']).toMatch(/^proc stderr percent: \[redacted\]$/m);
    for (const label of ['fd 1 async rot13', 'opened by pid hex', 'promises u-escapes', 'stream base64url']) {
      expect(redacted.outputs['stdout']).not.toContain(label);
      expect(redacted.outputs['stderr']).toMatch(new RegExp(`^${label}: \\S*\\[redacted\\]`, 'm'));
    }
  });

  it('lets no workflow command of the client through, and keeps the suite’s own annotations intact', () => {
    const { stdout, stderr } = redacted.outputs as { stdout: string; stderr: string };
    // The client's commands arrived, made inert.
    expect(stderr).toMatch(/^\[::\]stop-commands::canarystop$/m);
    expect(stderr).toMatch(/^ {2}\[::\]add-mask::canarymask$/m);
    expect(commandLines(stderr)).toEqual([]);
    // Every command line on stdout is one of the suite's own annotations (one per distinct cause), each whole.
    const commands = commandLines(stdout);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands)
      expect(line).toMatch(/^::error file=fixtures\/\S+\.json,title=RevokeToken conformance%3A .*::fixture RevokeToken\w+: .*%0Areplay: /);
  });
});

describe('the encodings spec can fail', () => {
  it('with --no-redact, every encoded form reaches the outputs and the detector finds the canary', () => {
    const { stderr } = unredacted.outputs as { stderr: string };
    for (const [name, form] of Object.entries(encodedForms(CANARY.Token))) {
      // Invisible characters are always shown escaped: the form arrives in its escaped spelling.
      const shown = form.replace(/[\u00ad\u200b\u2060]|[\u{e0000}-\u{e007f}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
      expect(stderr, name).toContain(`${name}: ${shown}`);
    }
    const report = JSON.parse(unredacted.outputs['json']!) as { results: Result[] };
    const verdicts = report.results.flatMap((r) => r.verdicts.map((v) => v.actual ?? ''));
    expect(verdicts.join('\n')).toContain(encodedForms(CANARY.Token)['hex']);
    expect(verdicts.join('\n')).toContain(`requestId ${Buffer.from(CANARY.Token).toString('base64url')}`);
    expect(stderr).toContain(`fd 2 raw: ${CANARY.Token}`);
    expect(encodedLeaks(unredacted.outputs, CANARY_VALUES).length).toBeGreaterThan(0);
  });
});
