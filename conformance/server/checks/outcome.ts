import { fail, pass } from '../../judging/check.ts';
import { describeAnswer, errorMessageOf, resolveErrorType } from './error-type.ts';
import { isSuccess, OUTCOME_RULES, PREFERENCE_RULES, type ServerCheck, type ServerObservation } from './server-check.ts';

type Expectation = ServerObservation['expected'];
type Judged = Exclude<Expectation, { kind: 'observe' }>;

const judged = (o: ServerObservation): Judged => o.expected as Judged;

/**
 * The outcome the case is about: accepted, refused with a 4xx, or refused with a particular
 * error. One check stands for whichever rule the case names (S1, S3, S6, R5, ...).
 * @internal
 */
export const expectedOutcome: ServerCheck = {
  name: 'expectedOutcome',
  rules: OUTCOME_RULES,
  level: (o) => judged(o).level,
  ruleFor: (o) => judged(o).rule,
  appliesTo: (o) => o.exchange.response !== undefined && o.expected.kind !== 'observe',
  evaluate(o) {
    const response = o.exchange.response!;
    const expected = judged(o);
    const answer = describeAnswer(response);
    switch (expected.kind) {
      case 'accepted':
        return isSuccess(response.status) ? pass : fail('a 2xx answer', answer);
      case 'refused': {
        const type = resolveErrorType(response)?.name;
        if (expected.forbidden && type !== undefined && expected.forbidden.types.includes(type))
          return fail(`a refusal other than ${expected.forbidden.types.join(', ')}`, `${answer}: ${expected.forbidden.why}`);
        if (response.status >= 400 && response.status < 500) return pass;
        if (isSuccess(response.status)) return fail('a 4xx refusal', `${answer}: the server accepted a request it must refuse`);
        if (response.status >= 500) return fail('a 4xx refusal', `${answer}: a server error for the caller's mistake`);
        return fail('a 4xx refusal', answer);
      }
      case 'error': {
        const type = resolveErrorType(response);
        if (response.status >= 400 && type?.name === expected.error) return pass;
        return fail(expected.error, answer);
      }
    }
  },
};

/**
 * The preferred way to refuse (should level): the framework error and status a Smithy server
 * sends for a request it cannot route, or InvalidParameterException for a broken constraint.
 * @internal
 */
export const preferredRefusal: ServerCheck = {
  name: 'preferredRefusal',
  rules: PREFERENCE_RULES,
  level: () => 'should',
  ruleFor: (o) => (o.expected as Extract<Expectation, { kind: 'refused' }>).prefer!.rule,
  appliesTo: (o) => o.expected.kind === 'refused' && o.expected.prefer !== undefined && (o.exchange.response?.status ?? 0) >= 400,
  evaluate(o) {
    const response = o.exchange.response!;
    const prefer = (o.expected as Extract<Expectation, { kind: 'refused' }>).prefer!;
    const type = resolveErrorType(response)?.name;
    const typeOk = prefer.types === undefined || (type !== undefined && prefer.types.includes(type));
    const statusOk = prefer.statuses === undefined || prefer.statuses.includes(response.status);
    if (typeOk && statusOk) return pass;
    const wanted = [prefer.statuses?.join(' or '), prefer.types?.join(' or ')].filter(Boolean).join(' ');
    return fail(wanted, describeAnswer(response));
  },
};

/**
 * The message of an expected error, where the service's wording is documented or observed
 * (should level: clients must not depend on messages, people reading logs do).
 * @internal
 */
export const expectedMessage: ServerCheck = {
  name: 'expectedMessage',
  rules: OUTCOME_RULES,
  level: () => 'should',
  ruleFor: (o) => (o.expected as Extract<Expectation, { kind: 'error' }>).message!.rule,
  appliesTo: (o) =>
    o.expected.kind === 'error' &&
    o.expected.message !== undefined &&
    o.exchange.response !== undefined &&
    resolveErrorType(o.exchange.response)?.name === o.expected.error,
  evaluate(o) {
    const expected = o.expected as Extract<Expectation, { kind: 'error' }>;
    const message = errorMessageOf(o.exchange.response!);
    return message !== undefined && expected.message!.pattern.test(message)
      ? pass
      : fail(`message ${expected.message!.text}`, message === undefined ? '(no message)' : JSON.stringify(message));
  },
};
