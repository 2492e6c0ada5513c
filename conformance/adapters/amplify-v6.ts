/**
 * Amplify JS v6 (`@aws-amplify/auth` 6.21.1 with `@aws-amplify/core` 6.19.2): the Cognito
 * client most web apps use.
 *
 * How the package's own RevokeToken path is reached. In v6 the Cognito service clients are not
 * classes but functions built by factories inside @aws-amplify/auth; the one for this operation
 * is `createRevokeTokenClient`, in
 *   @aws-amplify/auth/dist/esm/foundation/factories/serviceClients/cognitoIdentityProvider/createRevokeTokenClient.mjs
 * It composes core's `composeServiceApi` with auth's `cognitoUserPoolTransferHandler` (core's
 * `unauthenticatedHandler`: user agent, invocation id, retry and amz-sdk-request middleware over
 * the global fetch, plus a cache-control header), `createUserPoolSerializer('RevokeToken')`
 * and `createUserPoolDeserializer()`. `signOut` (providers/cognito/apis/signOut.mjs,
 * `clientSignOut`) calls exactly this factory, with an endpoint resolver from
 * `createCognitoUserPoolEndpointResolver({ endpointOverride: userPoolEndpoint })`
 * (providers/cognito/factories/createCognitoUserPoolEndpointResolver.mjs), to revoke the refresh
 * token. Neither factory is exported: the package's `exports` map has only `.`, `./cognito`,
 * `./server`, `./cognito/server`, `./enable-oauth-listener` and `./package.json`, none of which
 * re-export them. So the adapter resolves the package's root through its one exported file
 * (`@aws-amplify/auth/package.json`) and imports those two dist files by URL: Node keys ES modules
 * by URL, so these are the very module instances `signOut` imports, not copies. The public
 * alternative, `signOut()` itself, cannot serve a conformance lane: it sends a request only for
 * tokens carrying `origin_jti` and swallows every error ("this shouldn't throw"), so no error
 * decoding would ever be visible. The dist layout is not a public API: a minor release may
 * move these files, and then this module fails to load with the path it looked for
 * (`loadAmplifyModule`), rather than silently testing something else.
 *
 * What is configured, as signOut configures it: the endpoint override (here context.endpoint)
 * and the region; the factory's defaults for everything else (retry decider, jittered back-off,
 * user agent, `cache: 'no-store'`). The one addition is `abortSignal`, a documented option of
 * core's fetch handler and retry middleware that signOut simply does not pass.
 *
 * Capabilities, from the code: the typed input is `{ Token, ClientId }` only (amplify has no
 * client-secret support, and signOut never sends more), so ClientSecret and
 * RevokeAssociatedSessions are declared unsupported; the serializer would JSON-stringify extra
 * members, but that is not a path an Amplify app can take. Retries: core's retryMiddleware with
 * DEFAULT_RETRY_ATTEMPTS = 3 (clients/middleware/retry/constants.mjs), retrying on network
 * errors, 429, throttling codes, clock skew and 500/502/503/504. Cancellation: the abort signal
 * goes to fetch and stops the retry loop.
 *
 * Amplify's fetch handler calls the global fetch, so calls reach the fixtures through the
 * suite's interception (context.fetch cannot be injected without replacing the global, which
 * would leak state across calls).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Adapter, AdapterCapabilities, AdapterError, CallContext, RevokeTokenInput } from './contract.ts';

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve('@aws-amplify/auth/package.json');
const packageRoot = pathToFileURL(packageJsonPath);
export const AMPLIFY_AUTH_VERSION: string = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string }).version;

/** The dist files that hold the factories signOut uses, relative to the package root. */
export const AMPLIFY_REVOKE_TOKEN_MODULE = 'dist/esm/foundation/factories/serviceClients/cognitoIdentityProvider/createRevokeTokenClient.mjs';
export const AMPLIFY_ENDPOINT_RESOLVER_MODULE = 'dist/esm/providers/cognito/factories/createCognitoUserPoolEndpointResolver.mjs';

