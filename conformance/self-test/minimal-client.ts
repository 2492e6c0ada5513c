import type { Adapter, AdapterError, RevokeTokenInput } from '../adapters/contract.ts';

/**
 * Everything a mutant can get wrong, one switch each. With no fault set, the minimal client
 * follows every rule of protocol.md section 6.1, must and should alike.
 */
export interface Faults {
  method?: string;
  path?: string;
  contentType?: string;
  target?: string;
  contentLengthOffset?: number;
  sign?: boolean;
  renameMember?: [from: string, to: string];
  nullForUnset?: boolean;
  emptyBodyWhenNoMembers?: boolean;
  validateClientSecretLength?: boolean;
  rejectEmptySuccessBody?: boolean;
  resolveOnAnyStatus?: boolean;
  dunderTypeOnly?: boolean;
  /** Reads `__type` first, then `code`, then X-Amzn-Errortype (the reverse of C14's order). */
  dunderTypeFirst?: boolean;
  /** Trims whitespace off every string member before sending it. */
  trimsStrings?: boolean;
  keepUriSuffix?: boolean;
  requireOwnNamespace?: boolean;
  deepTypeSearch?: boolean;
  nameFromStatus?: boolean;
  renameModeledError?: [from: string, to: string];
  messageFromCapitalOnly?: boolean;
  unknownAsUnknownError?: boolean;
  resolveOnNonJson?: boolean;
  /** Lets the JSON parser's own SyntaxError escape for a body that is not JSON, without the status (Amplify v6). */
  bareParserError?: boolean;
  dropRequestId?: boolean;
  sendTwice?: boolean;
  ignoreAbort?: boolean;
  retryEverything?: boolean;
  hangOnServerError?: boolean;
  /** After a 502 whose body is not JSON, waits on its own 60 s timer, then rejects with TimeoutError (a hang the fake clock hides). */
  waitOnTimerAfterNonJson502?: boolean;
  /** Lets a bare TypeError out of its error path for a 5xx answer (reads a member of undefined). */
  crashOnServerError?: boolean;
  backOffSeconds?: number;
  contentLengthInUtf16Units?: boolean;
  urlEncodeValues?: boolean;
  errorOnSuccessWithType?: boolean;
  retriesBeyondDeclared?: boolean;
  successBelowStatus?: number;
  /** Cuts Token to this many characters (a fixed-size buffer or column). */
  truncateTokenAt?: number;
  /** Sends Token in upper case (a case-insensitive comparison or normalisation gone wrong). */
  upperCaseToken?: boolean;
  /** Keeps only the endpoint's origin: a base path such as `/custom-path` is lost. */
  dropEndpointPath?: boolean;
  /** Rebuilds the endpoint without its port (a URL parsed into host and path, the port forgotten). */
  dropEndpointPort?: boolean;
  /** Sends over https whatever the endpoint's scheme (a loopback emulator on plain http is then unreachable). */
  forceHttps?: boolean;
  /** Ignores the endpoint and builds the regional host from the region, always in the aws partition. */
  hostFromRegion?: boolean;
  /** Appends `/` to the endpoint as given, so an endpoint ending in `/` gets `//`. */
  appendSlashBlindly?: boolean;
  /** After resolving, sends the request once more without waiting for it (a "make sure" retry nobody hears of). */
  fireAndForgetAfterResolve?: boolean;
  /** Starts a 30 s timer (an idle-connection time-out, say) as a successful call ends, and never clears it. */
  leaveTimer?: boolean;
  /** Keeps the endpoint of its first call and sends every later call there (a client cached across calls). */
  cachesFirstEndpoint?: boolean;
  /** Deletes ClientSecret from the caller's input once sent ("do not keep the secret around"). */
  deletesSecretAfterUse?: boolean;
  /** Reads the status and headers of whichever answer arrived last, across calls: overlapping calls swap answers. */
  sharesLastAnswer?: boolean;
  /** Listens for the signal's abort event but never checks `aborted`: a signal aborted before the call is ignored. */
  missesAbortedSignal?: boolean;
  /** Declares retries and backs off 1 s on a plain timer before the retry, deaf to the signal: an abort during the wait settles only when it ends. */
  backOffDeafToAbort?: boolean;
  /** Declares retries and takes an aborted attempt for a transient failure: backs off 1 s, then the retry fails on the spent signal. */
  retriesAbortedAttempt?: boolean;
  /** Leaves a listener on the caller's signal that sends the request again when the signal aborts after the answer came, long after the call settled. */
  resendsOnLateAbort?: boolean;
  /** Lets the fetch's own TypeError out when the connection fails or the body is cut (no $metadata). */
  bareTransportError?: boolean;
  /** Resolves when the body is cut short, with what it read. */
  resolvesOnCutBody?: boolean;
}

