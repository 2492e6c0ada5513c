import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { inputBreaking } from '../../model/arbitraries.ts';
import { jsonValueOtherThan } from '../../model/json-values.ts';
import { type CaseContext, CaseRecorder, type FixedServerCase, type GeneratedServerCase } from '../cases/server-case.ts';
import { DESERIALIZATION_ERRORS, VALIDATION_ERRORS } from '../checks/declared-errors.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { liveRevokeInput, sendRevoke, sensitiveValuesOf } from './revoke-probe.ts';

const ORIGIN = 'conformance/server/probes/body.ts';
const encode = (text: string) => new TextEncoder().encode(text);

/** Sends one body and judges the answer; the body's sensitive values are redacted everywhere. */
async function sendBody(
  context: CaseContext,
  label: string,
  body: Uint8Array | object,
  expected: Parameters<CaseRecorder['judge']>[3],
  sensitive: readonly string[],
) {
  const recorder = new CaseRecorder(context.wire.timeoutMs);
  await sendRevoke(context, recorder, label, awsJsonRequest(context.wire.endpoint, 'RevokeToken', body), expected, sensitive);
  return recorder;
}

const emptyBody: FixedServerCase = {
  kind: 'scripted',
  id: 'body-empty-reads-as-empty-object',
  title: 'an empty body reads as {}: both required members are missing, which a modeled error reports (not SerializationException)',
  level: 'must',
  tags: ['S3', 'S7', 'body'],
  origin: ORIGIN,
  run: (context) =>
    sendBody(
      context,
      'empty body',
      new Uint8Array(0),
      {
        kind: 'refused',
        rule: 'S3',
        level: 'must',
        protocolErrors: ['ValidationException'],
        forbidden: { types: ['SerializationException'], why: 'the empty body was treated as unreadable instead of as {}' },
        prefer: { rule: 'S7', types: ['InvalidParameterException'] },
      },
      [],
    ),
};

const nullOptionalMembers: FixedServerCase = {
  kind: 'scripted',
  id: 'body-null-members-are-absent',
  title: 'ClientSecret and RevokeAssociatedSessions sent as null count as absent: the revocation succeeds',
  level: 'should',
  tags: ['S4', 'body'],
  origin: ORIGIN,
  async run(context) {
    const input = { ...(await liveRevokeInput(context)), ClientSecret: null, RevokeAssociatedSessions: null };
    return sendBody(context, 'null optional members', input, { kind: 'accepted', rule: 'S4', level: 'should' }, sensitiveValuesOf(input));
  },
};

const nullRequiredMember: FixedServerCase = {
  kind: 'scripted',
  id: 'body-null-token-is-missing',
  title: 'Token sent as null counts as absent: the request lacks a required member and is refused with a 4xx',
  level: 'must',
  tags: ['S4', 'S6', 'body'],
  origin: ORIGIN,
  async run(context) {
    const input = { ...(await liveRevokeInput(context)), Token: null };
    return sendBody(
      context,
      'null Token',
      input,
      { kind: 'refused', rule: 'S6', level: 'must', protocolErrors: VALIDATION_ERRORS, prefer: { rule: 'S4', types: ['InvalidParameterException'] } },
      sensitiveValuesOf(input),
    );
  },
};

const notUtf8: FixedServerCase = {
  kind: 'scripted',
  id: 'body-not-utf8-is-refused',
  title: 'a body that is not UTF-8 is refused with a 4xx',
  level: 'must',
  tags: ['S5', 'body'],
  origin: ORIGIN,
  run: (context) => {
    const clientId = randomBytes(13).toString('hex');
    const bytes = new Uint8Array([...encode('{"Token":"'), 0xff, 0xfe, 0xc3, 0x28, ...encode(`","ClientId":"${clientId}"}`)]);
    return sendBody(context, 'body with invalid UTF-8', bytes, { kind: 'refused', rule: 'S5', level: 'must', protocolErrors: DESERIALIZATION_ERRORS }, [
      clientId,
    ]);
  },
};

/**
 * Ways to break a JSON object text, each of which always leaves it invalid: they are applied
 * at run time to a body holding a live token, so a lenient parser would revoke it and show.
 */
/** @internal */
export type Corruption =
  | { kind: 'cut'; fraction: number }
  | { kind: 'append' | 'prepend'; junk: string }
  | { kind: 'single-quotes' | 'trailing-comma' | 'comment' | 'form-feed' | 'bare-names' };

/** @internal */
export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ kind: 'cut', fraction }) as const),
  fc.constantFrom('x', '}', ',', ']', '{}', 'abc', '//', 'null').map((junk) => ({ kind: 'append', junk }) as const),
  fc.constantFrom('x', '[', ',', 'abc', '-', ')').map((junk) => ({ kind: 'prepend', junk }) as const),
  fc.constantFrom('single-quotes', 'trailing-comma', 'comment', 'form-feed', 'bare-names').map((kind) => ({ kind }) as Corruption),
);

