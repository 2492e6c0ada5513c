import { describe, expect, it } from 'vitest';
import { BUILT_IN_NEEDS, missingPackageOf } from './built-in-needs.ts';
import { BUILT_IN_ADAPTERS } from './load.ts';

const notFound = (message: string) => Object.assign(new Error(message), { code: 'ERR_MODULE_NOT_FOUND' });

describe('missingPackageOf', () => {
  it("names the built-in's client package and how to install it", () => {
    const error = notFound("Cannot find package '@aws-sdk/client-cognito-identity-provider' imported from /x/dist/conformance/adapters/aws-sdk-v3.js");
    expect(missingPackageOf(error, BUILT_IN_NEEDS['aws-sdk-v3'])).toBe(
      'needs @aws-sdk/client-cognito-identity-provider, which is not installed: npm install --save-dev @aws-sdk/client-cognito-identity-provider',
    );
  });

  it('names a package the client itself needs, with the packages that bring it', () => {
    const error = notFound("Cannot find package '@smithy/core/schema' imported from /x/dist/generated/client/index.js");
    expect(missingPackageOf(error, BUILT_IN_NEEDS['smithy-generated'])).toBe(
      'needs @smithy/core (a package of @aws-sdk/client-cognito-identity-provider), which is not installed: npm install --save-dev @aws-sdk/client-cognito-identity-provider',
    );
  });

  it('says nothing of other errors: a relative module, or not a missing module at all', () => {
    expect(missingPackageOf(notFound("Cannot find module '/x/y.js' imported from /x/z.js"), ['aws-sdk'])).toBeUndefined();
    expect(missingPackageOf(new SyntaxError("Cannot find package 'aws-sdk'"), ['aws-sdk'])).toBeUndefined();
  });

  it('knows the packages of every in-process built-in', () => {
    for (const name of ['aws-sdk-v3', 'aws-sdk-v2', 'smithy-generated', 'amplify-v6']) {
      expect(BUILT_IN_ADAPTERS[name], name).toBeDefined();
      expect(BUILT_IN_NEEDS[name]?.length, name).toBeGreaterThan(0);
    }
  });
});
