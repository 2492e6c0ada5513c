import type { Adapter, AdapterError } from './contract.ts';

// The v2 SDK prints a maintenance-mode notice on load; it says nothing about conformance.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
const { default: AWS } = await import('aws-sdk');

interface V2Error extends Error {
  code?: string;
  statusCode?: number;
  requestId?: string;
}

/**
 * The AWS SDK for JavaScript v2 (aws-sdk), in maintenance mode but still widely deployed. It
 * has no pluggable fetch, so it reaches the fixtures through msw's interception of Node's
 * http module. Default retries (3 retries after the first attempt).
 */
const adapter: Adapter = {
  name: 'aws-sdk-v2 (aws-sdk)',
  capabilities: { clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 4 },
  revokeToken(input, context) {
    const client = new AWS.CognitoIdentityServiceProvider({
      region: context.region,
      endpoint: context.endpoint,
      credentials: new AWS.Credentials('AKIDFAKEFORCONFORMANCE', 'fake-secret-for-conformance'),
    });
    // An abort event never fires for a signal aborted before the call: that one is read here.
    if (context.signal?.aborted) return Promise.reject(abortError(context.signal));
    const request = client.revokeToken(input as AWS.CognitoIdentityServiceProvider.RevokeTokenRequest);
    const onAbort = () => request.abort();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    return (
      request
        .promise()
        .then(
          () => ({}),
          (raw: V2Error) => {
            const error = new Error(raw.message) as AdapterError;
            error.name = raw.code ?? raw.name;
            error.$metadata = { httpStatusCode: raw.statusCode, requestId: raw.requestId };
            throw error;
          },
        )
        // The application may keep its signal for many calls: this call's listener goes with the call.
        .finally(() => context.signal?.removeEventListener('abort', onAbort))
    );
  },
};

/** The rejection of a call whose signal was aborted before it started, as v2 names its own aborts. */
function abortError(signal: AbortSignal): Error {
  const error = new Error(`the request was aborted before it was sent: ${String((signal.reason as Error | undefined)?.message ?? signal.reason)}`);
  error.name = 'RequestAbortedError';
  return error;
}

export default adapter;
