import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.ts';
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

  it('names a package the generated client itself needs on its own: the package depends on each', () => {
    const error = notFound("Cannot find package '@smithy/core/schema' imported from /x/dist/generated/client/index.js");
    expect(missingPackageOf(error, BUILT_IN_NEEDS['smithy-generated'])).toBe('needs @smithy/core, which is not installed: npm install --save-dev @smithy/core');
  });

  it('says nothing of other errors: a relative module, or not a missing module at all', () => {
    expect(missingPackageOf(notFound("Cannot find module '/x/y.js' imported from /x/z.js"), ['aws-sdk'])).toBeUndefined();
    expect(missingPackageOf(new SyntaxError("Cannot find package 'aws-sdk'"), ['aws-sdk'])).toBeUndefined();
  });

  it('knows the packages of every in-process built-in that the package does not install', () => {
    for (const name of ['aws-sdk-v3', 'aws-sdk-v2', 'amplify-v6']) {
      expect(BUILT_IN_ADAPTERS[name], name).toBeDefined();
      expect(BUILT_IN_NEEDS[name]?.length, name).toBeGreaterThan(0);
    }
  });
});

describe('the generated client in the installed package', () => {
  // The files Node loads (runtimeConfig.ts, not .browser.ts or .native.ts), and in each only
  // import and export statements: the doc comments show imports of a package that does not exist.
  const folder = join(packageRoot, 'generated', 'client');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !/\.(browser|native)\.ts$/.test(file));
  const imported = new Set<string>();
  for (const file of files) {
    for (const [, specifier] of readFileSync(join(folder, file), 'utf8').matchAll(/^(?:import|export)[^;]*?from\s+["']([^"'.][^"']*)["']/gms)) {
      const parts = specifier!.split('/');
      imported.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }

  it('finds what it checks: the generated client imports its runtime packages', () => {
    expect(imported.size).toBeGreaterThan(20);
    expect(imported).toContain('@smithy/smithy-client');
  });

  it('depends on every package the generated client imports, so --adapter smithy-generated runs where the package is installed', () => {
    const { dependencies } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([...imported].filter((name) => !(name in dependencies))).toEqual([]);
  });
});