async function loadAmplifyModule<T>(relativePath: string, exportName: string): Promise<T> {
  const url = new URL(relativePath, packageRoot);
  let module: Record<string, unknown>;
  try {
    module = (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `@aws-amplify/auth ${AMPLIFY_AUTH_VERSION}: cannot load ${relativePath} (${(error as Error).message}); the adapter was written against 6.21.1`,
    );
  }
  if (typeof module[exportName] !== 'function') throw new Error(`@aws-amplify/auth ${AMPLIFY_AUTH_VERSION}: ${relativePath} has no export ${exportName}`);
  return module[exportName] as T;
}

/** The per-call options Amplify's composed service API accepts (a subset: what this adapter sets). */
export interface AmplifyCallConfig {
  region: string;
  abortSignal?: AbortSignal;
  maxAttempts?: number;
}

type RevokeTokenClient = (config: AmplifyCallConfig, input: { Token: string; ClientId: string }) => Promise<Record<string, unknown>>;
type CreateRevokeTokenClient = (config: { endpointResolver: (options: unknown) => { url: URL } }) => RevokeTokenClient;
type CreateEndpointResolver = (options: { endpointOverride?: string }) => (options: unknown) => { url: URL };

const createRevokeTokenClient = await loadAmplifyModule<CreateRevokeTokenClient>(AMPLIFY_REVOKE_TOKEN_MODULE, 'createRevokeTokenClient');
const createCognitoUserPoolEndpointResolver = await loadAmplifyModule<CreateEndpointResolver>(
  AMPLIFY_ENDPOINT_RESOLVER_MODULE,
  'createCognitoUserPoolEndpointResolver',
);

// Amplify detects the app's framework once per process, on the first client it builds, and
// leaves two timers to detect it again (10 ms, then 1 s: @aws-amplify/core 6.19.2
// dist/esm/Platform/detectFramework.mjs, resetTimeout). An app pays that once at start-up; built
// here, at load, it is not charged to whichever case happens to run first as a timer that call
// left behind (rule A8). Every call still builds its own client.
createRevokeTokenClient({ endpointResolver: createCognitoUserPoolEndpointResolver({}) });

/** The most requests one call sends: core's DEFAULT_RETRY_ATTEMPTS. */
export const AMPLIFY_DEFAULT_MAX_ATTEMPTS = 3;

/** What Amplify's errors carry: AmplifyError keeps `metadata` (not `$metadata`) from the response. */
interface AmplifyErrorShape extends Error {
  metadata?: { httpStatusCode?: number; requestId?: string };
}

function toContractError(raw: unknown): AdapterError {
  if (!(raw instanceof Error)) return Object.assign(new Error(String(raw)), { name: 'NonErrorThrown' });
  const amplify = raw as AmplifyErrorShape;
  const error = new Error(amplify.message) as AdapterError;
  error.name = amplify.name;
  if (amplify.metadata) error.$metadata = { httpStatusCode: amplify.metadata.httpStatusCode, requestId: amplify.metadata.requestId };
  return error;
}

export interface AmplifyAdapterOptions {
  /** Passed to the service client as its `maxAttempts`; absent, the client's own default (3). */
  maxAttempts?: number;
  /** Overrides the declared capabilities (tests use this to declare what the client does not do). */
  capabilities?: AdapterCapabilities;
}

export function createAmplifyAdapter(options: AmplifyAdapterOptions = {}): Adapter {
  const maxAttempts = options.maxAttempts ?? AMPLIFY_DEFAULT_MAX_ATTEMPTS;
  return {
    name: `amplify-v6 (@aws-amplify/auth ${AMPLIFY_AUTH_VERSION})`,
    capabilities: options.capabilities ?? { clientSecret: false, revokeAssociatedSessions: false, cancellation: true, retries: maxAttempts > 1, maxAttempts },
    async revokeToken(input: RevokeTokenInput, context: CallContext) {
      // A fresh client per call, as signOut builds one per sign-out.
      const revokeToken = createRevokeTokenClient({ endpointResolver: createCognitoUserPoolEndpointResolver({ endpointOverride: context.endpoint }) });
      const config: AmplifyCallConfig = { region: context.region, abortSignal: context.signal };
      if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
      try {
        // Amplify's input type is { Token, ClientId }; the suite's cases may leave either out.
        return await revokeToken(config, input as { Token: string; ClientId: string });
      } catch (raw) {
        throw toContractError(raw);
      }
    },
  };
}

export default createAmplifyAdapter();
