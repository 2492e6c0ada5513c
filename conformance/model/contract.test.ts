import { describe, expect, it } from 'vitest';
import { modeledErrors, schemas } from '../../generated/index.ts';
import { readOperationContract, revokeToken, type SmithyModel } from './contract.ts';

describe('revokeToken', () => {
  it('names the operation and its wire identity', () => {
    expect(revokeToken).toMatchObject({
      service: 'AWSCognitoIdentityProviderService',
      operation: 'RevokeToken',
      target: 'AWSCognitoIdentityProviderService.RevokeToken',
      protocol: 'aws.protocols#awsJson1_1',
      contentType: 'application/x-amz-json-1.1',
      authSchemes: [],
      optionalAuth: true,
    });
  });

  it('lists the input members with their constraints as data', () => {
    const byName = Object.fromEntries(revokeToken.input.members.map((m) => [m.name, m]));
    expect(Object.keys(byName)).toEqual(['Token', 'ClientId', 'ClientSecret', 'RevokeAssociatedSessions']);
    expect(byName.Token).toMatchObject({ type: 'string', required: true, sensitive: true, pattern: '^[A-Za-z0-9-_=.]+$' });
    expect(byName.Token).not.toHaveProperty('length');
    expect(byName.ClientId).toMatchObject({ required: true, sensitive: true, length: { min: 1, max: 128 }, pattern: '^[\\w+]+$' });
    expect(byName.ClientSecret).toMatchObject({ required: false, sensitive: true, length: { min: 24, max: 64 }, pattern: '^[\\w+]+$' });
    expect(byName.RevokeAssociatedSessions).toMatchObject({ type: 'enum', required: false, sensitive: false, enumValues: ['LINKED', 'NONE'] });
    expect(revokeToken.sensitiveMembers).toEqual(['Token', 'ClientId', 'ClientSecret']);
    expect(revokeToken.output).toEqual({ shape: 'RevokeTokenResponse', members: [] });
  });

  it('lists the errors as the generated contract does', () => {
    expect(revokeToken.errors.map(({ name, status, fault }) => ({ name, status, fault }))).toEqual(modeledErrors);
    const invalid = revokeToken.errors.find((e) => e.name === 'InvalidParameterException');
    expect(invalid?.members.map((m) => m.name)).toEqual(['message', 'reasonCode']);
  });

  it('agrees with the generated request schema on every constraint', () => {
    const properties = schemas.RevokeTokenRequest.properties as Record<string, Record<string, unknown>>;
    for (const member of revokeToken.input.members) {
      const schema = properties[member.name]!;
      expect(schema.pattern, member.name).toBe(member.pattern);
      expect(schema.minLength, member.name).toBe(member.length?.min);
      expect(schema.maxLength, member.name).toBe(member.length?.max);
      expect(schema.enum, member.name).toEqual(member.enumValues);
      expect(schema['x-smithy-sensitive'] === true, member.name).toBe(member.sensitive);
    }
    expect(schemas.RevokeTokenRequest.required).toEqual(revokeToken.input.members.filter((m) => m.required).map((m) => m.name));
  });
});

describe('readOperationContract', () => {
  const ns = 'example.test';
  const ast = (serviceTraits: Record<string, unknown>, operationTraits: Record<string, unknown> = {}): SmithyModel => ({
    shapes: {
      [`${ns}#Svc`]: { type: 'service', operations: [{ target: `${ns}#Op` }], traits: serviceTraits },
      [`${ns}#Op`]: { type: 'operation', errors: [{ target: `${ns}#Oops` }], traits: operationTraits },
      [`${ns}#Oops`]: { type: 'structure', members: { n: { target: 'smithy.api#PrimitiveInteger' } }, traits: { 'smithy.api#error': 'server' } },
    },
  });

  it("falls back to the service's auth schemes, Unit input and output, and the fault's default status", () => {
    const contract = readOperationContract(ast({ 'aws.protocols#awsJson1_0': {}, 'aws.auth#sigv4': { name: 'x' } }), 'Op');
    expect(contract).toMatchObject({
      target: 'Svc.Op',
      contentType: 'application/x-amz-json-1.0',
      authSchemes: ['aws.auth#sigv4'],
      optionalAuth: false,
      input: { shape: 'Unit', members: [] },
      errors: [{ name: 'Oops', fault: 'server', status: 500, members: [{ name: 'n', type: 'integer', required: false }] }],
    });
  });

  it('prefers the auth trait of the operation', () => {
    const contract = readOperationContract(
      ast({ 'aws.protocols#awsJson1_1': {}, 'aws.auth#sigv4': {} }, { 'smithy.api#auth': ['smithy.api#httpBearerAuth'] }),
      'Op',
    );
    expect(contract.authSchemes).toEqual(['smithy.api#httpBearerAuth']);
  });

  it('refuses models it cannot describe', () => {
    expect(() => readOperationContract(ast({ 'aws.protocols#awsJson1_1': {} }), 'Missing')).toThrow(/no operation named Missing/);
    expect(() => readOperationContract(ast({ 'aws.protocols#restJson1': {} }), 'Op')).toThrow(/speaks none of/);
    const unbound = ast({});
    delete unbound.shapes[`${ns}#Svc`];
    expect(() => readOperationContract(unbound, 'Op')).toThrow(/no service binds/);
  });
});
