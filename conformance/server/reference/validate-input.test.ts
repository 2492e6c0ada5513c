import { describe, expect, it } from 'vitest';
import { AdminCreateUserInput, CreateUserPoolInput, InitiateAuthInput, RevokeTokenInput } from './input-shapes.ts';
import type { JsonObject } from './request-body.ts';
import { MalformedBodyError } from './request-body.ts';
import { ServiceError } from './service-error.ts';
import type { StructureShape } from './shape.ts';
import { validateInput } from './validate-input.ts';

function messageOf(input: JsonObject, shape: StructureShape): string {
  try {
    validateInput(input, shape);
  } catch (error) {
    if (error instanceof ServiceError) {
      expect(error.type).toBe('InvalidParameterException');
      return error.message;
    }
    throw error;
  }
  return 'valid';
}

describe('validateInput', () => {
  it('accepts a valid input and ignores members it does not know', () => {
    expect(messageOf({ Token: 'a.b-c_d=', ClientId: 'client1', Unknown: [1, 2] }, RevokeTokenInput)).toBe('valid');
  });

  it("reports every missing required member at once, in Cognito's wording", () => {
    expect(messageOf({}, RevokeTokenInput)).toBe(
      "2 validation errors detected: Value null at 'token' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('never quotes a sensitive value', () => {
    const message = messageOf({ Token: 'has space', ClientId: 'x'.repeat(129), ClientSecret: 'sh ort' }, RevokeTokenInput);
    expect(message).toBe(
      '4 validation errors detected: ' +
        "Value at 'token' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+; " +
        "Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128; " +
        "Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24; " +
        "Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    );
    expect(message).not.toContain('has space');
    expect(message).not.toContain('sh ort');
  });

  it('quotes values that are not sensitive', () => {
    expect(messageOf({ Token: 't', ClientId: 'c', RevokeAssociatedSessions: 'ALL' }, RevokeTokenInput)).toBe(
      "1 validation error detected: Value 'ALL' at 'revokeAssociatedSessions' failed to satisfy constraint: Member must satisfy enum value set: [LINKED, NONE]",
    );
  });

  it('names nested members and list items by path, and checks integer ranges', () => {
    expect(messageOf({ PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 5 } } }, CreateUserPoolInput)).toBe(
      "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    );
    expect(messageOf({ UserPoolId: 'us-east-1_a', Username: 'u', UserAttributes: [{ Name: 'email' }, {}] }, AdminCreateUserInput)).toBe(
      "1 validation error detected: Value null at 'userAttributes.2.member.name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('hides values inside a sensitive map', () => {
    const message = messageOf({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { PASSWORD: 'x'.repeat(131_073) } }, InitiateAuthInput);
    expect(message).toMatch(/^1 validation error detected: Value at 'authParameters.value'/);
  });

  it('counts length in code points, as Smithy does', () => {
    expect(messageOf({ PoolName: `${'\u{1F600}'.repeat(1)}a` }, CreateUserPoolInput)).not.toContain('length');
    expect(messageOf({ UserPoolId: 'us-east-1_a', Username: '\u{1F600}'.repeat(128) }, AdminCreateUserInput)).toBe('valid');
  });

  it('treats a member of the wrong JSON type as a body that cannot be read', () => {
    expect(() => validateInput({ Token: 5, ClientId: 'c' }, RevokeTokenInput)).toThrow(MalformedBodyError);
    expect(() => validateInput({ Token: 't', ClientId: ['c'] }, RevokeTokenInput)).toThrow("The member at 'clientId' must be a JSON string, not an array.");
    expect(() => validateInput({ PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 8.5 } } }, CreateUserPoolInput)).toThrow(MalformedBodyError);
    expect(() => validateInput({ UserPoolId: 'us-east-1_a', Username: 'u', UserAttributes: [null] }, AdminCreateUserInput)).toThrow('must not be null');
    expect(() => validateInput({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 1 } }, InitiateAuthInput)).toThrow(
      "The member at 'authParameters.value' must be a JSON string, not a number.",
    );
  });
});
