import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { ensureVenv, repoRoot } from './toolchains/python-venv.mjs';

/** The pinned boto3 the shim runs on. */
export const BOTO3_REQUIREMENTS = fileURLToPath(new URL('./shims/boto3/requirements.txt', import.meta.url));
export const BOTO3_SHIM = fileURLToPath(new URL('./shims/boto3/shim.py', import.meta.url));
/** The venv that holds BOTO3_REQUIREMENTS (kept apart from the other requirement files' venvs). */
export const BOTO3_VENV = join(repoRoot, '.venv', 'boto3');

/**
 * The argv that runs a boto3 shim script with the pinned boto3, building the venv on first
 * use (about 15 s with PyPI access; a hash check afterwards). `-I`: the user's PYTHONPATH,
 * PYTHON* variables and user site-packages stay out of the client under test; `-B`: no
 * __pycache__ folders in the source tree.
 */
export function boto3Command(script: string = BOTO3_SHIM): string[] {
  const { python } = ensureVenv(BOTO3_REQUIREMENTS, { venvDir: BOTO3_VENV });
  return [python, '-I', '-B', script];
}

/** boto3 1.44.5 through the process-adapter protocol (see boto3/shim.py for its configuration). */
export default function createBoto3Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: boto3Command(), ...options });
}
