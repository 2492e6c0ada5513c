import { fail, pass } from '../../judging/check.ts';
import { AWS_JSON_1_1_CONTENT_TYPE as AWS_JSON_1_1, sanitizeErrorCode } from '../../protocol/aws-json.ts';
import { isJsonObject, jsonBodyOf, mediaTypeOf, snippet } from '../wire/exchange.ts';
import { DECLARED_ERRORS, errorBodyProblems, PROTOCOL_ERRORS } from './declared-errors.ts';
import { errorTypeSources, resolveErrorType } from './error-type.ts';
import { answeredRevokeToken, isSuccess, type ServerCheck, type ServerObservation } from './server-check.ts';

/** The framework errors this exchange may carry besides the declared ones. */
function protocolErrorsAllowed(o: ServerObservation): readonly string[] {
  return o.expected.kind === 'refused' ? (o.expected.protocolErrors ?? []) : [];
}

const answeredError = (o: ServerObservation) => answeredRevokeToken(o) && !isSuccess(o.exchange.response!.status);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * S10 (must): an error is a JSON object with the protocol's Content-Type and a top-level
 * `__type` naming an error RevokeToken declares, valid against that error's schema. Where the
 * case allows a framework error (a request nobody could claim or read), its type may come in
 * the X-Amzn-Errortype header alone, as smithy-rs sends it.
 * @internal
 */
export const s10ErrorShape: ServerCheck = {
  name: 's10ErrorShape',
  rules: ['S10'],
  level: () => 'must',
  appliesTo: answeredError,
  evaluate(o) {
    const response = o.exchange.response!;
    const extras = protocolErrorsAllowed(o);
    const allowed = extras.length > 0 ? `an error RevokeToken declares, or ${extras.join(', ')}` : 'an error RevokeToken declares';
    // Every problem is listed, so that one wrong header does not hide an undeclared error type.
    const problems: string[] = [];
    const contentType = response.headers['content-type'];
    if (mediaTypeOf(contentType) !== AWS_JSON_1_1) problems.push(contentType === undefined ? 'no Content-Type' : `Content-Type: ${contentType}`);
    const sources = errorTypeSources(response);
    const frameworkTypeElsewhere = [sources.header, sources.code].some((raw) => raw !== undefined && extras.includes(sanitizeErrorCode(raw)));
    const body = jsonBodyOf(response);
    if (body.kind === 'empty') {
      if (!frameworkTypeElsewhere) problems.push('an empty body');
    } else if (body.kind === 'invalid') {
      problems.push(`a body that is not JSON: ${snippet(response.text)}`);
    } else if (!isJsonObject(body.value)) {
      problems.push(`a JSON ${kindOf(body.value)} as the body`);
    } else if (sources.dunderType === undefined) {
      const members = Object.keys(body.value);
      if (!frameworkTypeElsewhere) problems.push(`no __type (members: ${members.length > 0 ? members.join(', ') : 'none'})`);
    } else {
      const name = sanitizeErrorCode(sources.dunderType);
      if (!DECLARED_ERRORS.has(name) && !extras.includes(name))
        problems.push(`__type ${JSON.stringify(sources.dunderType)}, which RevokeToken does not declare`);
      else problems.push(...(errorBodyProblems(name, body.value) ?? []).map((problem) => `against the ${name} schema, ${problem}`));
    }
    return problems.length === 0 ? pass : fail(`Content-Type: ${AWS_JSON_1_1} and a JSON object whose __type names ${allowed}`, problems.join('; '));
  },
};

/** S10 (should): `__type` is the bare shape name, without a namespace or a URI. @internal */
export const s10BareName: ServerCheck = {
  name: 's10BareName',
  rules: ['S10'],
  aspect: 'names the error by its bare shape name (no namespace, no URI suffix)',
  level: () => 'should',
  appliesTo: (o) => answeredError(o) && errorTypeSources(o.exchange.response!).dunderType !== undefined,
  evaluate(o) {
    const raw = errorTypeSources(o.exchange.response!).dunderType!;
    return raw === sanitizeErrorCode(raw) ? pass : fail(JSON.stringify(sanitizeErrorCode(raw)), JSON.stringify(raw));
  },
};

/** S11 (must): the header and `code`, when sent, agree with `__type`. @internal */
export const s11SourcesAgree: ServerCheck = {
  name: 's11SourcesAgree',
  rules: ['S11'],
  level: () => 'must',
  appliesTo: (o) => {
    if (!answeredError(o)) return false;
    const sources = errorTypeSources(o.exchange.response!);
    return sources.dunderType !== undefined && (sources.header !== undefined || sources.code !== undefined);
  },
  evaluate(o) {
    const sources = errorTypeSources(o.exchange.response!);
    const name = sanitizeErrorCode(sources.dunderType!);
    for (const [where, raw] of [
      ['X-Amzn-Errortype', sources.header],
      ['code', sources.code],
    ] as const) {
      if (raw !== undefined && sanitizeErrorCode(raw) !== name) return fail(`${where} naming ${name}`, `${where} ${JSON.stringify(raw)}`);
    }
    return pass;
  },
};

function knownStatus(o: ServerObservation): { name: string; fault: 'client' | 'server'; statuses: readonly number[] } | undefined {
  const type = resolveErrorType(o.exchange.response!);
  if (!type) return undefined;
  const declared = DECLARED_ERRORS.get(type.name);
  if (declared) return { name: type.name, fault: declared.fault, statuses: [declared.status] };
  const framework = PROTOCOL_ERRORS[type.name];
  return framework ? { name: type.name, fault: 'client', statuses: framework.statuses } : undefined;
}

/** S12 (must): client faults are 4xx, server faults 5xx. @internal */
export const s12StatusClass: ServerCheck = {
  name: 's12StatusClass',
  rules: ['S12'],
  level: () => 'must',
  appliesTo: (o) => answeredError(o) && knownStatus(o) !== undefined,
  evaluate(o) {
    const status = o.exchange.response!.status;
    const known = knownStatus(o)!;
    const ok = known.fault === 'client' ? status >= 400 && status < 500 : status >= 500 && status < 600;
    return ok ? pass : fail(`a ${known.fault === 'client' ? '4xx' : '5xx'} status for ${known.name} (a ${known.fault} fault)`, `status ${status}`);
  },
};

/** S12 (should): the exact status the model (or the Smithy framework) gives the error. @internal */
export const s12ExactStatus: ServerCheck = {
  name: 's12ExactStatus',
  rules: ['S12'],
  aspect: "uses the status the model's @httpError (or Smithy's framework error) gives the error",
  level: () => 'should',
  appliesTo: (o) => answeredError(o) && knownStatus(o) !== undefined,
  evaluate(o) {
    const status = o.exchange.response!.status;
    const known = knownStatus(o)!;
    return known.statuses.includes(status) ? pass : fail(`status ${known.statuses.join(' or ')} for ${known.name}`, `status ${status}`);
  },
};
