import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { ensureVenv, repoRoot } from './toolchains/python-venv.mjs';

/** The pinned awscli 1.x (PyPI) and everything it imports, by hash. */
export const AWS_CLI_V1_REQUIREMENTS = fileURLToPath(new URL('./shims/aws-cli/requirements-v1.txt', import.meta.url));
/** One shim for both CLIs: it drives awscli.clidriver in one long-lived process. */
export const AWS_CLI_SHIM = fileURLToPath(new URL('./shims/aws-cli/shim.py', import.meta.url));
/** The venv that holds AWS_CLI_V1_REQUIREMENTS, apart from boto3's (awscli pins its own copy of botocore). */
export const AWS_CLI_V1_VENV = join(repoRoot, '.venv', 'aws-cli-v1');

/**
 * The argv that runs the CLI shim on the pinned awscli 1.x, building its venv on first use
 * (BENCHMARKS.md has the time; a hash check afterwards). `-I` keeps the user's PYTHONPATH and
 * user site-packages out of the client under test; `-B` writes no __pycache__ into the tree.
 */
export function awsCliV1Command(): string[] {
  const { python } = ensureVenv(AWS_CLI_V1_REQUIREMENTS, { venvDir: AWS_CLI_V1_VENV });
  return [python, '-I', '-B', AWS_CLI_SHIM, 'aws-cli-v1'];
}

/** The AWS CLI v1 (`aws cognito-idp revoke-token`) through the process-adapter protocol (see shims/aws-cli/shim.py). */
export default function createAwsCliV1Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: awsCliV1Command(), ...options });
}
