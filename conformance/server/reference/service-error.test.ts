import { describe, expect, it } from 'vitest';
import { ServiceError, statusFor } from './service-error.ts';

describe('statusFor', () => {
  it('uses the modeled status codes, and 400 for every other client error', () => {
    expect(statusFor('ForbiddenException')).toBe(403);
    expect(statusFor('InternalErrorException')).toBe(500);
    expect(statusFor('TooManyRequestsException')).toBe(429);
    expect(statusFor('UnauthorizedException')).toBe(401);
    for (const type of [
      'InvalidParameterException',
      'UnsupportedOperationException',
      'UnsupportedTokenTypeException',
      'NotAuthorizedException',
      'SerializationException',
    ]) {
      expect(statusFor(type)).toBe(400);
    }
  });

  it('uses 404 and 415 for the routing errors', () => {
    expect(statusFor('UnknownOperationException')).toBe(404);
    expect(statusFor('UnsupportedMediaTypeException')).toBe(415);
  });
});

describe('ServiceError', () => {
  it('takes its status from the type unless told otherwise', () => {
    expect(new ServiceError('UnauthorizedException', 'no').status).toBe(401);
    const moved = new ServiceError('UnknownOperationException', 'method', { status: 405, headers: { Allow: 'POST' } });
    expect(moved.status).toBe(405);
    expect(moved.headers).toEqual({ Allow: 'POST' });
  });
});
