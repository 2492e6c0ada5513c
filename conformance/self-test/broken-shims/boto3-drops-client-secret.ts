import { fileURLToPath } from 'node:url';
import { boto3Command } from '../../adapters/boto3.ts';
import { createProcessAdapter } from '../../adapters/process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from '../../adapters/process-agent/types.ts';

/**
 * Self-test only: boto3 with one deliberate fault, ClientSecret removed from the request
 * body (boto3_drops_client_secret.py). The suite must fail it on every case that sends a
 * ClientSecret.
 */
export default function createBrokenBoto3Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  const script = fileURLToPath(new URL('./boto3_drops_client_secret.py', import.meta.url));
  return createProcessAdapter({ command: boto3Command(script), ...options });
}
