import { describe, expect, it } from 'vitest';
import {
  errorCodeNamespace,
  errorMessageMember,
  isRetryableAnswer,
  operationOfTarget,
  REGION_PATTERN,
  REVOKE_TOKEN_TARGET,
  resolveErrorCode,
  sanitizeErrorCode,
  targetOf,
} from './aws-json.ts';

describe('sanitizeErrorCode', () => {
  it.each([
    ['FooError', 'FooError'],
    ['FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/', 'FooError'],
    ['aws.protocoltests.restjson#FooError', 'FooError'],
    ['aws.protocoltests.restjson#FooError:http://internal.amazon.com/', 'FooError'],
    // The first '#' counts, as the protocol says (botocore takes the last one).
    ['a#b#FooError', 'b#FooError'],
  ])('%s resolves to %s', (raw, name) => {
    expect(sanitizeErrorCode(raw)).toBe(name);
  });

  it('keeps surrounding white space, as the protocol does', () => {
    expect(sanitizeErrorCode(' FooError')).toBe(' FooError');
  });

  it('names the namespace of a shape id', () => {
    expect(errorCodeNamespace('com.amazonaws.cognitoidentityprovider#InvalidParameterException:x')).toBe('com.amazonaws.cognitoidentityprovider');
    expect(errorCodeNamespace('InvalidParameterException')).toBe('');
  });
});

describe('targets', () => {
  it('joins the service shape name and the operation', () => {
    expect(REVOKE_TOKEN_TARGET).toBe('AWSCognitoIdentityProviderService.RevokeToken');
    expect(operationOfTarget(targetOf('GetUser'))).toBe('GetUser');
    expect(operationOfTarget('CognitoIdentityProvider.RevokeToken')).toBeUndefined();
    expect(operationOfTarget(null)).toBeUndefined();
  });
});

describe('isRetryableAnswer', () => {
  it.each([
    [{ status: 429 }, true],
    [{ status: 500 }, true],
    [{ status: 503, errorName: 'InvalidParameterException' }, true],
    [{ status: 400, errorName: 'TooManyRequestsException' }, true],
    [{ status: 400, errorName: 'InternalErrorException' }, true],
    [{ status: 400, errorName: 'InvalidParameterException' }, false],
    [{ status: 400 }, false],
  ])('%j -> %s', (answer, retryable) => {
    expect(isRetryableAnswer(answer)).toBe(retryable);
  });
});

describe('REGION_PATTERN', () => {
  it('accepts region names and refuses anything else', () => {
    for (const region of ['us-east-1', 'us-gov-west-1', 'ap-southeast-2']) expect(REGION_PATTERN.test(region)).toBe(true);
    for (const region of ['us-east', 'US-EAST-1', 'us-east-1 ', '']) expect(REGION_PATTERN.test(region)).toBe(false);
  });
});

describe('resolveErrorCode', () => {
  it('takes the header over the body, and the body code over __type, each sanitised', () => {
    expect(resolveErrorCode({ header: 'A:http://x/', code: 'ns#B', dunderType: 'C' })).toEqual({ name: 'A', from: 'header' });
    expect(resolveErrorCode({ code: 'ns#B', dunderType: 'C' })).toEqual({ name: 'B', from: 'code' });
    expect(resolveErrorCode({ header: null, dunderType: 'ns#C' })).toEqual({ name: 'C', from: '__type' });
  });
  it('counts only strings, and finds nothing without a carrier', () => {
    expect(resolveErrorCode({ code: 7, dunderType: 'C' })).toEqual({ name: 'C', from: '__type' });
    expect(resolveErrorCode({})).toBeUndefined();
  });
  it('passes over an empty header to the body, as the server checks and the linter both do', () => {
    expect(resolveErrorCode({ header: '', dunderType: 'C' })).toEqual({ name: 'C', from: '__type' });
  });
});

describe('errorMessageMember', () => {
  it('takes message, falls back to Message, and counts only strings', () => {
    expect(errorMessageMember({ message: 'a', Message: 'b' })).toEqual({ key: 'message', value: 'a' });
    expect(errorMessageMember({ Message: 'b' })).toEqual({ key: 'Message', value: 'b' });
    expect(errorMessageMember({ message: 7, Message: 'b' })).toEqual({ key: 'Message', value: 'b' });
    expect(errorMessageMember({ message: null })).toBeUndefined();
  });
  it('finds nothing in a body that is not an object', () => {
    for (const body of [null, 'message', ['message'], 3]) expect(errorMessageMember(body)).toBeUndefined();
  });
});
