/**
 * HTTP status of each error the reference server can send. Cognito's model gives these four
 * their own `@httpError`; the two framework errors follow smithy-rs and the Smithy framework
 * error shapes. Every other error is a client fault with the Smithy default of 400, which is
 * also what the real service was seen sending for NotAuthorizedException.
 */
const STATUS_BY_TYPE: Readonly<Record<string, number>> = {
  ForbiddenException: 403,
  InternalErrorException: 500,
  TooManyRequestsException: 429,
  UnauthorizedException: 401,
  UnknownOperationException: 404,
  UnsupportedMediaTypeException: 415,
};

/**
 * The status code the reference server uses for an error type.
 * @internal
 */
export function statusFor(type: string): number {
  return STATUS_BY_TYPE[type] ?? 400;
}

/**
 * An error the service answers with, as opposed to a bug. `message` must never contain a
 * sensitive input value (token, client id or secret, username, password).
 * @internal
 */
export class ServiceError extends Error {
  readonly type: string;
  readonly status: number;
  /** Headers the answer needs beyond the standard ones (Allow on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(type: string, message: string, options: { status?: number; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.type = type;
    this.status = options.status ?? statusFor(type);
    this.headers = options.headers ?? {};
  }
}
