import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { OutgoingRequest } from './send-once.ts';

/**
 * Obviously fake static credentials. The suite signs Cognito's admin operations because real
 * servers expect SigV4 on them; emulators accept any signature. No credential is ever read
 * from the environment or a profile, so a run can never act with someone's real identity.
 * @internal
 */
export const FAKE_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIDSERVERCONFORMANCE',
  secretAccessKey: 'server-conformance-suite-fake-secret',
});

/**
 * The request with SigV4 headers (Authorization, X-Amz-Date, X-Amz-Content-Sha256 where the
 * signer adds it) for service `cognito-idp` in `region`.
 * @internal
 */
export async function signedWithSigV4(request: OutgoingRequest, endpoint: URL, region: string, signingDate?: Date): Promise<OutgoingRequest> {
  const signer = new SignatureV4({ credentials: FAKE_CREDENTIALS, region, service: 'cognito-idp', sha256: Sha256 });
  const base = endpoint.pathname.replace(/\/+$/, '');
  const headers: Record<string, string> = { host: endpoint.host };
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port === '' ? {} : { port: Number(endpoint.port) }),
      path: `${base}${request.path}`,
      query: {},
      headers,
      body: request.body,
    },
    signingDate === undefined ? {} : { signingDate },
  );
  return { ...request, headers: { ...(signed.headers as Record<string, string>) } };
}
