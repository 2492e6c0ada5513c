import { describe, expect, it } from 'vitest';
import { createReferenceService } from './reference-service.ts';
import { answerOf, awsJsonRequest, call, ENDPOINT, scenario, signIn } from './test-support.ts';

describe('createReferenceService', () => {
  it('puts the content type and a request id on every answer, success or error', async () => {
    let counter = 0;
    const service = createReferenceService({ requestId: () => `req-${++counter}` });
    const responses = [
      await service.handle(awsJsonRequest('CreateUserPool', { PoolName: 'p' })),
      await service.handle(awsJsonRequest('RevokeToken', {})),
      await service.handle(new Request(ENDPOINT, { method: 'GET' })),
      await service.handle(awsJsonRequest('ListUsers', {})),
    ];
    expect(responses.map((response) => response.headers.get('x-amzn-requestid'))).toEqual(['req-1', 'req-2', 'req-3', 'req-4']);
    for (const response of responses) expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('reads an empty body as {} and then reports the missing members', async () => {
    const service = createReferenceService();
    const answer = await answerOf(await service.handle(awsJsonRequest('RevokeToken', '')));
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(answer.body.message).toMatch(/^2 validation errors detected/);
  });

  it('treats null members as absent and ignores unknown ones', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    const answer = await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId, ClientSecret: null, Future: { x: 1 } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{}');
  });

  it('answers 400 SerializationException for a body that is not a JSON object, or a member of the wrong type', async () => {
    const service = createReferenceService();
    for (const body of ['{[', '[]', '10', 'null', '{"Token": 5, "ClientId": "c"}']) {
      const answer = await answerOf(await service.handle(awsJsonRequest('RevokeToken', body)));
      expect(answer.status, body).toBe(400);
      expect(answer.body.__type, body).toBe('SerializationException');
      expect(answer.headers.get('x-amzn-errortype')).toBe('SerializationException:');
    }
  });

  it('can answer malformed bodies with InvalidParameterException instead', async () => {
    const service = createReferenceService({ malformedBodyError: 'InvalidParameterException' });
    const answer = await answerOf(await service.handle(awsJsonRequest('RevokeToken', '{"Token":')));
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'The request body is not valid JSON.' });
  });

  it('accepts the content type with parameters, and requests with or without SigV4 headers', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    const signed = awsJsonRequest(
      'GetUser',
      { AccessToken: tokens.AccessToken },
      {
        'Content-Type': 'application/x-amz-json-1.1; charset=utf-8',
        Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
        'X-Amz-Date': '20260101T000000Z',
        'X-Amz-Security-Token': 'session',
      },
    );
    expect((await service.handle(signed)).status).toBe(200);
    const unsigned = await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId });
    expect(unsigned.status).toBe(200);
  });

  it('answers routing failures with UnknownOperationException (404, or 405 for the method) and 415 for the media type', async () => {
    const service = createReferenceService();
    const head = await service.handle(new Request(ENDPOINT, { method: 'HEAD' }));
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('POST');
    const elsewhere = await answerOf(await service.handle(new Request(`${ENDPOINT}other`, { method: 'POST', body: '{}' })));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.__type).toBe('UnknownOperationException');
    const media = await answerOf(await service.handle(awsJsonRequest('RevokeToken', {}, { 'Content-Type': 'application/json' })));
    expect(media.status).toBe(415);
    expect(media.body.__type).toBe('UnsupportedMediaTypeException');
  });

  it('injects faults with the modeled status codes', async () => {
    const service = createReferenceService({
      fault: (operation, request) => {
        if (operation !== 'RevokeToken') return undefined;
        const wanted = request.headers.get('x-test-fault');
        return wanted ? { error: wanted, message: `injected ${wanted}` } : undefined;
      },
    });
    const expectations: Array<[string, number]> = [
      ['ForbiddenException', 403],
      ['TooManyRequestsException', 429],
      ['InternalErrorException', 500],
      ['OperationNotEnabledException', 400],
    ];
    for (const [type, status] of expectations) {
      const answer = await answerOf(await service.handle(awsJsonRequest('RevokeToken', {}, { 'x-test-fault': type })));
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ __type: type, message: `injected ${type}` });
    }
    expect((await call(service, 'CreateUserPool', { PoolName: 'p' })).status).toBe(200);
  });

  it('turns an unexpected exception into a 500 InternalErrorException without details', async () => {
    let broken = false;
    const service = createReferenceService({
      now: () => {
        if (broken) throw new Error('clock exploded with token eyJabc at /some/file.ts:1:2');
        return 1_700_000_000_000;
      },
    });
    const s = await scenario(service);
    broken = true;
    const answer = await answerOf(
      await service.handle(
        awsJsonRequest('InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: s.clientId,
          AuthParameters: { USERNAME: s.username, PASSWORD: s.password },
        }),
      ),
    );
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ __type: 'InternalErrorException', message: 'An internal error occurred.' });
    expect(answer.text).not.toMatch(/eyJabc|\.ts:|exploded/);
    broken = false;
    expect((await call(service, 'CreateUserPool', { PoolName: 'p' })).status).toBe(200);
  });

  it('answers 500 when a fault hook itself throws, or the request id source fails', async () => {
    const faulty = createReferenceService({
      fault: () => {
        throw new Error('hook bug');
      },
    });
    expect((await faulty.handle(awsJsonRequest('CreateUserPool', { PoolName: 'p' }))).status).toBe(500);
    const noIds = createReferenceService({
      requestId: () => {
        throw new Error('no ids');
      },
    });
    const response = await noIds.handle(awsJsonRequest('CreateUserPool', { PoolName: 'p' }));
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps separate instances apart', async () => {
    const first = createReferenceService();
    const second = createReferenceService();
    const s = await scenario(first);
    const tokens = await signIn(first, s);
    expect((await call(second, 'GetUser', { AccessToken: tokens.AccessToken })).body.message).toBe('Invalid Access Token');
    expect((await call(second, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId })).status).toBe(401);
  });

  it('lists the operations it claims', () => {
    expect([...createReferenceService().operations].sort()).toEqual([
      'AdminCreateUser',
      'AdminInitiateAuth',
      'AdminSetUserPassword',
      'CreateUserPool',
      'CreateUserPoolClient',
      'GetTokensFromRefreshToken',
      'GetUser',
      'GlobalSignOut',
      'InitiateAuth',
      'RevokeToken',
    ]);
  });
});
