/**
 * Where a fault lives, in the words of issue 17: faults a one-call, fresh-input, one-endpoint
 * suite whose world ends when the call settles cannot see.
 */
export type Dimension = 'calls' | 'endpoint' | 'signal' | 'transport' | 'after-settle' | 'input' | 'answers' | 'concurrency';

/**
 * One entry of the client fault catalogue: a client with exactly one fault that a real SDK or
 * client wrapper has had, written independently of the suite (the base is
 * conformance/self-test/fault-catalogue/catalogue-client.ts, not the minimal client), so the
 * catalogue measures what the suite catches rather than what its own mutants can express.
 */
export interface CatalogueEntry {
  id: string;
  /** Repository path of the adapter module: run as `--adapter <module>` runs it, in the sandbox. */
  module: string;
  dimension: Dimension;
  /** An issue, pull request or commit that shows the fault. */
  source: string;
  /** What in the source shows it; where the source is about another operation or service, it says so. */
  shows: string;
  /**
   * The rule that should catch it. A7 (exact endpoint), A8 (nothing after the end) and A9 (input
   * unchanged) are the rules of issue 17; absent where the catching case (a transport failure,
   * an overlapping call) fails whichever outcome rule its answer has.
   */
  rule?: string;
  /** The case that reveals it. */
  via: string;
  /** Real milliseconds a call may take (--case-timeout) for an entry that hangs by design. */
  caseTimeoutMs?: number;
  /** Its rule is should-level: the suite kills it at that level, in a --strict run. */
  strict?: boolean;
}

const dir = 'conformance/self-test/fault-catalogue';

/** The correct clients the entries are one fault away from: each must pass the whole default suite. */
export const CONTROLS: readonly { id: string; module: string }[] = [
  { id: 'control', module: `${dir}/control.ts` },
  { id: 'control-with-retries', module: `${dir}/control-with-retries.ts` },
];

const entry = (e: Omit<CatalogueEntry, 'module'>): CatalogueEntry => ({ ...e, module: `${dir}/entries/${e.id}.ts` });