const TARGET = 'AWSCognitoIdentityProviderService.RevokeToken';
const MODELED = new Set([
  'ForbiddenException', 'InternalErrorException', 'InvalidParameterException', 'OperationNotEnabledException',
  'TooManyRequestsException', 'UnauthorizedException', 'UnsupportedOperationException', 'UnsupportedTokenTypeException',
]);
// The classic bug: "a 400 is a bad parameter", whatever the body says.
const STATUS_NAMES: Record<number, string> = { 400: 'InvalidParameterException', 401: 'UnauthorizedException', 403: 'ForbiddenException', 429: 'TooManyRequestsException', 500: 'InternalErrorException' };

function sanitize(code: string, faults: Faults): string {
  let out = code.split(',')[0]!.trim();
  if (!faults.keepUriSuffix) out = out.split(':')[0]!;
  if (out.includes('#')) {
    const [namespace, name] = out.split('#') as [string, string];
    if (faults.requireOwnNamespace && namespace !== 'com.amazonaws.cognitoidentityprovider') return 'UnknownError';
    out = name;
  }
  return out;
}

function findNestedType(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const own = (value as Record<string, unknown>).__type;
  if (typeof own === 'string') return own;
  return Object.values(value).map(findNestedType).find(Boolean);
}

function errorCode(status: number, headers: Headers, body: Record<string, unknown> | undefined, faults: Faults): string | undefined {
  if (faults.nameFromStatus && STATUS_NAMES[status]) return STATUS_NAMES[status];
  if (faults.deepTypeSearch && body) {
    const nested = Object.values(body).map(findNestedType).find(Boolean);
    if (nested) return sanitize(nested, faults);
  }
  if (faults.dunderTypeFirst && body && typeof body.__type === 'string') return sanitize(body.__type, faults);
  if (!faults.dunderTypeOnly) {
    const header = headers.get('x-amzn-errortype');
    if (header) return sanitize(header, faults);
    const codeKey = body && Object.keys(body).find((k) => k.toLowerCase() === 'code');
    if (codeKey && typeof body![codeKey] === 'string') return sanitize(body![codeKey] as string, faults);
  }
  if (body && typeof body.__type === 'string') return sanitize(body.__type, faults);
  return undefined;
}

async function peekCode(response: Response, faults: Faults): Promise<string | undefined> {
  try {
    const body = JSON.parse(await response.clone().text());
    return errorCode(response.status, response.headers, body && typeof body === 'object' ? body : undefined, faults);
  } catch {
    return errorCode(response.status, response.headers, undefined, faults);
  }
}

function newError(name: string, message: string, status: number, requestId: string | undefined, faults: Faults): AdapterError {
  const error = new Error(message) as AdapterError;
  error.name = name;
  error.$metadata = { httpStatusCode: status, ...(faults.dropRequestId ? {} : { requestId }) };
  return error;
}

