import type { CallContext, RevokeTokenInput } from '../../contract.ts';
import type { ProcessAdapter } from '../../process.ts';
import type { StubAnswer, StubRequest, StubService } from './stub-service.ts';

const JSON_11 = { 'Content-Type': 'application/x-amz-json-1.1' };

/** The answers every shim is driven through; what each client makes of them is recorded per shim. */
export const WIRE_VARIANTS = {
  success: { status: 200, headers: { ...JSON_11, 'x-amzn-RequestId': 'req-success-1' }, body: '{}' },
  modeledError: {
    status: 400,
    headers: { ...JSON_11, 'x-amzn-RequestId': 'req-modeled-2' },
    body: '{"__type":"UnsupportedTokenTypeException","message":"Unsupported token type"}',
  },
  headerOnlyError: {
    status: 400,
    headers: {
      ...JSON_11,
      'x-amzn-RequestId': 'req-header-3',
      'x-amzn-ErrorType': 'UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/',
    },
    body: '{"message":"Unauthorized via the header"}',
  },
  html502: { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  /** The header and __type name different errors: which one wins? */
  headerAndTypeDisagree: {
    status: 400,
    headers: { ...JSON_11, 'x-amzn-RequestId': 'req-both-5', 'x-amzn-ErrorType': 'UnauthorizedException' },
    body: '{"__type":"InvalidParameterException","message":"Both places"}',
  },
  namespacedType: {
    status: 400,
    headers: { ...JSON_11, 'x-amzn-RequestId': 'req-ns-6' },
    body: '{"__type":"com.amazonaws.cognitoidentityprovider#TooManyRequestsException","Message":"Rate exceeded"}',
  },
  emptyBody500: { status: 500, headers: { 'x-amzn-RequestId': 'req-empty-7' }, body: '' },
} satisfies Record<string, StubAnswer>;

export const INPUT: RevokeTokenInput = {
  Token: 'eyJjdHkiOiJKV1QifQ.fake-refresh-token.sig',
  ClientId: '1example23456789',
  ClientSecret: 'examplesecret0123456789abcdef',
};

export interface Observed {
  outcome: { ok: unknown } | { error: { name: string; message: string; $metadata?: unknown } };
  requests: StubRequest[];
}

/** Runs one call against the stub answering `answer`, and returns what the client made of it and what it sent. */
export async function observe(adapter: ProcessAdapter, stub: StubService, answer: StubAnswer, input: RevokeTokenInput = INPUT): Promise<Observed> {
  stub.answerWith(answer);
  const context: CallContext = { endpoint: stub.endpoint, region: 'us-east-1' };
  let outcome: Observed['outcome'];
  try {
    outcome = { ok: await adapter.revokeToken(input, context) };
  } catch (error) {
    const e = error as Error & { $metadata?: unknown };
    outcome = { error: { name: e.name, message: e.message, ...(e.$metadata !== undefined ? { $metadata: e.$metadata } : {}) } };
  }
  return { outcome, requests: [...stub.requests] };
}

/** The awsJson1_1 request every client must send for `input` (checked field by field, so failures are readable). */
export function wireProblems(request: StubRequest, input: RevokeTokenInput): string[] {
  const problems: string[] = [];
  if (request.method !== 'POST') problems.push(`method ${request.method}`);
  if (request.url !== '/') problems.push(`path ${request.url}`);
  if (request.headers['x-amz-target'] !== 'AWSCognitoIdentityProviderService.RevokeToken') problems.push(`x-amz-target ${request.headers['x-amz-target']}`);
  if (request.headers['content-type'] !== 'application/x-amz-json-1.1') problems.push(`content-type ${request.headers['content-type']}`);
  for (const signed of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) {
    if (request.headers[signed] !== undefined) problems.push(`${signed} present (the request was signed)`);
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    problems.push(`body is not JSON: ${request.body.slice(0, 80)}`);
  }
  if (body !== undefined && JSON.stringify(sortKeys(body)) !== JSON.stringify(sortKeys(input))) {
    problems.push(`body members ${Object.keys(body as object).sort().join(',')} instead of ${Object.keys(input).sort().join(',')}`);
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
