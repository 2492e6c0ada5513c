// compareWithOfficialCase on hand-written official cases (shaped like botocore's, written
// here), so each reading the comparison allows is shown next to the change it refuses.
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../conformance/fixtures/types.ts';
import type { OfficialRequestCase, OfficialResponseCase } from './cases.ts';
import { compareWithOfficialCase } from './compare.ts';

const headerError: OfficialResponseCase = {
  direction: 'response',
  id: 'ExampleHeaderError',
  suite: 'Test cases for GreetingWithErrors operation',
  status: 500,
  headers: { 'X-Amzn-Errortype': 'aws.protocoltests.restjson#FooError:http://example.com/suffix/' },
  outcome: 'error',
  errorCode: 'FooError',
  errorShapeMembers: [],
};

const bodyError: OfficialResponseCase = {
  direction: 'response',
  id: 'ExampleBodyError',
  suite: 'Test cases for GreetingWithErrors operation',
  status: 400,
  headers: { 'Content-Type': 'application/x-amz-json-1.1' },
  body: '{\n  "__type": "InvalidGreeting",\n  "Message": "Hi"\n}',
  outcome: 'error',
  errorCode: 'InvalidGreeting',
  errorMessage: 'Hi',
  errorShapeMembers: ['Message'],
};

const stringRequest: OfficialRequestCase = {
  direction: 'request',
  id: 'example_string_request',
  suite: 'Test cases for KitchenSinkOperation operation',
  params: { String: 'abc' },
  method: 'POST',
  uri: '/',
  headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'JsonProtocol.KitchenSinkOperation' },
  requireHeaders: ['Content-Length'],
  forbidHeaders: [],
  body: '{"String":"abc"}',
};

