// The package as its users get it: built with `npm run build`, then loaded by plain Node
// through package.json's "exports" (a package may import itself by name) and by file path.
// Vitest's own resolver is kept out of it: every import happens in a child Node process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../tools/paths.ts';
import { exportedNames, publicDeclarations } from '../tools/public-api/public-declarations.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs an ES module in a child Node from the repository root and returns what it printed as JSON. */
function runModule(source: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', source], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node exited with ${result.status}:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

beforeAll(() => {
  const build = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
});

describe(`the built package on Node ${process.version}`, () => {
  it('loads by its own name, with validators, error table and schemas', () => {
    const out = runModule(`
      import * as contract from 'revoketoken-conformance';
      const bad = contract.validateRevokeTokenRequest({ ClientId: 'a b' });
      console.log(JSON.stringify({
        good: contract.validateRevokeTokenRequest({ Token: 'abc.def', ClientId: 'client_1' }).ok,
        bad,
        guard: contract.isErrorEnvelope({ __type: 'ForbiddenException', message: 'no' }),
        errors: contract.modeledErrors.length,
        schemaId: contract.schemas.RevokeTokenRequest.$id,
      }));
    `);
    expect(out).toEqual({
      good: true,
      bad: {
        ok: false,
        issues: [
          { member: 'Token', constraint: 'required', message: 'Token: is required' },
          { member: 'ClientId', constraint: 'pattern', message: 'ClientId: must match pattern ^[\\w+]+$' },
        ],
      },
      guard: true,
      errors: 8,
      schemaId: 'urn:revoketoken-conformance:schema:RevokeTokenRequest',
    });
  });

  it('serves the JSON Schemas, the model and package.json as JSON modules', () => {
    const out = runModule(`
      import request from 'revoketoken-conformance/schemas/RevokeTokenRequest.schema.json' with { type: 'json' };
      import envelope from 'revoketoken-conformance/schemas/ErrorEnvelope.schema.json' with { type: 'json' };
      import model from 'revoketoken-conformance/model.json' with { type: 'json' };
      import pkg from 'revoketoken-conformance/package.json' with { type: 'json' };
      console.log(JSON.stringify({
        request: request.$id,
        envelope: envelope.required,
        operation: 'com.amazonaws.cognitoidentityprovider#RevokeToken' in model.shapes,
        name: pkg.name,
      }));
    `);
    expect(out).toEqual({
      request: 'urn:revoketoken-conformance:schema:RevokeTokenRequest',
      envelope: ['__type'],
      operation: true,
      name: 'revoketoken-conformance',
    });
  });

  it('loads by path to the same module instance, and its schemas by path too', () => {
    const out = runModule(`
      import * as byName from 'revoketoken-conformance';
      import schema from './generated/schemas/InternalErrorException.schema.json' with { type: 'json' };
      const byPath = await import('./dist/generated/index.js');
      console.log(JSON.stringify({ same: byName.validateRevokeTokenRequest === byPath.validateRevokeTokenRequest, status: schema['x-smithy-http-error'] }));
    `);
    expect(out).toEqual({ same: true, status: 500 });
  });

  it('gives TypeScript consumers the declared types through the exports map', () => {
    // Inside the package folder so that the self-reference resolves; dist/ is build output.
    const folder = join(repoRoot, 'dist', '.consumer-check');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'use.ts'),
      [
        "import { validateRevokeTokenRequest, type ErrorEnvelope, type ForbiddenException, type RevokeAssociatedSessionsType, type RevokeTokenRequest } from 'revoketoken-conformance';",
        "import schema from 'revoketoken-conformance/schemas/RevokeTokenRequest.schema.json' with { type: 'json' };",
        'const result = validateRevokeTokenRequest({});',
        'export const token: string | undefined = result.ok ? (result.value satisfies RevokeTokenRequest).Token : result.issues[0]?.message;',
        "export const envelope: ErrorEnvelope = { __type: 'ForbiddenException' };",
        "export const mode: RevokeAssociatedSessionsType = 'LINKED';",
        'export type Thrown = ForbiddenException;',
        'export const id: string = schema.$id;',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          resolveJsonModule: true,
          types: ['node'],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });
});

describe(`the built vitest entry on Node ${process.version}`, () => {
  it("gives TypeScript users describeConformance and the matchers on vitest's expect", () => {
    const folder = join(repoRoot, 'dist', '.vitest-consumer-check');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'use.test.ts'),
      [
        "import { expect, it } from 'vitest';",
        "import { describeConformance, type DescribeConformanceOptions } from 'revoketoken-conformance/vitest';",
        "const options: DescribeConformanceOptions = { strict: true, filters: ['C4'] };",
        "describeConformance('./my-adapter.mjs', options);",
        "it('types the matchers', () => {",
        "  expect({ Token: 't', ClientId: 'c' }).toMatchRevokeTokenRequest();",
        "  expect(new Error('x')).not.toBeModeledRevokeTokenError('UnauthorizedException');",
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['use.test.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });
});

describe(`the built conformance entry on Node ${process.version}`, () => {
  it('serves fixtures as msw handlers and the reference server to other projects', () => {
    const out = runModule(`
      import { loadFixtures, handlerForFixture, createReferenceService, ADAPTER_CONTRACT_VERSION } from 'revoketoken-conformance/conformance';
      import { getResponse } from 'msw';
      const fixtures = await loadFixtures();
      const fixture = fixtures.find((f) => f.id === 'RevokeTokenForbiddenExceptionAsObserved');
      const request = () => new Request('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' }, body: '{}' });
      const answer = await getResponse([handlerForFixture(fixture)], request());
      const reference = await createReferenceService().handle(request());
      console.log(JSON.stringify({ count: fixtures.length > 50, status: answer.status, body: await answer.json(), reference: reference.status, contract: ADAPTER_CONTRACT_VERSION }));
    `);
    expect(out).toMatchObject({ count: true, status: 403, body: { __type: 'ForbiddenException' }, reference: 400, contract: '2.2.0' });
  });

  it('judges requests in handlers from createConformanceService, refusing one that breaks a must rule', () => {
    const out = runModule(`
      import { loadFixtures, createConformanceService, runConformance } from 'revoketoken-conformance/conformance';
      import { getResponse } from 'msw';
      const fixture = (await loadFixtures()).find((f) => f.id === 'RevokeTokenSuccessEmptyObject');
      const service = createConformanceService({ refuseNonConforming: true });
      const answer = await getResponse([service.handlerFor(fixture)], new Request('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' }, body: '{}' }));
      const error = await runConformance({ strict: 'yes' }).catch((e) => e);
      console.log(JSON.stringify({ status: answer.status, type: (await answer.json()).__type, failed: service.failures().map((v) => v.check), option: error.option }));
    `);
    expect(out).toEqual({ status: 400, type: 'RevokeTokenConformanceError', failed: ['C3', 'C8'], option: 'strict' });
  });
});

// Each entry's public API: what it exports, each export tagged @public, and nothing else tagged so.
const ENTRIES = [
  { entry: 'conformance/vitest/index.ts', folder: 'conformance/vitest/' },
  // Everything else under conformance/ belongs to the conformance entry.
  { entry: 'conformance/index.ts', folder: 'conformance/' },
];

describe('the public API of each entry (revoketoken-conformance/conformance, /vitest)', () => {
  for (const { entry } of ENTRIES) {
    it(`is exactly what ${entry} exports: each export tagged @public, and nothing else tagged so`, () => {
      const exported = new Set(exportedNames(repoRoot, entry));
      const ownerOf = (file: string) => ENTRIES.find((e) => file.startsWith(e.folder))!.entry;
      const tagged = publicDeclarations(repoRoot).filter((d) => ownerOf(d.file) === entry);
      const taggedNames = new Set(tagged.map((d) => d.name));
      expect(
        tagged.filter((d) => !exported.has(d.name)).map((d) => `${d.file}: ${d.name}`),
        'tagged @public but not exported',
      ).toEqual([]);
      expect([...exported].filter((name) => !taggedNames.has(name)).sort(), 'exported without @public').toEqual([]);
    });
  }
});
