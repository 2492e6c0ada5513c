import { operationOfTarget } from '../protocol/aws-json.ts';
import { isSensitiveMemberName, stringMembersOfBody } from '../redaction/redact.ts';
import type { Exchange } from '../server/wire/exchange.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import type { ProxiedRequest } from './listen.ts';
import { PROXY_LIMITS } from './proxy-limits.ts';

/** One exchange through the proxy, as the judges and the recorder see it. */
export interface ObservedExchange {
  /** 1 for the first request the proxy received. */
  index: number;
  /** The operation X-Amz-Target names (`RevokeToken`, `InitiateAuth`), or `(no target)`. */
  operation: string;
  /** Judged by the client rules too: the target names RevokeToken in any letter case, or no target and a body with a Token. */
  revokeToken: boolean;
  /** The request as the client checks read it (the URL is the proxy's own). */
  request: CapturedRequest;
  /** What the upstream did, as the server checks read it; an answer cut at the cap counts as none. */
  exchange: Exchange;
  /** The sensitive values the request carried (Token, ClientId, ClientSecret, passwords, tokens), at any depth: redacted everywhere. */
  secrets: string[];
  /** Those of them that no later answer may carry (P2): every one but a client id, which describing a client gives back by design. */
  knownSecrets: string[];
  latencyMs: number;
}

// Members of Cognito requests whose values are secrets, besides the three RevokeToken's model marks.
const SECRET_MEMBERS = new Set([
  'idtoken',
  'password',
  'proposedpassword',
  'previouspassword',
  'accesstoken',
  'refreshtoken',
  'refresh_token',
  'secret_hash',
  'secrethash',
  'session',
]);

/** The secrets a body holds: the members redaction knows, and the auth APIs' passwords, tokens and proofs. */
function secretsOf(body: string): string[] {
  return stringMembersOfBody(body, (name) => isSensitiveMemberName(name) || SECRET_MEMBERS.has(name.toLowerCase())).filter((member) => member !== '');
}

/** The string values of members named `name` (any letter case, underscores ignored), at any depth. */
function valuesOfMember(body: string, name: string): string[] {
  return stringMembersOfBody(body, (key) => key.toLowerCase().replaceAll('_', '') === name);
}

function hasTokenMember(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((key) => key.toLowerCase() === 'token');
  } catch {
    return false;
  }
}

/** The request's URL on the proxy; a path such as `//x` stays a path (URL parsing would read a host in it). */
function requestUrl(proxyUrl: string, path: string): string {
  try {
    return new URL(`${proxyUrl}${path.startsWith('/') ? '' : '/'}${path}`).href;
  } catch {
    return `${proxyUrl}/`;
  }
}

/** What one request and its answer were, ready to judge. */
export function observe(index: number, proxyUrl: string, request: ProxiedRequest, exchange: Exchange, latencyMs: number): ObservedExchange {
  const body = new TextDecoder().decode(request.body);
  const target = request.headers['x-amz-target'];
  const named = target === undefined ? undefined : target.slice(target.lastIndexOf('.') + 1);
  const operation = operationOfTarget(target) ?? (named !== undefined && named !== '' ? named : '(no target)');
  const revokeToken = named !== undefined ? named.toLowerCase() === 'revoketoken' : hasTokenMember(body);
  const requestSecrets = secretsOf(body);
  // An answer's tokens (InitiateAuth's AuthenticationResult) are redacted too, though no rule forbids them there.
  const secrets = [...requestSecrets, ...(exchange.response && !exchange.response.truncated ? secretsOf(exchange.response.text) : [])];
  const clientIds = new Set(valuesOfMember(body, 'clientid'));
  const judged: Exchange =
    exchange.response?.truncated === true
      ? {
          request: exchange.request,
          failure: { kind: 'connection', detail: `the answer exceeds the proxy's cap of ${PROXY_LIMITS.answerBodyBytes} bytes, so it was not relayed` },
        }
      : exchange;
  return {
    index,
    operation,
    revokeToken,
    request: {
      method: request.method,
      url: requestUrl(proxyUrl, request.path),
      headers: { ...request.headers },
      body,
      bodyBytes: request.body.byteLength,
      transport: 'loopback',
    },
    exchange: judged,
    secrets,
    knownSecrets: requestSecrets.filter((value) => !clientIds.has(value)),
    latencyMs,
  };
}
