/**
 * What the suite asks of a client under test, and what it promises it. Versioned in
 * CONTRACT.md: a substantive change here bumps ADAPTER_CONTRACT_VERSION.
 * @public
 */
export const ADAPTER_CONTRACT_VERSION = '2.2.0';

/** The input of one call, as the model defines RevokeTokenRequest. @public */
export interface RevokeTokenInput {
  Token?: string;
  ClientId?: string;
  ClientSecret?: string;
  RevokeAssociatedSessions?: string;
}

/** What a successful call resolves to. Extra fields (e.g. `$metadata`) are allowed. @public */
export interface RevokeTokenOutput {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** @public */
export interface AdapterCapabilities {
  /** Default true: the client can send ClientSecret. */
  clientSecret?: boolean;
  /** Default false: the client can send RevokeAssociatedSessions. */
  revokeAssociatedSessions?: boolean;
  /** Default false: the client honours context.signal. */
  cancellation?: boolean;
  /** Default false: the client may send more than one request per call. */
  retries?: boolean;
  /** With retries: the most requests one call may send. Default 3. */
  maxAttempts?: number;
}

/** @public */
export interface CallContext {
  /**
   * Where to send the request, exactly (rule A7): e.g. https://cognito-idp.cn-north-1.amazonaws.com.cn,
   * http://127.0.0.1:4566/custom/ or https://example.com/custom-path (post to its path followed by `/`).
   * Varies per call; intercepted in process.
   */
  endpoint: string;
  region: string;
  /** Aborted when the suite cancels the call (only used where capabilities.cancellation is true). */
  signal?: AbortSignal;
  /**
   * A fetch that reaches the fixtures directly, with no network interception in between. An
   * in-process adapter may route its client's HTTP through it (faster, and identical answers);
   * one that ignores it still reaches the same fixtures through interception or loopback.
   */
  fetch?: typeof fetch;
}

/**
 * A failed call rejects with an Error whose `name` is the error code the client decoded and
 * whose `message` is the decoded message; `$metadata` where the client exposes it.
 */
export interface AdapterError extends Error {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** @public */
export interface Adapter {
  name: string;
  capabilities?: AdapterCapabilities;
  revokeToken(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput>;
  /** Optional: release resources (child processes, sockets) at the end of a run. */
  close?(): Promise<void> | void;
}

/**
 * An adapter module's default export: the adapter, or a (possibly async) function returning
 * one. The function is called with `{ caseTimeoutMs, region }`, which it may ignore.
 */
export type AdapterModuleExport = Adapter | ((options: { caseTimeoutMs: number; region: string }) => Adapter | Promise<Adapter>);

/** Capabilities with every default filled in. */
export function resolveCapabilities(adapter: Adapter): Required<AdapterCapabilities> {
  const c = adapter.capabilities ?? {};
  return {
    clientSecret: c.clientSecret ?? true,
    revokeAssociatedSessions: c.revokeAssociatedSessions ?? false,
    cancellation: c.cancellation ?? false,
    retries: c.retries ?? false,
    maxAttempts: c.retries ? (c.maxAttempts ?? 3) : 1,
  };
}

/** The boolean capabilities an adapter may declare; `maxAttempts` is the one number. */
const CAPABILITY_FLAGS = ['clientSecret', 'revokeAssociatedSessions', 'cancellation', 'retries'] as const;

/**
 * Checks declared capabilities, wherever they come from (an adapter module's object or a
 * process client's capabilities line): the problem, named by key, or the capabilities.
 */
export function checkCapabilities(value: unknown): { ok: true; capabilities: AdapterCapabilities } | { ok: false; problem: string } {
  if (value === undefined) return { ok: true, capabilities: {} };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'capabilities must be an object' };
  const capabilities: AdapterCapabilities = {};
  for (const [key, declared] of Object.entries(value)) {
    if (key === 'maxAttempts') {
      if (!Number.isInteger(declared) || (declared as number) < 1)
        return { ok: false, problem: `capabilities.maxAttempts must be a positive integer, got ${JSON.stringify(declared)}` };
      capabilities.maxAttempts = declared as number;
    } else if ((CAPABILITY_FLAGS as readonly string[]).includes(key)) {
      if (typeof declared !== 'boolean') return { ok: false, problem: `capabilities.${key} must be true or false, got ${JSON.stringify(declared)}` };
      (capabilities as Record<string, boolean>)[key] = declared;
    } else {
      return { ok: false, problem: `unknown capability "${key}" (known: ${CAPABILITY_FLAGS.join(', ')}, maxAttempts)` };
    }
  }
  return { ok: true, capabilities };
}
