import { randomUUID } from 'node:crypto';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import type { OutgoingRequest } from '../wire/send-once.ts';
import { signedWithSigV4 } from '../wire/sigv4.ts';

/**
 * How a RevokeToken request is written, as the clients that send it write it. The same input
 * must mean the same thing in each: a server that reads the body with a pattern, depends on a
 * member order or a header, or refuses a signature shows on a revoke of a live token.
 * - `plain`: the suite's own, compact JSON and the protocol's headers only.
 * - `aws-sdk-js-v3`: compact JSON with the headers the JavaScript SDK v3 adds (User-Agent,
 *   X-Amz-User-Agent, amz-sdk-invocation-id, amz-sdk-request).
 * - `botocore`: json.dumps' default separators (a space after every colon and comma), the
 *   members in the caller's order (here ClientId first), and boto3's User-Agent and amz-sdk-* headers.
 * - `signed`: SigV4-signed, as clients built from the model before 2023-08 send it (the AWS
 *   CLI v2 that Debian ships, semantics research section 8).
 * @internal
 */
export type RequestForm = 'plain' | 'aws-sdk-js-v3' | 'botocore' | 'signed';

/** @internal */
export const REQUEST_FORMS: readonly RequestForm[] = ['plain', 'aws-sdk-js-v3', 'botocore', 'signed'];

/** JSON as Python's json.dumps writes it by default: `{"a": 1, "b": 2}`. @internal */
export function pythonJson(value: Readonly<Record<string, unknown>>): string {
  return `{${Object.entries(value)
    .map(([name, member]) => `${JSON.stringify(name)}: ${JSON.stringify(member)}`)
    .join(', ')}}`;
}

/** The RevokeToken request for `input`, written in `form`. @internal */
export async function revokeRequestIn(form: RequestForm, endpoint: URL, region: string, input: Readonly<Record<string, unknown>>): Promise<OutgoingRequest> {
  switch (form) {
    case 'plain':
      return awsJsonRequest(endpoint, 'RevokeToken', input);
    case 'aws-sdk-js-v3':
      return awsJsonRequest(endpoint, 'RevokeToken', input, {
        headers: {
          'user-agent': 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#20.19.0 api/cognito-identity-provider#3.1169.0 m/E',
          'x-amz-user-agent': 'aws-sdk-js/3.1169.0',
          'amz-sdk-invocation-id': randomUUID(),
          'amz-sdk-request': 'attempt=1; max=3',
        },
      });
    case 'botocore': {
      const { ClientId, ...rest } = input;
      const body = new TextEncoder().encode(pythonJson({ ...(ClientId === undefined ? {} : { ClientId }), ...rest }));
      return awsJsonRequest(endpoint, 'RevokeToken', body, {
        headers: {
          'user-agent': 'Boto3/1.44.5 md/Botocore#1.44.5 ua/2.1 os/linux#6 md/arch#x86_64 lang/python#3.11 cfg/retry-mode#legacy Botocore/1.44.5',
          'amz-sdk-invocation-id': randomUUID(),
          'amz-sdk-request': 'attempt=1',
          accept: '*/*',
          'accept-encoding': 'identity',
        },
      });
    }
    case 'signed':
      return signedWithSigV4(awsJsonRequest(endpoint, 'RevokeToken', input), endpoint, region);
  }
}
