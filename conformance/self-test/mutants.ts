import type { Faults } from './minimal-client.ts';

/**
 * One deliberately broken client per rule: the minimal client with exactly one fault, and
 * the rule that must catch it. Most faults are bugs seen in real clients (the comment says
 * where); the self-test runs each and fails if its rule stays green.
 */
export interface Mutant {
  id: string;
  /** The minimal client's faults; or, with `module`, the mutant is that module, run as `--adapter` runs it (in the sandbox). */
  faults?: Faults;
  /** Repository path of an adapter module, for faults only a module can have (what it keeps from load time). */
  module?: string;
  caughtBy: string;
  /** Should-level rules only fail the run under --strict. */
  strict?: boolean;
  /** A client that hangs by design is given a short real-time budget so its run stays quick. */
  caseTimeoutMs?: number;
  /** Only the call sequences (decisions/0016) can catch it: fixtures and properties alone pass it. */
  onlySequences?: boolean;
}

export const MUTANTS: readonly Mutant[] = [
  { id: 'put-instead-of-post', faults: { method: 'PUT' }, caughtBy: 'C1' },
  // The query protocol's habit: the action in the query string as well.
  { id: 'adds-action-query-string', faults: { path: '/?Action=RevokeToken' }, caughtBy: 'C2' },
  { id: 'posts-to-operation-path', faults: { path: '/RevokeToken' }, caughtBy: 'C2' },
  { id: 'plain-json-content-type', faults: { contentType: 'application/json' }, caughtBy: 'C3' },
  // smithy-kotlin#316, smithy-rs#4106: target derived from the sdkId instead of the service shape name.
  { id: 'target-from-sdk-id', faults: { target: 'CognitoIdentityProvider.RevokeToken' }, caughtBy: 'C4' },
  // The operation name taken from a lower-camel method name (revokeToken) instead of the shape.
  { id: 'target-from-method-name', faults: { target: 'AWSCognitoIdentityProviderService.revokeToken' }, caughtBy: 'C4' },
  // String.length counts UTF-16 code units, not the UTF-8 bytes the body has.
  { id: 'content-length-in-utf16-units', faults: { contentLengthInUtf16Units: true }, caughtBy: 'C5' },
  { id: 'content-length-off-by-one', faults: { contentLengthOffset: 1 }, caughtBy: 'C5' },
  // botocore before 2023-08 signed RevokeToken.
  { id: 'signs-with-sigv4', faults: { sign: true }, caughtBy: 'C6' },
  // The operation name lowercased in X-Amz-Target: one systematic fault that fails every case.
  { id: 'target-operation-lowercased', faults: { target: 'AWSCognitoIdentityProviderService.revoketoken' }, caughtBy: 'C4' },
  // Refresh tokens are a few kilobytes: a client that keeps them in a 2 KB buffer cuts the long ones.
  { id: 'truncates-token-at-2048', faults: { truncateTokenAt: 2048 }, caughtBy: 'C8' },
  { id: 'upper-cases-token', faults: { upperCaseToken: true }, caughtBy: 'C8' },
  // amplify-js#7408: form input trimmed before it is sent; a caller's token with whitespace around it goes out changed.
  { id: 'trims-strings', faults: { trimsStrings: true }, caughtBy: 'C8' },
  { id: 'camel-case-client-id', faults: { renameMember: ['ClientId', 'clientId'] }, caughtBy: 'C8' },
  // The same fault, seen through the fixtures' own expected request bodies.
  { id: 'camel-case-client-id-against-fixture-body', faults: { renameMember: ['ClientId', 'clientId'] }, caughtBy: 'F1' },
  // Values form-encoded as if for a query string: a + becomes %2B.
  { id: 'url-encodes-values', faults: { urlEncodeValues: true }, caughtBy: 'C8' },
  { id: 'null-for-unset-secret', faults: { nullForUnset: true }, caughtBy: 'C9' },
  { id: 'empty-body-without-members', faults: { emptyBodyWhenNoMembers: true }, caughtBy: 'C10' },
  // botocore validates min length client-side (ClientSecret >= 24 since 2026-02).
  { id: 'validates-secret-length', faults: { validateClientSecretLength: true }, caughtBy: 'C11', strict: true },
  // A 2xx judged by its body: a __type in a success answer taken for an error.
  { id: 'errors-on-success-with-type', faults: { errorOnSuccessWithType: true }, caughtBy: 'C12' },
  { id: 'rejects-empty-success-body', faults: { rejectEmptySuccessBody: true }, caughtBy: 'C12' },
  // An off-by-one in the success test (botocore's response parser alone parses errors from 301 on).
  { id: 'treats-300-as-success', faults: { successBelowStatus: 301 }, caughtBy: 'C13', strict: true },
  { id: 'resolves-any-status', faults: { resolveOnAnyStatus: true }, caughtBy: 'C13' },
  // botocore reads only __type (its protocol-test ignore list).
  { id: 'reads-dunder-type-only', faults: { dunderTypeOnly: true }, caughtBy: 'C19', strict: true },
  { id: 'reads-dunder-type-only-code-field', faults: { dunderTypeOnly: true }, caughtBy: 'C14', strict: true },
  // @smithy/core's loadJsonRpcErrorCode (js-v3 today) and aws-sdk v2's extractError: __type, then code, then the header.
  { id: 'reads-dunder-type-first', faults: { dunderTypeFirst: true }, caughtBy: 'C14', strict: true },
  // aws-sdk v2 keeps the :URI suffix.
  // Must-level, not only strict: Cognito's own answers name the error as `UnauthorizedException:` (the
  // *AsObserved fixtures), so a client that keeps what follows the colon fails against the real service.
  { id: 'keeps-uri-suffix', faults: { keepUriSuffix: true }, caughtBy: 'C15' },
  // js-v3#8031: namespace removal only for the service's own namespace.
  { id: 'requires-own-namespace', faults: { requireOwnNamespace: true }, caughtBy: 'C16' },
  { id: 'finds-nested-type', faults: { deepTypeSearch: true }, caughtBy: 'C17', strict: true },
  { id: 'name-from-status', faults: { nameFromStatus: true }, caughtBy: 'C18' },
  { id: 'misnames-operation-not-enabled', faults: { renameModeledError: ['OperationNotEnabledException', 'OperationNotEnabled'] }, caughtBy: 'C20' },
  { id: 'reads-capital-message-only', faults: { messageFromCapitalOnly: true }, caughtBy: 'C21' },
  { id: 'unknown-codes-become-unknown-error', faults: { unknownAsUnknownError: true }, caughtBy: 'C22' },
  { id: 'resolves-on-non-json', faults: { resolveOnNonJson: true }, caughtBy: 'C23' },
  // @aws-amplify/core 6.19.2 parseJsonError: the body is parsed before anything else is read.
  { id: 'bare-parser-error-on-non-json', faults: { bareParserError: true }, caughtBy: 'C23' },
  { id: 'drops-request-id', faults: { dropRequestId: true }, caughtBy: 'C24', strict: true },
  { id: 'sends-twice', faults: { sendTwice: true }, caughtBy: 'A1' },
  { id: 'ignores-abort', faults: { ignoreAbort: true }, caughtBy: 'A2' },
  { id: 'retries-everything', faults: { retryEverything: true }, caughtBy: 'A3', strict: true },
  // One attempt more than the declared maxAttempts (an off-by-one in the retry loop).
  { id: 'retries-beyond-declared-bound', faults: { retriesBeyondDeclared: true }, caughtBy: 'A3' },
  { id: 'hangs-on-server-error', faults: { hangOnServerError: true }, caughtBy: 'A4', caseTimeoutMs: 150 },
  // Waits on its own 60 s timer after a proxy's HTML 502, then gives up: the fake clock makes the
  // wait instant, so only the virtual time after the answer shows the hang a user would sit through.
  { id: 'waits-on-own-timer-after-502', faults: { waitOnTimerAfterNonJson502: true }, caughtBy: 'A4' },
  // A bug in the client's error path: a TypeError escapes instead of an error the caller can act on.
  { id: 'type-error-on-server-error', faults: { crashOnServerError: true }, caughtBy: 'A5' },
  // Keeps the real fetch from load time, before interception is in place: its requests would go
  // to the real Cognito endpoint. The sandbox's guard refuses them.
  { id: 'keeps-load-time-fetch', module: 'conformance/self-test/mutant-modules/keeps-load-time-fetch.ts', caughtBy: 'A6' },
  // Smithy's AwsJson11HostWithPath exists because clients lost the endpoint's base path.
  { id: 'drops-endpoint-path', faults: { dropEndpointPath: true }, caughtBy: 'A7' },
  { id: 'drops-endpoint-port', faults: { dropEndpointPort: true }, caughtBy: 'A7' },
  { id: 'forces-https', faults: { forceHttps: true }, caughtBy: 'A7' },
  // An endpoint resolver that ignores the configured endpoint and knows only the aws partition.
  { id: 'host-from-region', faults: { hostFromRegion: true }, caughtBy: 'A7' },
  // The same fault as a module in the sandbox: before A7, msw printed a warning per request and the case crashed under A5.
  { id: 'posts-to-fixed-host', module: 'conformance/self-test/mutant-modules/posts-to-fixed-host.ts', caughtBy: 'A7' },
  // `${endpoint}/` with an endpoint that already ends in a slash.
  { id: 'appends-slash-blindly', faults: { appendSlashBlindly: true }, caughtBy: 'C2' },
  { id: 'fires-and-forgets-after-resolve', faults: { fireAndForgetAfterResolve: true }, caughtBy: 'A8' },
  { id: 'leaves-a-timer', faults: { leaveTimer: true }, caughtBy: 'A8' },
  // Faults across calls, in the endpoint, the signal and the transport (decisions/0016).
  // A client built once and reused with the endpoint of its first call (a cached resolved endpoint).
  { id: 'caches-first-endpoint', faults: { cachesFirstEndpoint: true }, caughtBy: 'A7' },
  // The same fault in its own module, run in the sandbox worker: since every fixture has its own endpoint, fixtures catch it too.
  { id: 'caches-first-endpoint-in-sandbox', module: 'conformance/self-test/mutant-modules/caches-first-endpoint.ts', caughtBy: 'A7' },
  // Deletes ClientSecret from the caller's object once sent: the caller's next call goes without it.
  { id: 'deletes-secret-after-use', faults: { deletesSecretAfterUse: true }, caughtBy: 'A9' },
  // Reads the answer from a slot shared by every call: overlapping calls get each other's answer.
  // Which rule the shrunk sequence names depends on the answers swapped: a call expecting success
  // that gets an error (C12) or one expecting a named error that gets another's (C20). With the
  // caller's inputs in the sequences (issue 17) the self-test's seed shrinks to the second.
  { id: 'shares-last-answer', faults: { sharesLastAnswer: true }, caughtBy: 'C20', onlySequences: true },
  // Subscribes to 'abort' but never reads `aborted`: an already-aborted signal is ignored (this
  // suite's own aws-sdk-v2 adapter did this until the sequences caught it).
  { id: 'misses-already-aborted-signal', faults: { missesAbortedSignal: true }, caughtBy: 'A2', onlySequences: true },
  // Sleeps out its back-off on a plain timer and meets the abort only at the retry: the caller waits the back-off for nothing.
  { id: 'back-off-deaf-to-abort', faults: { backOffDeafToAbort: true }, caughtBy: 'A2', onlySequences: true },
  // Counts an aborted attempt among the transient failures: it backs off to retry it, and the abort settles a back-off late.
  { id: 'retries-aborted-attempt', faults: { retriesAbortedAttempt: true }, caughtBy: 'A2' },
  // A listener left on a long-lived signal: when the application aborts it, long after the call, the client sends again.
  { id: 'resends-on-late-abort', faults: { resendsOnLateAbort: true }, caughtBy: 'A8', onlySequences: true },
  // Lets fetch's TypeError out on a reset connection or a cut body: a crash, not an error.
  { id: 'bare-error-on-transport-fault', faults: { bareTransportError: true }, caughtBy: 'A5' },
  { id: 'resolves-on-cut-body', faults: { resolvesOnCutBody: true }, caughtBy: 'C13' },
];
