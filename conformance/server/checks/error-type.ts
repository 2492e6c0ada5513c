import { errorMessageMember, HEADER, resolveErrorCode } from '../../protocol/aws-json.ts';
import { isJsonObject, jsonBodyOf, type ReceivedResponse } from '../wire/exchange.ts';

/**
 * The three places awsJson lets a server name an error, each as sent (not sanitised).
 * Only top-level body members count: a nested `__type` names something else.
 * @internal
 */
export interface ErrorTypeSources {
  header?: string;
  code?: string;
  dunderType?: string;
}

/** @internal */
export function errorTypeSources(response: ReceivedResponse): ErrorTypeSources {
  const sources: ErrorTypeSources = {};
  const header = response.headers[HEADER.errorType];
  if (header !== undefined) sources.header = header;
  const body = jsonBodyOf(response);
  if (body.kind === 'json' && isJsonObject(body.value)) {
    if (typeof body.value['code'] === 'string') sources.code = body.value['code'];
    if (typeof body.value['__type'] === 'string') sources.dunderType = body.value['__type'];
  }
  return sources;
}

/** @internal */
export interface ResolvedErrorType {
  /** The sanitised shape name. */
  name: string;
  /** As sent. */
  raw: string;
  from: 'header' | 'code' | '__type';
}

/**
 * The error a client would decode from a response: protocol/aws-json.ts's resolveErrorCode
 * (header, then `code`, then `__type`), with the text as sent.
 * @internal
 */
export function resolveErrorType(response: ReceivedResponse): ResolvedErrorType | undefined {
  const sources = errorTypeSources(response);
  const resolved = resolveErrorCode(sources);
  if (resolved === undefined) return undefined;
  const raw = { header: sources.header, code: sources.code, __type: sources.dunderType }[resolved.from] ?? '';
  return { ...resolved, raw };
}

/**
 * The message of an error body (`message`, or `Message` as some servers write it).
 * @internal
 */
export function errorMessageOf(response: ReceivedResponse): string | undefined {
  const body = jsonBodyOf(response);
  return body.kind === 'json' ? errorMessageMember(body.value)?.value : undefined;
}

/**
 * `400 InvalidParameterException: "..."`, for reports: the error as a client decodes it. The
 * message is quoted whole, so that redaction finds any secret in it before reports shorten it.
 * @internal
 */
export function describeAnswer(response: ReceivedResponse): string {
  if (response.status >= 200 && response.status < 300) return `${response.status} (accepted)`;
  const type = resolveErrorType(response);
  const message = errorMessageOf(response);
  const shownMessage = message === undefined ? '' : `: ${JSON.stringify(message)}`;
  return `${response.status} ${type ? type.name : '(no error type)'}${shownMessage}`;
}
