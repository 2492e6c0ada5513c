import { describe, expect, it } from 'vitest';
import { errorResponse, headerSafe, successResponse } from './responses.ts';
import { ServiceError } from './service-error.ts';

describe('successResponse', () => {
  it('is a 200 with {} for an empty output, the awsJson content type, a length and the request id', async () => {
    const response = successResponse({}, 'req-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('content-length')).toBe('2');
    expect(response.headers.get('x-amzn-requestid')).toBe('req-1');
    expect(await response.text()).toBe('{}');
  });

  it('counts the length in bytes', () => {
    expect(successResponse({ Name: '\u00e9' }, 'r').headers.get('content-length')).toBe(String(Buffer.byteLength('{"Name":"\u00e9"}')));
  });
});

describe('errorResponse', () => {
  it('carries the type and message in the body and in the x-amzn headers', async () => {
    const response = errorResponse(new ServiceError('NotAuthorizedException', 'Refresh Token has been revoked'), 'req-2');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(response.headers.get('x-amzn-errormessage')).toBe('Refresh Token has been revoked');
    expect(response.headers.get('x-amzn-requestid')).toBe('req-2');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const text = await response.text();
    // Same bytes Cognito was seen sending for this error (Content-Length 78).
    expect(text).toBe('{"__type":"NotAuthorizedException","message":"Refresh Token has been revoked"}');
    expect(response.headers.get('content-length')).toBe('78');
  });

  it("adds the error's own headers and status", () => {
    const response = errorResponse(new ServiceError('UnknownOperationException', 'm', { status: 405, headers: { Allow: 'POST' } }), 'r');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('keeps the exact message in the body even when the header needs a printable copy', async () => {
    const response = errorResponse(new ServiceError('InvalidParameterException', "Value 'caf\u00e9\nx' is bad"), 'r');
    expect(response.headers.get('x-amzn-errormessage')).toBe("Value 'caf??x' is bad");
    expect((await response.json()).message).toBe("Value 'caf\u00e9\nx' is bad");
  });
});

describe('headerSafe', () => {
  it('leaves printable ASCII alone', () => {
    expect(headerSafe('A-z 0 ~!')).toBe('A-z 0 ~!');
  });
});