/** @internal */
export function corrupt(text: string, how: Corruption): string {
  switch (how.kind) {
    case 'cut':
      return text.slice(0, Math.min(text.length - 1, Math.max(1, Math.floor(how.fraction * text.length))));
    case 'append':
      return `${text}${how.junk}`;
    case 'prepend':
      return `${how.junk}${text}`;
    case 'single-quotes':
      return text.replaceAll('"', "'");
    case 'trailing-comma':
      return `${text.slice(0, -1)},}`;
    case 'comment':
      return `{/* a comment */${text.slice(1)}`;
    case 'form-feed':
      return text.replace('":', '":\f');
    case 'bare-names':
      return text.replace(/"(\w+)":/g, '$1:');
  }
}

function describeCorruption(how: Corruption): string {
  switch (how.kind) {
    case 'cut':
      return `cut short at ${Math.round(how.fraction * 100)}% of its length`;
    case 'append':
      return `${JSON.stringify(how.junk)} after the object`;
    case 'prepend':
      return `${JSON.stringify(how.junk)} before the object`;
    default:
      return how.kind;
  }
}

const notJson: GeneratedServerCase<Corruption> = {
  kind: 'generated',
  id: 'body-broken-json-is-refused',
  title: 'a broken JSON body (cut short, junk around it, quotes, commas, comments) is refused with a 4xx, never read leniently',
  level: 'must',
  tags: ['S5', 'body'],
  origin: ORIGIN,
  runs: 8,
  arbitrary: () => corruption,
  describe: (how) => ({ corruption: describeCorruption(how) }),
  async run(context, how) {
    const input = await liveRevokeInput(context);
    const text = corrupt(JSON.stringify(input), how);
    try {
      JSON.parse(text);
      throw new Error(`the corruption ${describeCorruption(how)} left valid JSON; the generator is wrong`);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    return sendBody(
      context,
      `body ${describeCorruption(how)}`,
      encode(text),
      { kind: 'refused', rule: 'S5', level: 'must', protocolErrors: DESERIALIZATION_ERRORS },
      sensitiveValuesOf(input),
    );
  },
};

const notAnObject: GeneratedServerCase<unknown> = {
  kind: 'generated',
  id: 'body-json-not-an-object-is-refused',
  title: 'valid JSON that is not an object (array, string, number, boolean, null) is refused with a 4xx',
  level: 'must',
  tags: ['S5', 'body'],
  origin: ORIGIN,
  runs: 8,
  arbitrary: () => jsonValueOtherThan('object'),
  describe: (value) => ({ body: JSON.stringify(value) }),
  run: (context, value) =>
    sendBody(
      context,
      `body ${JSON.stringify(value).slice(0, 40)}`,
      encode(JSON.stringify(value)),
      { kind: 'refused', rule: 'S5', level: 'must', protocolErrors: DESERIALIZATION_ERRORS },
      [],
    ),
};

interface ExtraMember {
  name: string;
  value: unknown;
  revokeAssociatedSessions?: string;
}

const unknownMembers: GeneratedServerCase<ExtraMember> = {
  kind: 'generated',
  id: 'body-unknown-members-are-ignored',
  title: 'a member the model does not have (a misspelt name, __type, anything) is ignored: the revocation succeeds',
  level: 'should',
  tags: ['S4', 'body'],
  origin: ORIGIN,
  runs: 8,
  arbitrary: () =>
    inputBreaking({ member: '*', constraint: 'additionalProperties' }, undefined, { maxUnboundedLength: 64 }).map((broken) => {
      const value = broken.value as Record<string, unknown>;
      const sessions = value['RevokeAssociatedSessions'];
      return { name: broken.member, value: value[broken.member], ...(typeof sessions === 'string' ? { revokeAssociatedSessions: sessions } : {}) };
    }),
  describe: (extra) => ({ member: extra.name, value: extra.value }),
  async run(context, extra) {
    const live = await liveRevokeInput(context);
    const input: Record<string, unknown> = { ...live };
    if (extra.revokeAssociatedSessions !== undefined) input['RevokeAssociatedSessions'] = extra.revokeAssociatedSessions;
    Object.defineProperty(input, extra.name, { value: extra.value, enumerable: true, configurable: true, writable: true });
    return sendBody(context, `extra member ${JSON.stringify(extra.name)}`, input, { kind: 'accepted', rule: 'S4', level: 'should' }, sensitiveValuesOf(live));
  },
};

/** Reading the body (checklist S3, S4, S5). @internal */
export const BODY_CASES = [emptyBody, nullOptionalMembers, nullRequiredMember, notUtf8, notJson, notAnObject, unknownMembers] as const;
