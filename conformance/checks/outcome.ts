import { fail, pass } from '../judging/check.ts';
import { answered, type ClientCheck, caseLevel, describeOutcome, hasTag } from './check.ts';

const expectsError = (o: Parameters<ClientCheck['appliesTo']>[0]) => o.case.expect.outcome === 'error';

export const c12Success: ClientCheck = {
  name: 'c12Success',
  rules: ['C12'],
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'success',
  evaluate: (o) => (o.outcome.kind === 'resolved' ? pass : fail('resolved', describeOutcome(o))),
};

export const c13NonSuccessRejects: ClientCheck = {
  name: 'c13NonSuccessRejects',
  rules: ['C13'],
  level: caseLevel,
  appliesTo: (o) => answered(o) && expectsError(o),
  evaluate: (o) => (o.outcome.kind === 'rejected' ? pass : fail('rejected', describeOutcome(o))),
};

export const c21Message: ClientCheck = {
  name: 'c21Message',
  rules: ['C21'],
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'error' && o.case.expect.message !== undefined,
  evaluate: (o) => {
    const expected = o.case.expect.outcome === 'error' ? o.case.expect.message : undefined;
    if (o.outcome.kind !== 'rejected') return fail(`rejected with message ${JSON.stringify(expected)}`, describeOutcome(o));
    return o.outcome.error.message === expected ? pass : fail(JSON.stringify(expected), JSON.stringify(o.outcome.error.message));
  },
};

export const c23NonJson: ClientCheck = {
  name: 'c23NonJson',
  rules: ['C23'],
  level: caseLevel,
  appliesTo: (o) => answered(o) && hasTag('C23')(o),
  evaluate: (o) => {
    if (o.outcome.kind !== 'rejected') return fail('rejected', describeOutcome(o));
    // A body the client cannot read must still become an error the caller can act on: the
    // client's own (named by the status, or generic), or at least a parser error that carries
    // the response's metadata (the v3 SDK's deserialization error). A bare JavaScript fault
    // from inside the deserialiser, or a crash of the client process, is not: a caller cannot
    // tell it from a bug in its own code.
    // Whether the rejection is a crash is decided where the outcome is formed (run/outcome.ts).
    const error = o.outcome.error;
    if (error.crash !== undefined)
      return fail(
        "rejected with the client's own error, or one that keeps the response's status",
        `rejected with a bare ${error.name}: ${JSON.stringify(error.message)}`,
      );
    return pass;
  },
};

export const c24Metadata: ClientCheck = {
  name: 'c24Metadata',
  rules: ['C24'],
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
