import type { Adapter, AdapterCapabilities } from '../contract.ts';

// The public face of a process adapter: its protocol version, options, errors and what it reports.

/** The version of the line protocol (CONTRACT.md section 2). */
export const PROCESS_PROTOCOL_VERSION = 1;

export interface ProcessAdapterOptions {
  /** A string runs through the platform shell (`sh -c` on POSIX); an array is argv, no shell. */
  command: string | readonly string[];
  cwd?: string;
  /** Extra environment variables; they override the ones the harness sets. */
  env?: Record<string, string>;
  /** Real time one case may take before the child is killed. Default 30000. */
  caseTimeoutMs?: number;
  /** Real time the child may take to print its capabilities line. Default 30000. */
  startTimeoutMs?: number;
  /**
   * The endpoint put in the environment of the first child, before any case is known (later
   * children get the endpoint of the case that starts them). Default http://127.0.0.1:1, a
   * port nothing listens on: a client that ignores the per-case endpoint fails loudly.
   */
  endpoint?: string;
  /** The region put in the environment of the first child. Default us-east-1. */
  region?: string;
  /** How many recent stderr lines to keep. Default 200. */
  stderrLines?: number;
  /** Consecutive failed start-ups after which the adapter stops trying. Default 3. */
  maxStartFailures?: number;
}

/** What went wrong in the harness-to-child plumbing (as opposed to an error the client decoded). */
export type ProcessFailureKind = 'start' | 'timeout' | 'exit' | 'protocol' | 'abandoned' | 'closed' | 'gave-up';

/**
 * A case that failed because of the child process, not because of what the client decoded:
 * `kind` says why. A runner may treat `timeout` like a call that never settled.
 */
export class ProcessAdapterError extends Error {
  override name = 'ProcessAdapterError';
  constructor(
    readonly kind: ProcessFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface ProcessDiagnostics {
  command: string;
  /** The name from the capabilities line. */
  clientName?: string;
  pid?: number;
  /** Child processes started so far (1 when no restart was needed). */
  starts: number;
  /** Recent stderr lines of every child, oldest first, with the cases' sensitive values redacted. */
  stderr: string[];
  /** Restarts, kills and protocol violations, oldest first. */
  events: string[];
}

export interface ProcessAdapter extends Adapter {
  readonly kind: 'process';
  readonly protocol: typeof PROCESS_PROTOCOL_VERSION;
  capabilities: AdapterCapabilities;
  diagnostics(): ProcessDiagnostics;
  close(): Promise<void>;
}