async function sendOnce(input: RevokeTokenInput, endpoint: string, send: typeof fetch, signal: AbortSignal | undefined, faults: Faults): Promise<Response> {
  const members: Record<string, unknown> = {};
  for (const [name, given] of Object.entries(input)) {
    if (given === undefined) continue;
    let value = given;
    if (name === 'Token' && typeof value === 'string') {
      if (faults.truncateTokenAt !== undefined) value = value.slice(0, faults.truncateTokenAt);
      if (faults.upperCaseToken) value = value.toUpperCase();
    }
    if (faults.trimsStrings && typeof value === 'string') value = value.trim();
    members[faults.renameMember?.[0] === name ? faults.renameMember[1] : name] = faults.urlEncodeValues && typeof value === 'string' ? encodeURIComponent(value) : value;
  }
  if (faults.nullForUnset && members.ClientSecret === undefined) members.ClientSecret = null;
  let body = JSON.stringify(members);
  if (faults.emptyBodyWhenNoMembers && body === '{}') body = '';
  const headers: Record<string, string> = {
    'content-type': faults.contentType ?? 'application/x-amz-json-1.1',
    'x-amz-target': faults.target ?? TARGET,
    'content-length': String((faults.contentLengthInUtf16Units ? body.length : new TextEncoder().encode(body).byteLength) + (faults.contentLengthOffset ?? 0)),
  };
  if (faults.sign) {
    headers['x-amz-date'] = '20260101T000000Z';
    headers.authorization = 'AWS4-HMAC-SHA256 Credential=AKIDFAKE/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00';
  }
  return send(`${requestBase(endpoint, faults)}${faults.path ?? '/'}`, { method: faults.method ?? 'POST', headers, body, signal: faults.ignoreAbort ? undefined : signal });
}

/**
 * The endpoint the request path is appended to: the endpoint as given, without a trailing `/`
 * (the protocol posts to the endpoint's path followed by one `/`), unless a fault changes it.
 */
