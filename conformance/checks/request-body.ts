import { isDeepStrictEqual } from 'node:util';
import { validateRevokeTokenRequest } from '../../generated/index.ts';
import { type Finding, fail, pass } from '../judging/check.ts';
import { type ClientCheck, everyRequest, hasRequests, type Observation } from './check.ts';

/** The members the caller set, as the wire must carry them: unset (undefined) ones left out. */
export function expectedBody(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

function parseObject(body: string): { ok: true; value: Record<string, unknown> } | { ok: false; actual: string } {
  if (body === '') return { ok: false, actual: '(empty body)' };
  try {
    const value: unknown = JSON.parse(body);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, actual: `JSON ${JSON.stringify(value)?.slice(0, 40)}` };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, actual: `not JSON: ${body.slice(0, 60)}` };
  }
}

const describe = (value: unknown) => JSON.stringify(value);

export const c08BodyMembers: ClientCheck = {
  name: 'c08BodyMembers',
  rules: ['C8'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r, o: Observation): Finding => {
    const parsed = parseObject(r.body);
    const expected = expectedBody(o.case.params as Record<string, unknown>);
    if (!parsed.ok) return fail(`a JSON object ${describe(expected)}`, parsed.actual);
    for (const [name, value] of Object.entries(expected)) {
      if (!(name in parsed.value)) return fail(`member ${name}`, `no ${name} in ${describe(Object.keys(parsed.value))}`);
      if (!isDeepStrictEqual(parsed.value[name], value)) return fail(`${name}: ${describe(value)}`, `${name}: ${describe(parsed.value[name])}`);
    }
    // Input that keeps the model's constraints must still keep them on the wire (the schema
    // generated from the model); deliberately invalid input is the service's to judge (C11), and
    // so is a caller's string with characters no pattern allows (caller-strings). A lone surrogate
    // is compared as the parsed JSON string: the escape \udXXX (what JSON.stringify writes) gives
    // it back, a U+FFFD in its place does not.
    if (!o.case.tags.includes('invalid-input') && !o.case.tags.includes('caller-strings')) {
      const validation = validateRevokeTokenRequest(parsed.value);
      if (!validation.ok) return fail('a body valid against RevokeTokenRequest.schema.json', validation.issues.map((i) => i.message).join('; '));
    }
    return pass;
  }),
};

export const c09OmitUnset: ClientCheck = {
  name: 'c09OmitUnset',
  rules: ['C9'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r, o) => {
    const parsed = parseObject(r.body);
    if (!parsed.ok) return pass; // C8 reports a body that is not an object
    const expected = expectedBody(o.case.params as Record<string, unknown>);
    const extra = Object.keys(parsed.value).filter((name) => !(name in expected));
    return extra.length === 0
      ? pass
      : fail(`only ${describe(Object.keys(expected))}`, `also ${extra.map((n) => `${n}: ${describe(parsed.value[n])}`).join(', ')}`);
  }),
};

export const c10EmptyObject: ClientCheck = {
  name: 'c10EmptyObject',
  rules: ['C10'],
  level: () => 'must',
  appliesTo: (o) => hasRequests(o) && Object.keys(expectedBody(o.case.params as Record<string, unknown>)).length === 0,
  evaluate: everyRequest((r) => (r.body.trim() === '' ? fail('{}', '(empty body)') : pass)),
};

export const c11NoClientValidation: ClientCheck = {
  name: 'c11NoClientValidation',
  rules: ['C11'],
  level: () => 'should',
  appliesTo: (o) => o.case.tags.includes('invalid-input'),
  evaluate: (o) =>
    o.requests.length > 0
      ? pass
      : fail(
          'the request is sent for the service to judge',
          `nothing sent; the client rejected it: ${o.outcome.kind === 'rejected' ? o.outcome.error.name : o.outcome.kind}`,
        ),
};