export const CATALOGUE: readonly CatalogueEntry[] = [
  // The endpoint.
  entry({
    id: 'drops-endpoint-path',
    dimension: 'endpoint',
    source: 'https://github.com/aws/aws-sdk-js-v3/pull/2722',
    shows:
      'feat(clients) "allow setting path prefix from custom endpoints" (resolves #1399): before it, RPC-protocol clients ignored the path of a custom endpoint',
    rule: 'A7',
    via: 'an endpoint with a path prefix (http://127.0.0.1:4566/custom)',
  }),
  entry({
    id: 'drops-slash-after-path',
    dimension: 'endpoint',
    source: 'https://github.com/smithy-lang/smithy/pull/899',
    shows: 'adds the RPC HostWithPath protocol tests: host example.com/custom must be sent to uri "/custom/", with the trailing slash',
    rule: 'F1',
    strict: true,
    via: 'an endpoint with a path prefix and no trailing slash',
  }),
  entry({
    id: 'doubles-trailing-slash',
    dimension: 'endpoint',
    source: 'https://github.com/kpcyrd/rebuilderd/pull/78',
    shows: '"Avoid double-slash in request if endpoint url ends with slash" (a Rust HTTP client, not an AWS one): the kind is the same',
    rule: 'C2',
    via: 'an endpoint given with a trailing slash',
  }),
  entry({
    id: 'drops-endpoint-port',
    dimension: 'endpoint',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/1930',
    shows: '@aws-sdk/client-sqs 3.3.0: with a custom endpoint, the port is stripped from the request (SQS, another service)',
    rule: 'A7',
    via: 'a custom host with a port',
  }),
  entry({
    id: 'forces-https',
    dimension: 'endpoint',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/1084',
    shows: 'a custom http endpoint with tls:false still went out over https in fetch-http-handler (S3 mock server, another service)',
    rule: 'A7',
    via: 'a loopback http endpoint',
  }),
  entry({
    id: 'host-from-region',
    dimension: 'endpoint',
    source: 'https://github.com/aws/aws-sdk-net/issues/1781',
    shows: 'AWS SDK for .NET: ServiceURL (the custom endpoint) is ignored when RegionEndpoint is set; the URL is rebuilt from the region (DynamoDB Local)',
    rule: 'A7',
    via: 'any endpoint other than the bare regional one',
  }),
  entry({
    id: 'wrong-partition-suffix',
    dimension: 'endpoint',
    source: 'https://github.com/boto/botocore/pull/314',
    shows: '"Fix region endpoint for cn-north-1": the endpoint heuristic built cn-north-1 hosts with the commercial suffix instead of amazonaws.com.cn',
    rule: 'A7',
    via: 'a China-partition endpoint (cognito-idp.cn-north-1.amazonaws.com.cn)',
  }),
  entry({
    id: 'retry-repeats-endpoint-path',
    dimension: 'endpoint',
    source: 'https://github.com/aws/aws-sdk-js/issues/1520',
    shows:
      'aws-sdk v2.55: a retried S3 request uses a bogus hostname, the bucket applied a second time to the already-built endpoint (regression of #585/#636)',
    rule: 'C2',
    via: 'a retried call to an endpoint with a path prefix',
  }),
  // Across calls on one client.
  entry({
    id: 'keeps-first-endpoint',
    dimension: 'calls',
    source: 'https://github.com/aws/aws-sdk-ruby/pull/2844',
    shows:
      '"Skip bucket region cache if custom endpoint is provided": a cache filled by earlier calls redirected later calls away from the endpoint given (S3)',
    rule: 'A7',
    via: 'two calls on one adapter with different endpoints',
  }),
  entry({
    id: 'keeps-first-content-length',
    dimension: 'calls',
    source: 'https://github.com/mhart/aws4/issues/164',
    shows: "aws4 mutates the headers object it is given: a headers object reused for a second request carries the first request's Content-Length",
    rule: 'C5',
    via: 'two calls on one adapter with bodies of different sizes',
  }),
  entry({
    id: 'stacks-target-step',
    dimension: 'calls',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/4181',
    shows: "lib-dynamodb commands: the command's middleware stack is concatenated onto the client's again, so middleware runs twice (DynamoDB)",
    rule: 'C4',
    via: 'a second call on one adapter',
  }),
  entry({
    id: 'retry-quota-never-refills',
    dimension: 'calls',
    source: 'https://github.com/aws/aws-sdk-go-v2/issues/3550',
    shows:
      "RetryMode=adaptive never refills the retry quota on success: once drained, retries stop for the life of the process, and the client's own QuotaExceeded error is returned (#3189: it reads like the service's)",
    rule: 'C20',
    via: 'several throttling answers on one adapter',
  }),
  entry({
    id: 'quota-drained-by-non-retryable',
    dimension: 'calls',
    source: 'https://github.com/aws/aws-sdk-go-v2/issues/3186',
    shows:
      '"Standard retryer incorrectly counts non-retryable errors against retries": tokens taken for a retry that ends in a non-retryable error (Not Found) are never released',
    rule: 'C20',
    via: 'retried calls that end in a non-retryable error, then a throttled call, on one adapter',
  }),
  entry({
    id: 'leaks-slot-on-network-error',
    dimension: 'calls',
    source: 'https://github.com/twentyhq/twenty/pull/23857',
    shows:
      'AWS SDK v3 with no request timeout: requests that never completed held their sockets until maxSockets was reached, and every later call on the client queued forever (Lambda)',
    rule: 'A2',
    via: 'two requests that never complete (aborted, reset), then any call, on one adapter',
  }),
  // Signals.
  entry({
    id: 'ignores-already-aborted-signal',
    dimension: 'signal',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/2318',
    shows: '"The waiter should not send request if AbortController is already aborted": it sent one (S3 waitForBucketExists)',
    rule: 'A2',
    via: 'a call given a signal that is already aborted',
  }),
  entry({
    id: 'back-off-ignores-abort',
    dimension: 'signal',
    source: 'https://github.com/openai/openai-node/issues/2580',
    shows:
      '"Abort during retry backoff waits for the full delay": the back-off sleep does not listen to the signal (openai-node; aws-sdk-js-v3#4871 is the same family)',
    rule: 'A2',
    via: 'a signal aborted while a retry is backing off',
  }),
  entry({
    id: 'retries-aborted-attempt',
    dimension: 'signal',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/4871',
    shows:
      '"Aborted AbortSignal does not stop retries": AbortError was classified transient and retried (fixed by #4895; smithy-typescript#2268 is the same with AbortSignal.timeout) (Lambda)',
    rule: 'A2',
    via: 'a call aborted during its request, with retries declared',
  }),
  entry({
    id: 'leaks-abort-listener',
    dimension: 'signal',
    source: 'https://github.com/smithy-lang/smithy-typescript/issues/1318',
    shows:
      'node-http-handler added abort listeners to a signal reused across requests and never removed them (MaxListenersExceededWarning; fixed by #1332) (SQS)',
    rule: 'A8',
    via: 'one signal shared by several calls',
  }),
  // The transport.
  entry({
    id: 'network-error-resolves',
    dimension: 'transport',
    source: 'https://github.com/ember-cli/ember-fetch/issues/35',
    shows: '"Fetch promises always resolving": the error was returned rather than thrown, so a network failure took the success path (a fetch wrapper)',
    via: 'a connection reset or refused',
  }),
  entry({
    id: 'network-error-escapes-raw',
    dimension: 'transport',
    source: 'https://github.com/rjrodger/simpledb/issues/26',
    shows: '"socket hang up error is not handled": the SimpleDB client let the transport error crash the application instead of returning an error',
    rule: 'A5',
    via: 'a connection reset or refused',
  }),
  entry({
    id: 'network-error-unhandled-rejection',
    dimension: 'transport',
    source: 'https://github.com/Dwolla/dwolla-v2-node/issues/5',
    shows: '"Making a request with network issues produces an uncatchable promise rejection" (an API client over node-fetch)',
    rule: 'A5',
    via: 'a connection reset or refused',
  }),
  entry({
    id: 'network-error-hangs',
    dimension: 'transport',
    source: 'https://github.com/zeit/now-client/pull/27',
    shows: '"Do not swallow network errors": network errors were swallowed and the promises never resolved nor rejected (an API client)',
    rule: 'A4',
    via: 'a connection reset or refused',
    caseTimeoutMs: 300,
  }),
  entry({
    id: 'truncated-body-resolves',
    dimension: 'transport',
    source: 'https://github.com/psf/requests/pull/2833',
    shows:
      '"Check Content-Length when present": responses cut short by a connection reset were silently taken as complete (python requests, which botocore\'s urllib3 shares)',
    via: 'a response cut off in the middle of its body',
  }),
  entry({
    id: 'truncated-body-hangs',
    dimension: 'transport',
    source: 'https://github.com/aws/aws-sdk-js/issues/1392',
    shows: '"Callback isn\'t called when connection hangs after receiving some data": the timeout path is skipped once data arrived (DynamoDB)',
    rule: 'A4',
    via: 'a response cut off in the middle of its body',
    caseTimeoutMs: 300,
  }),
  entry({
    id: 'retries-reset-undeclared',
    dimension: 'transport',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/3905',
    shows: '"ECONNRESET triggers retries": the SDK re-sends on a reset (S3); a client that does so without declaring retries sends a second request',
    rule: 'A1',
    via: 'a connection reset, without retries declared',
  }),
  // After the call settled.
  entry({
    id: 'leaves-request-timer',
    dimension: 'after-settle',
    source: 'https://github.com/xdevplatform/xdk/issues/31',
    shows: '"TypeScript SDK does not clear request timeout timer": the process stays alive 30 s after the request completed',
    rule: 'A8',
    via: 'any call (the timer is left on the fake clock)',
  }),
  entry({
    id: 'leaves-timer-after-error',
    dimension: 'after-settle',
    source: 'https://github.com/joepie91/node-bhttp/issues/39',
    shows: '"responseTimeout timer is not cleared on request error", which keeps the process hanging',
    rule: 'A8',
    via: 'a call that fails',
  }),
  entry({
    id: 'resends-after-resolve',
    dimension: 'after-settle',
    source: 'https://github.com/aws/aws-sdk-js/issues/1678',
    shows:
      '"Callback function called twice if a connection error occurs AFTER a response has been received": the request lifecycle runs again after the caller got its answer (Firehose)',
    rule: 'A8',
    via: 'a successful call (a request arrives after it settled)',
  }),
  entry({
    id: 'keeps-retrying-after-abort',
    dimension: 'after-settle',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/2319',
    shows: '"The waiter makes subsequent request even after it is aborted" (S3 waitForBucketExists)',
    rule: 'A8',
    via: 'a call aborted with retries declared (a request arrives after it settled)',
  }),
  // The caller's input.
  entry({
    id: 'deletes-secret-from-input',
    dimension: 'input',
    source: 'https://github.com/aws/aws-sdk-ruby/issues/1400',
    shows: '"Presigner#presigned_url mutates params hash": the virtual_host key is removed from the caller\'s params (S3 presigner)',
    rule: 'A9',
    via: 'the same input object passed again, or read back after the call',
  }),
  entry({
    id: 'trims-token-in-place',
    dimension: 'input',
    source: 'https://github.com/aws-amplify/amplify-js/pull/7408',
    shows:
      '"Trim inputs before submit": the Amplify UI components trim the username and write it back into their own sign-up attributes before calling Cognito',
    rule: 'A9',
    via: 'an input whose Token has surrounding whitespace',
  }),
  entry({
    id: 'replaces-lone-surrogates',
    dimension: 'input',
    source: 'https://github.com/vercel-labs/agent-browser/pull/720',
    shows: '"sanitize lone Unicode surrogates using toWellFormed()": strings are made well-formed before serialising, a lone surrogate going out as U+FFFD',
    rule: 'C8',
    via: 'an input string with a lone surrogate (what a JavaScript or Java caller can pass)',
  }),
  entry({
    id: 'cuts-strings-at-nul',
    dimension: 'input',
    source: 'https://github.com/cactus-compute/cactus-react-native/issues/29',
    shows: '"response truncated at first null byte by strlen-based trim" in a native binding (the response side there; the kind is the same)',
    rule: 'C8',
    via: 'an input string containing U+0000',
  }),
  // Overlapping calls.
  entry({
    id: 'duplicate-step-when-overlapping',
    dimension: 'concurrency',
    source: 'https://github.com/aws/aws-sdk-js-v3/issues/1857',
    shows:
      '"Duplicated middleware name \'presignInterceptMiddleware\'" when several presign calls run in one tick on one client; sequential calls work (S3 presigner)',
    rule: 'A1',
    via: 'two overlapping calls on one adapter',
  }),
  entry({
    id: 'swaps-answers-when-overlapping',
    dimension: 'concurrency',
    source: 'https://github.com/axios/axios/issues/2282',
    shows: '"Concurrent requests made by axios is mixing up the responses" on a shared instance',
    via: 'two overlapping calls with different answers',
  }),
  entry({
    id: 'network-error-fails-all-in-flight',
    dimension: 'concurrency',
    source: 'https://github.com/freenet/freenet-stdlib/issues/96',
    shows: 'the TypeScript SDK\'s fix notes that "any single host error rejected every in-flight request across all contracts"',
    via: 'a transport failure while another call is in flight',
  }),
  // Answers the protocol allows.
  entry({
    id: 'exact-content-type-for-errors',
    dimension: 'answers',
    source: 'https://github.com/aws/chalice/issues/180',
    shows:
      '"Doesn\'t detect JSON when Content-Type contains charset" (Smithy\'s AwsJson11MustSupportParametersInContentType asks for the parameter to be accepted)',
    rule: 'C18',
    via: 'an error answer with Content-Type application/x-amz-json-1.1; charset=utf-8',
    strict: true,
  }),
  entry({
    id: 'only-200-is-success',
    dimension: 'answers',
    source: 'https://github.com/aliyun/api-gateway-nodejs-sdk/issues/24',
    shows: '"Response with code 20x other 200 is thrown as error": the SDK accepts a response only when the code is 200',
    rule: 'C12',
    via: 'a success answer with status 201, 202 or 204',
  }),
  entry({
    id: 'dunder-type-before-code',
    dimension: 'answers',
    source: 'https://github.com/aws/aws-sdk-go-v2/pull/2012',
    shows:
      '"correct error type parsing for restJson services": the order is fixed to X-Amzn-ErrorType, then code, then __type (restJson1; awsJson1_1 has the same order)',
    rule: 'C14',
    via: 'an error whose code and __type members disagree',
    strict: true,
  }),
  entry({
    id: 'body-code-over-header',
    dimension: 'answers',
    source: 'https://github.com/aws/aws-sdk-go/pull/4740',
    shows:
      "restjson unmarshal_error.go: `code = jsonErr.Code` overwrote the header's code with the body's; the fix keeps the header's and uses the body only without it",
    rule: 'C14',
    via: 'an error whose X-Amzn-Errortype header and body disagree',
    strict: true,
  }),
  entry({
    id: 'message-from-header-only',
    dimension: 'answers',
    source: 'https://github.com/aws/aws-sdk-go/issues/4733',
    shows: 'an unknown error with a code header and no message header got an empty message, though the body had one (Lambda; fixed by #4740)',
    rule: 'C21',
    via: 'an error with X-Amzn-Errortype and a body message',
  }),
];
