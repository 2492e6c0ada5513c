import { AWS_CLI_SHIM } from './aws-cli-v1.ts';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { ensureDebianAwscli } from './toolchains/debian-awscli.mjs';

/**
 * The argv that runs the CLI shim on Debian's awscli 2.x, installing the pinned Debian package
 * with apt-get on first use (toolchains/debian-awscli.mjs). Debian ships the CLI as Python
 * modules for its own /usr/bin/python3, so the same long-lived shim drives it as drives v1.
 */
export function awsCliV2Command(): string[] {
  const { python } = ensureDebianAwscli();
  return [python, '-I', '-B', AWS_CLI_SHIM, 'aws-cli-v2'];
}

/** The AWS CLI v2 as Debian packages it, through the process-adapter protocol (see shims/aws-cli/shim.py). */
export default function createAwsCliV2Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: awsCliV2Command(), ...options });
}