function fixture(overrides: Partial<Fixture>): Fixture {
  return {
    id: 'RevokeTokenExample',
    documentation: 'An example.',
    level: 'should',
    since: '2021-06',
    source: { kind: 'smithy-test', ref: 'ExampleHeaderError' },
    tags: ['C13'],
    params: { Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' },
    response: { code: 200 },
    expect: { outcome: 'success' },
    ...overrides,
  } as Fixture;
}

const unauthorisedInHeader = (value: string, code = 401) =>
  fixture({ response: { code, headers: { 'x-amzn-errortype': value } }, expect: { outcome: 'error', name: 'UnauthorizedException' } });

describe('compareWithOfficialCase, response cases', () => {
  it("reads the test model's namespace as Cognito's, the error name as the fixture's and the status as the model's", () => {
    const ours = unauthorisedInHeader('com.amazonaws.cognitoidentityprovider#UnauthorizedException:http://example.com/suffix/');
    expect(compareWithOfficialCase(headerError, ours)).toEqual([]);
  });

  it('refuses another namespace, a missing or different suffix, a code naming another error and a status from nowhere', () => {
    expect(compareWithOfficialCase(headerError, unauthorisedInHeader('com.example#UnauthorizedException:http://example.com/suffix/')).join('\n')).toMatch(
      /stands for com\.amazonaws\.cognitoidentityprovider/,
    );
    expect(compareWithOfficialCase(headerError, unauthorisedInHeader('com.amazonaws.cognitoidentityprovider#UnauthorizedException')).join('\n')).toMatch(
      /suffix after ":" differs/,
    );
    expect(
      compareWithOfficialCase(headerError, unauthorisedInHeader('com.amazonaws.cognitoidentityprovider#ForbiddenException:http://example.com/suffix/')).join(
        '\n',
      ),
    ).toMatch(/does not name the error it expects/);
    expect(
      compareWithOfficialCase(
        headerError,
        unauthorisedInHeader('com.amazonaws.cognitoidentityprovider#UnauthorizedException:http://example.com/suffix/', 418),
      ).join('\n'),
    ).toMatch(/^status: the case has 500, the fixture 418/);
  });

  it('refuses a header the case does not send, except a request id, and a body where the case has none', () => {
    const withBody = fixture({
      ...unauthorisedInHeader('UnauthorizedException'),
      response: { code: 401, headers: { 'X-Amzn-Errortype': 'UnauthorizedException', 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' },
    });
    const plainCase = { ...headerError, headers: { 'X-Amzn-Errortype': 'FooError' } };
    const problems = compareWithOfficialCase(plainCase, withBody);
    expect(problems).toContain('header content-type: the fixture adds "application/x-amz-json-1.1"');
    expect(problems).toContain('body: the case has no body, the fixture "{}"');
    const withRequestId = unauthorisedInHeader('UnauthorizedException');
    withRequestId.response.headers!['x-amzn-RequestId'] = '00000000-0000-4000-8000-000000000001';
    expect(compareWithOfficialCase(plainCase, withRequestId)).toEqual([]);
  });

  it("keeps the message member's name, takes the fixture's expected text, and compares bodies as JSON", () => {
    const message = 'Example message: a fake parameter value was rejected.';
    const capitalised = fixture({
      response: {
        code: 400,
        headers: { 'Content-Type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({ __type: 'InvalidParameterException', Message: message }),
      },
      expect: { outcome: 'error', name: 'InvalidParameterException', message },
    });
    expect(compareWithOfficialCase(bodyError, capitalised)).toEqual([]);
    const lowercase = { ...capitalised, response: { ...capitalised.response, body: JSON.stringify({ __type: 'InvalidParameterException', message }) } };
    expect(compareWithOfficialCase(bodyError, lowercase)).toEqual([
      'body member Message: the case has "Hi", the fixture nothing',
      `body member message: the fixture adds "${message}"`,
    ]);
    const otherText = { ...capitalised, expect: { outcome: 'error' as const, name: 'InvalidParameterException', message: 'Example message: something else.' } };
    expect(compareWithOfficialCase(bodyError, otherText).join('\n')).toMatch(/is not the one it expects/);
  });

  it('lets a fixture add its own error members only when the official error has none', () => {
    const withMessage = fixture({
      response: {
        code: 401,
        headers: { 'Content-Type': 'application/x-amz-json-1.1' },
        body: '{"__type":"UnauthorizedException","message":"Example message: no."}',
      },
      expect: { outcome: 'error', name: 'UnauthorizedException', message: 'Example message: no.' },
    });
    const memberless: OfficialResponseCase = { ...bodyError, body: '{"__type":"FooError"}', errorCode: 'FooError', errorShapeMembers: [], status: 500 };
    delete (memberless as { errorMessage?: string }).errorMessage;
    expect(compareWithOfficialCase(memberless, withMessage)).toEqual([]);
    expect(compareWithOfficialCase({ ...memberless, errorShapeMembers: ['TopLevel'] }, withMessage)).toEqual([
      'body member message: the fixture adds "Example message: no."',
    ]);
  });

  it('refuses a different outcome', () => {
    const success = fixture({ response: { code: 500, headers: bodyError.headers as Record<string, string>, body: '{"__type":"InvalidGreeting"}' } });
    expect(compareWithOfficialCase(bodyError, success)[0]).toBe('outcome: the case expects error, the fixture success');
  });
});

describe('compareWithOfficialCase, request cases', () => {
  it("counts what the harness checks on every case and reads the test target as RevokeToken's", () => {
    expect(compareWithOfficialCase(stringRequest, fixture({}))).toEqual([]);
  });

  it('refuses a body of other kinds, an empty body for a non-empty one, and another method', () => {
    expect(compareWithOfficialCase(stringRequest, fixture({ params: {} })).join('\n')).toMatch(/the case sends \{"String":"abc"\}, the fixture \{\}/);
    expect(compareWithOfficialCase({ ...stringRequest, params: { String: null } }, fixture({})).join('\n')).toMatch(
      /members of kinds \["null"\], the fixture \["string"\]/,
    );
    expect(compareWithOfficialCase(stringRequest, fixture({ request: { method: 'PUT' } }))).toContain('method: the case sends POST, the fixture PUT');
  });

  it('refuses a case that configures its own endpoint, and a header the case requires with another value', () => {
    expect(compareWithOfficialCase({ ...stringRequest, clientEndpoint: 'https://example.com/custom' }, fixture({}))[0]).toMatch(/^endpoint:/);
    // A fixture that pins the same endpoint carries it, its uri read after the endpoint's path.
    const withPath = { ...stringRequest, host: 'example.com/custom', uri: '/custom/' };
    expect(compareWithOfficialCase(withPath, fixture({ endpoint: 'https://example.com/custom' }))).toEqual([]);
    expect(compareWithOfficialCase(withPath, fixture({ endpoint: 'https://example.com/other' }))[0]).toMatch(/^endpoint:/);
    expect(compareWithOfficialCase({ ...stringRequest, headers: { 'X-Example': 'yes' } }, fixture({}))).toEqual([
      'header x-example: the case requires "yes", the fixture nothing',
    ]);
  });
});
