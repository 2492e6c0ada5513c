// Run as a child process by canary-encodings.spec.ts, so that what a sandboxed client writes
// to file descriptors 1 and 2 lands in the pipes the spec reads: a few fixtures, their
// sensitive params replaced by the canary, through encoding-client.ts in the sandbox, with
// every reporter (the console and GitHub ones on this process's stdout).
// Arguments: <report directory> <redact | no-redact>. The job summary goes to $GITHUB_STEP_SUMMARY.
import { reporterSpec } from '../../../conformance/cli/flags.ts';
import { reportersFor } from '../../../conformance/cli/reporters.ts';
import { loadFixtures } from '../../../conformance/fixtures/load.ts';
import { runSuite } from '../../../conformance/run/runner.ts';
import { withCanaries } from './canary.ts';
import { REPORTER_KINDS } from './reporter-kinds.ts';

/** A success, a modeled error with a request id, and a case with a client secret. */
export const ENCODING_CANARY_FIXTURES = ['RevokeTokenRequestRequiredMembersOnly', 'RevokeTokenUnauthorizedExceptionAsObserved', 'RevokeTokenRequestAllMembers'];

const [dir, mode] = process.argv.slice(2);
const fixtures = (await loadFixtures()).filter((f) => ENCODING_CANARY_FIXTURES.includes(f.id)).map(withCanaries);
const { summary } = await runSuite({
  adapterModule: new URL('./encoding-client.ts', import.meta.url).pathname,
  adapterFlags: '--adapter canary',
  fixtures,
  properties: [],
  strict: true,
  seed: 1,
  expectations: [],
  region: 'us-east-1',
  caseTimeoutMs: 5_000,
  redact: mode !== 'no-redact',
  reporters: reportersFor(
    REPORTER_KINDS.map((kind) => reporterSpec(kind.flag(dir!))),
    { stdout: process.stdout, stderr: process.stderr, env: process.env },
    { verbose: true },
  ),
});
process.exitCode = summary.failed > 0 ? 1 : 0;
