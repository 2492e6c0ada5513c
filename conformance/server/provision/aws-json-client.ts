import { describeAnswer, errorMessageOf, resolveErrorType } from '../checks/error-type.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { type Exchange, isJsonObject, jsonBodyOf } from '../wire/exchange.ts';
import type { ServerWire } from '../wire/server-wire.ts';
import { signedWithSigV4 } from '../wire/sigv4.ts';

/**
 * What one call came to: the output of a 2xx, the error a client would decode, or no answer.
 * `exchange` is kept so a case can judge the call itself.
 * @internal
 */
export type CallResult =
  | { ok: true; output: Record<string, unknown>; exchange: Exchange }
  | { ok: false; status?: number; error?: string; message?: string; detail: string; exchange: Exchange };

const TOKEN_MEMBERS = ['AccessToken', 'IdToken', 'RefreshToken'] as const;

// Input members the Cognito model marks @sensitive that hold a token, a secret or a password.
const SECRET_MEMBERS = ['AccessToken', 'RefreshToken', 'ClientSecret', 'Password', 'TemporaryPassword', 'PreviousPassword', 'ProposedPassword', 'Token'];

/**
 * The tokens, secrets and passwords a request carries: its secret members, and every
 * AuthParameters value but USERNAME (SECRET_HASH, PASSWORD, REFRESH_TOKEN; the whole map is
 * @sensitive in the model, but a sign-in's answer may name the user).
 * @internal
 */
export function secretsOfInput(input: unknown): string[] {
  if (!isJsonObject(input)) return [];
  const values = SECRET_MEMBERS.map((name) => input[name]);
  const parameters = input['AuthParameters'];
  if (isJsonObject(parameters)) values.push(...Object.entries(parameters).flatMap(([name, value]) => (name === 'USERNAME' ? [] : [value])));
  return values.filter((value): value is string => typeof value === 'string');
}

/**
 * A deliberately small awsJson 1.1 client over the suite's wire. The suite does not use the
 * AWS SDK here: every request must go through the wire's budget, rate and time limit; the SDK
 * would retry on its own, read credentials and endpoints from the environment, and hide the
 * exact bytes. Admin operations are SigV4-signed with fake credentials, as real servers
 * expect; the rest go unsigned, as the SDK sends them.
 * @internal
 */
export class AwsJsonClient {
  constructor(
    private readonly wire: ServerWire,
    private readonly region: string,
  ) {}

  /** Tokens, secrets and passwords the run knows from now on: no later answer may carry them (P2). */
  remember(...values: ReadonlyArray<string | undefined>): void {
    this.wire.remember(...values);
  }

  /** Sends one call. What the request carries that is secret is remembered first, so its own answer may not quote it either (P2). */
  async call(operation: string, input: unknown, options: { signed?: boolean } = {}): Promise<CallResult> {
    this.remember(...secretsOfInput(input));
    let request = awsJsonRequest(this.wire.endpoint, operation, input);
    if (options.signed) request = await signedWithSigV4(request, this.wire.endpoint, this.region);
    const exchange = await this.wire.send(request);
    const response = exchange.response;
    if (!response) return { ok: false, detail: exchange.failure.detail, exchange };
    const body = jsonBodyOf(response);
    if (response.status >= 200 && response.status < 300) {
      if (body.kind === 'empty') return { ok: true, output: {}, exchange };
      if (body.kind === 'json' && isJsonObject(body.value)) {
        const result = body.value['AuthenticationResult'];
        if (isJsonObject(result)) this.remember(...TOKEN_MEMBERS.map((name) => (typeof result[name] === 'string' ? (result[name] as string) : undefined)));
        return { ok: true, output: body.value, exchange };
      }
      return { ok: false, status: response.status, detail: `${response.status} with a body that is not a JSON object`, exchange };
    }
    const error = resolveErrorType(response)?.name;
    const message = errorMessageOf(response);
    return {
      ok: false,
      status: response.status,
      ...(error ? { error } : {}),
      ...(message !== undefined ? { message } : {}),
      detail: describeAnswer(response),
      exchange,
    };
  }
}