function requestBase(endpoint: string, faults: Faults): string {
  if (faults.appendSlashBlindly) return endpoint;
  const url = new URL(endpoint);
  if (faults.forceHttps) url.protocol = 'https:';
  if (faults.dropEndpointPort) url.port = '';
  const path = faults.dropEndpointPath ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}${path}`;
}

const RETRYABLE_CODES = new Set(['TooManyRequestsException', 'InternalErrorException']);

function isRetryable(response: Response, code: string | undefined): boolean {
  return response.status === 429 || response.status >= 500 || (code !== undefined && RETRYABLE_CODES.has(code));
}

/**
 * A small, correct RevokeToken client over fetch: the base the mutants break. It is the
 * project's own proof that the suite's checks can pass, and each fault proves one can fail.
 * With `retries`, it retries throttling and transient errors once, as SDKs do.
 */
/** A wait before a retry that an abort ends at once, leaving no timer and no listener behind. */
function backOff(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function minimalClient(faults: Faults = {}, name = 'minimal-client', options: { retries?: boolean } = {}): Adapter {
  const retries = faults.retryEverything ?? faults.retriesBeyondDeclared ?? (faults.backOffDeafToAbort || faults.retriesAbortedAttempt || options.retries) ?? false;
  // State across calls exists only for the faults that keep it: the correct client keeps none.
  let firstEndpoint: string | undefined;
  const lastAnswer: { response?: Response } = {};
  return {
    name,
    capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries, ...(retries ? { maxAttempts: 2 } : {}) },
    async revokeToken(input, given) {
      const context = faults.hostFromRegion ? { ...given, endpoint: `https://cognito-idp.${given.region}.amazonaws.com` } : given;
      const send = context.fetch ?? fetch;
      if (faults.validateClientSecretLength && input.ClientSecret !== undefined && input.ClientSecret.length < 24) {
        throw newError('ParamValidationError', 'ClientSecret is shorter than 24 characters', 0, undefined, faults);
      }
      const attempts = faults.sendTwice ? 2 : faults.retriesBeyondDeclared ? 3 : retries ? 2 : 1;
      firstEndpoint ??= context.endpoint;
      const endpoint = faults.cachesFirstEndpoint ? firstEndpoint : context.endpoint;
      const signal = faults.missesAbortedSignal && context.signal?.aborted ? undefined : context.signal;
      const answered = { yet: false };
      if (faults.resendsOnLateAbort) {
        // Meant to resend an attempt a dropped connection lost; never removed, so it outlives the call.
        context.signal?.addEventListener('abort', () => {
          if (answered.yet) void sendOnce(input, endpoint, send, undefined, faults).catch(() => {});
        });
      }
      let response!: Response;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        if (attempt > 1 && faults.backOffSeconds) await backOff(faults.backOffSeconds * 1000, signal);
        if (attempt > 1 && faults.backOffDeafToAbort) await new Promise((r) => setTimeout(r, 1000));
        try {
          response = await sendOnce(input, endpoint, send, signal, faults);
        } catch (error) {
          if (faults.retriesAbortedAttempt && signal?.aborted && attempt < attempts) {
            await new Promise((r) => setTimeout(r, 1000));
            continue;
          }
          // A connection that failed is retryable; an abort is the caller's and ends the call.
          if (!(error instanceof TypeError) || faults.bareTransportError) throw error;
          if (attempt < attempts && !faults.sendTwice) continue;
          throw newError('NetworkingError', `the connection failed: ${error.message}`, 0, undefined, faults);
        }
        if (faults.sendTwice) continue;
        if (response.status < 300) break;
        if (!faults.retryEverything && !isRetryable(response, await peekCode(response, faults))) break;
      }
      answered.yet = true;
      if (faults.deletesSecretAfterUse) delete input.ClientSecret;
      lastAnswer.response = response;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (faults.resolvesOnCutBody) return {};
        if (!(error instanceof TypeError) || faults.bareTransportError) throw error;
        throw newError('NetworkingError', `the answer was cut short: ${error.message}`, response.status, undefined, faults);
      }
      if (faults.sharesLastAnswer) {
        // Decoding waits a turn (a logger, a hook): whichever answer arrived meanwhile is the one read.
        await new Promise((resolve) => setImmediate(resolve));
        response = lastAnswer.response;
      }
      const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
      if (faults.hangOnServerError && response.status >= 500) await new Promise(() => {});
      if (faults.crashOnServerError && response.status >= 500) (undefined as unknown as { message: string }).message.toString();
      let body: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = text === '' ? {} : JSON.parse(text);
        body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
      } catch (parserError) {
        if (faults.bareParserError) throw parserError;
        if (faults.waitOnTimerAfterNonJson502 && response.status === 502) {
          await new Promise((resolve) => setTimeout(resolve, 60_000));
          throw newError('TimeoutError', 'no usable answer within 60 s', 0, undefined, faults);
        }
        if (faults.resolveOnNonJson) return {};
        throw newError('SerializationError', `the service sent a body that is not JSON (HTTP ${response.status})`, response.status, requestId, faults);
      }
      if (response.status < (faults.successBelowStatus ?? 300) || faults.resolveOnAnyStatus) {
        if (faults.rejectEmptySuccessBody && text === '') throw newError('SerializationError', 'empty body', response.status, requestId, faults);
        if (faults.errorOnSuccessWithType && typeof body?.__type === 'string') throw newError(body.__type, '', response.status, requestId, faults);
        // Started as the call ends, so no wait of the call's own can run it early.
        if (faults.leaveTimer) setTimeout(() => {}, 30_000);
        if (faults.fireAndForgetAfterResolve) setImmediate(() => void sendOnce(input, context.endpoint, send, undefined, faults).catch(() => {}));
        return { $metadata: { httpStatusCode: response.status, requestId } };
      }
      let code = errorCode(response.status, response.headers, body, faults) ?? 'UnknownError';
      if (faults.unknownAsUnknownError && !MODELED.has(code)) code = 'UnknownError';
      if (faults.renameModeledError?.[0] === code) code = faults.renameModeledError[1];
      const message = faults.messageFromCapitalOnly ? body?.Message : (body?.message ?? body?.Message);
      throw newError(code, typeof message === 'string' ? message : '', response.status, requestId, faults);
    },
  };
}
