import { caseLevel, describeUnsettled, fail, hasTag, pass, type Check, type Finding, type Observation } from './check.ts';

function describeOutcome(o: Observation): string {
  switch (o.outcome.kind) {
    case 'resolved':
      return 'resolved';
    case 'rejected':
      return `rejected with ${o.outcome.error.name}: ${JSON.stringify(o.outcome.error.message)}`;
    case 'unsettled':
      return describeUnsettled(o.outcome);
  }
}

const expectsError = (o: Observation) => o.case.expect.outcome === 'error';
const answered = (o: Observation) => o.case.response !== 'hang' && o.case.mode !== 'cancel';

export const c12Success: Check = {
  id: 'C12',
  title: 'resolves on a 2xx answer, whatever the body ({}, empty, unknown or null members)',
  source: 'awsJson1_1 empty body serialization; Smithy tests handles_empty_output_shape, handles_unexpected_json_output',
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'success',
  evaluate: (o) => (o.outcome.kind === 'resolved' ? pass : fail('resolved', describeOutcome(o))),
};

export const c13NonSuccessRejects: Check = {
  id: 'C13',
  title: 'rejects on a non-2xx answer',
  source: 'SDK practice: js-v3 >= 300, botocore >= 301, smithy-rs non-2xx',
  level: caseLevel,
  appliesTo: (o) => answered(o) && expectsError(o),
  evaluate: (o) => (o.outcome.kind === 'rejected' ? pass : fail('rejected', describeOutcome(o))),
};

/**
 * The error-name rules (C14..C22) differ only in which wire variant a case puts the code in, so
 * one check judges the name and reports under the most specific rule the case is tagged with.
 * Every case that expects a named error is judged, tagged or not (then as C20).
 */
export const ERROR_NAME_RULES: ReadonlyArray<readonly [id: string, title: string]> = [
  ['C19', 'decodes an error that has only the X-Amzn-Errortype header (no body)'],
  ['C17', 'reads only the top-level __type, never a nested one'],
  ['C16', 'matches the error on its shape name, whatever namespace precedes it'],
  ['C15', 'drops a :URI suffix and a namespace# prefix from the error code'],
  ['C14', 'finds the error code in X-Amzn-Errortype, then body code, then body __type'],
  ['C18', 'never infers the error from the HTTP status code'],
  ['C22', 'surfaces an unknown error code as an error named by that code'],
  ['C20', 'surfaces each modeled RevokeToken error under its shape name'],
];

export function errorNameRule(o: Observation): readonly [id: string, title: string] {
  return ERROR_NAME_RULES.find(([id]) => o.case.tags.includes(id)) ?? ERROR_NAME_RULES[ERROR_NAME_RULES.length - 1]!;
}

export const errorName: Check = {
  id: 'C20',
  title: 'surfaces the error under the code the service sent',
  source: 'aws-json template, operation error serialization; Smithy tests AwsJson11FooError*, AwsJson11InvalidGreetingError',
  ruleFor: (o) => errorNameRule(o),
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'error' && o.case.expect.name !== undefined,
  evaluate: (o): Finding => {
    const expected = o.case.expect.outcome === 'error' ? o.case.expect.name : undefined;
    if (o.outcome.kind !== 'rejected') return fail(`rejected with ${expected}`, describeOutcome(o));
    return o.outcome.error.name === expected ? pass : fail(`${expected}`, o.outcome.error.name);
  },
};

export const c21Message: Check = {
  id: 'C21',
  title: 'surfaces the error message from message (or Message)',
  source: 'model member message; SDK practice: message ?? Message',
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'error' && o.case.expect.message !== undefined,
  evaluate: (o) => {
    const expected = o.case.expect.outcome === 'error' ? o.case.expect.message : undefined;
    if (o.outcome.kind !== 'rejected') return fail(`rejected with message ${JSON.stringify(expected)}`, describeOutcome(o));
    return o.outcome.error.message === expected ? pass : fail(JSON.stringify(expected), JSON.stringify(o.outcome.error.message));
  },
};

export const c23NonJson: Check = {
  id: 'C23',
  title: 'rejects a non-JSON or empty error body promptly, without resolving or hanging',
  source: 'SDK practice: js-v3 deserialization error, botocore generic error for HTML 5xx',
  level: caseLevel,
  appliesTo: (o) => answered(o) && hasTag('C23')(o),
  evaluate: (o) => (o.outcome.kind === 'rejected' ? pass : fail('rejected', describeOutcome(o))),
};

export const c24Metadata: Check = {
  id: 'C24',
  title: 'reports the HTTP status and x-amzn-RequestId of an error where the client exposes metadata',
  source: 'Smithy test parses_the_request_id_from_the_response; js-v3 $metadata; botocore ResponseMetadata',
  // Useful to a caller (support cases, retries) but not needed to work against Cognito, and the
  // Smithy test covers successes only: should-level, whatever the case's level (decisions/0004).
  level: () => 'should',
  appliesTo: (o) =>
    answered(o) &&
    o.outcome.kind === 'rejected' &&
    o.outcome.error.hasMetadata &&
    o.case.expect.outcome === 'error' &&
    (o.case.expect.statusCode !== undefined || o.case.expect.requestId !== undefined),
  evaluate: (o) => {
    if (o.outcome.kind !== 'rejected' || o.case.expect.outcome !== 'error') return pass;
    const { statusCode, requestId } = o.case.expect;
    const error = o.outcome.error;
    if (statusCode !== undefined && error.statusCode !== statusCode) return fail(`httpStatusCode ${statusCode}`, `httpStatusCode ${error.statusCode}`);
    if (requestId !== undefined && error.requestId !== requestId) return fail(`requestId ${requestId}`, `requestId ${error.requestId}`);
    return pass;
  },
};
