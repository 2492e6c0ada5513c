import type { Adapter, AdapterCapabilities, AdapterError, CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../adapters/contract.ts';

// The fault catalogue's own client: small, fetch-based and correct, written apart from the
// minimal client so that its faults are not the mutants' faults in disguise. Each step of a call
// is a method, so a catalogue entry is this class with exactly one method overridden.

const TARGET = 'AWSCognitoIdentityProviderService.RevokeToken';
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['TooManyRequestsException', 'InternalErrorException']);

/** Virtual milliseconds between two attempts (the suite's fake clock makes them free). */
export const BACK_OFF_MS = 100;

/** What the service answered, read whole. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** An error as the contract wants it: named by the decoded code, with the answer's metadata. */
export function catalogueError(name: string, message: string, status?: number, requestId?: string): AdapterError {
  const error = new Error(message) as AdapterError;
  error.name = name;
  error.$metadata = { ...(status !== undefined ? { httpStatusCode: status } : {}), ...(requestId !== undefined ? { requestId } : {}) };
  return error;
}

/** The rejection of an aborted call: the signal's own reason when it is an Error. */
export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('the call was aborted', 'AbortError');
}

/** A transport failure (reset, refused, cut short), wrapped so that no bare TypeError escapes. */
export function networkingError(cause: unknown): AdapterError {
  const error = catalogueError('NetworkingError', `the exchange with the service failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  error.cause = cause;
  return error;
}

export interface CatalogueOptions {
  /** Declare retries (maxAttempts 2) and retry throttling, transient errors and transport failures once. */
  retries?: boolean;
}

/** The correct base of every catalogue entry. */
export class CatalogueClient {
  constructor(
    readonly name: string,
    protected readonly options: CatalogueOptions = {},
  ) {}

  /** The adapter object the suite loads. */
  adapter(): Adapter {
    return { name: this.name, capabilities: this.capabilities(), revokeToken: (input, context) => this.call(input, context) };
  }

  protected get maxAttempts(): number {
    return this.options.retries ? 2 : 1;
  }

  protected capabilities(): AdapterCapabilities {
    return {
      clientSecret: true,
      revokeAssociatedSessions: true,
      cancellation: true,
      retries: this.options.retries ?? false,
      ...(this.options.retries ? { maxAttempts: this.maxAttempts } : {}),
    };
  }

  /** One call: the signal checked, the body built once, attempts sent until one answer is final. */
  protected async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    this.checkSignal(context.signal);
    const body = this.serialize(input);
    for (let attempt = 1; ; attempt += 1) {
      let answer: Answer;
      try {
        answer = await this.exchange(this.requestUrl(context, attempt), { method: 'POST', headers: this.headers(body), body }, context);
      } catch (error) {
        if (context.signal?.aborted || attempt >= this.maxAttempts) throw error;
        await this.backOff(context.signal, context);
        continue;
      }
      if (this.isSuccess(answer.status)) return this.success(answer);
      const error = this.decodeError(answer);
      if (attempt >= this.maxAttempts || !this.isRetryable(answer.status, error.name)) throw error;
      await this.backOff(context.signal, context);
    }
  }

  /** A call whose signal is already aborted sends nothing. */
  protected checkSignal(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw abortError(signal);
  }

  /** The members the caller set, under their model names; the caller's object is only read. */
  protected members(input: RevokeTokenInput): Record<string, unknown> {
    const members: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) if (value !== undefined) members[name] = value;
    return members;
  }

  protected serialize(input: RevokeTokenInput): string {
    return JSON.stringify(this.members(input));
  }

  /** The endpoint as given, scheme, host, port and path kept, with exactly one `/` after its path. */
  protected requestUrl(context: CallContext, _attempt: number): string {
    return `${context.endpoint.replace(/\/+$/, '')}/`;
  }

  protected headers(body: string): Record<string, string> {
    return {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': TARGET,
      'content-length': String(new TextEncoder().encode(body).byteLength),
    };
  }

  protected transport(context: CallContext): typeof fetch {
    return context.fetch ?? fetch;
  }

  /** One request and its whole answer; a transport failure becomes a NetworkingError (or the abort's reason). */
  protected async exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    const { signal } = context;
    let response: Response;
    try {
      response = await this.send(url, init, context);
    } catch (error) {
      throw this.transportFailure(error, signal);
    }
    let text: string;
    try {
      text = await this.readText(response);
    } catch (error) {
      throw this.transportFailure(error, signal);
    }
    return { status: response.status, headers: response.headers, text };
  }

  protected send(url: string, init: RequestInit, context: CallContext): Promise<Response> {
    const { signal } = context;
    return this.transport(context)(url, { ...init, ...(signal ? { signal } : {}) });
  }

  /** The whole body; a connection cut before its end rejects. */
  protected readText(response: Response): Promise<string> {
    return response.text();
  }

  protected transportFailure(error: unknown, signal: AbortSignal | undefined): Error {
    return signal?.aborted ? abortError(signal) : networkingError(error);
  }

  protected isSuccess(status: number): boolean {
    return status >= 200 && status < 300;
  }

  protected success(answer: Answer): RevokeTokenOutput {
    return { $metadata: { httpStatusCode: answer.status, requestId: answer.headers.get('x-amzn-requestid') ?? undefined } };
  }

  /** The body when it is a JSON object; `null` when it is not JSON at all; undefined for other JSON. */
  protected parseBody(answer: Answer): Record<string, unknown> | null | undefined {
    if (answer.text.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(answer.text);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return null;
    }
  }

  protected decodeError(answer: Answer): AdapterError {
    const body = this.parseBody(answer);
    const requestId = answer.headers.get('x-amzn-requestid') ?? undefined;
    const code = this.errorCode(answer.headers, body ?? undefined);
    if (code === undefined && body === null)
      return catalogueError('SerializationError', `the service answered HTTP ${answer.status} with a body that is not JSON`, answer.status, requestId);
    return catalogueError(code ?? 'UnknownError', this.errorMessage(answer.headers, body ?? undefined), answer.status, requestId);
  }

  /** The code from the header, else the body's `code`, else its `__type`; sanitised. */
  protected errorCode(headers: Headers, body: Record<string, unknown> | undefined): string | undefined {
    const header = headers.get('x-amzn-errortype');
    if (header) return this.sanitize(header);
    const codeKey = body && Object.keys(body).find((key) => key.toLowerCase() === 'code');
    const code = codeKey === undefined ? undefined : body?.[codeKey];
    if (typeof code === 'string') return this.sanitize(code);
    const type = body?.__type;
    return typeof type === 'string' ? this.sanitize(type) : undefined;
  }

  /** Text before the first `:` (a URI suffix), then after the first `#` (a namespace). */
  protected sanitize(raw: string): string {
    const withoutUri = raw.split(',')[0]!.trim().split(':')[0]!;
    const hash = withoutUri.indexOf('#');
    return hash >= 0 ? withoutUri.slice(hash + 1) : withoutUri;
  }

  protected errorMessage(_headers: Headers, body: Record<string, unknown> | undefined): string {
    const message = body?.message ?? body?.Message;
    return typeof message === 'string' ? message : '';
  }

  protected isRetryable(status: number, code: string): boolean {
    return status === 429 || status >= 500 || RETRYABLE_CODES.has(code);
  }

  /** Waits between attempts; an abort ends the wait at once, and nothing is left behind. `context` tells calls apart. */
  protected backOff(signal: AbortSignal | undefined, _context?: CallContext): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, BACK_OFF_MS);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
