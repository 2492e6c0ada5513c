import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSchemaFiles } from './json-schema.ts';
import type { SmithyAst } from './smithy-build.ts';
import { type CompiledSchema, type CompiledSchemaError, toIssues, validateWith } from './validation-runtime.ts';
import { buildValidatorFiles } from './validators.ts';

const ns = 'example.test';
const ast: SmithyAst = {
  smithy: '2.0',
  shapes: {
    [`${ns}#Op`]: { type: 'operation', input: { target: `${ns}#OpInput` }, output: { target: `${ns}#OpOutput` }, errors: [{ target: `${ns}#Nope` }] },
    [`${ns}#OpInput`]: {
      type: 'structure',
      members: {
        Name: { target: `${ns}#Name`, traits: { 'smithy.api#required': {} } },
        Mode: { target: `${ns}#Mode` },
      },
    },
    [`${ns}#Name`]: { type: 'string', traits: { 'smithy.api#length': { min: 2, max: 3 }, 'smithy.api#pattern': '^\\S+$', 'smithy.api#sensitive': {} } },
    [`${ns}#Mode`]: { type: 'enum', members: { ON: { target: 'smithy.api#Unit' }, OFF: { target: 'smithy.api#Unit' } } },
    [`${ns}#OpOutput`]: { type: 'structure', members: {} },
    [`${ns}#Nope`]: {
      type: 'structure',
      members: { message: { target: 'smithy.api#String' } },
      traits: { 'smithy.api#error': 'client', 'smithy.api#httpError': 409 },
    },
  },
};
const files = buildValidatorFiles(buildSchemaFiles(ast));

const scratch = mkdtempSync(join(tmpdir(), 'validators-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Loads one generated validator module the way Node would, from a scratch folder. */
async function load(name: string): Promise<CompiledSchema> {
  const path = join(scratch, `${name}.mjs`);
  writeFileSync(path, files.get(`validators/${name}.js`)!);
  return ((await import(pathToFileURL(path).href)) as { default: CompiledSchema }).default;
}

describe('buildValidatorFiles', () => {
  it('writes a validator module with declarations per schema, and the package files around them', () => {
    expect([...files.keys()]).toEqual([
      'bodies.ts',
      'index.ts',
      'modeled-errors.ts',
      'schemas/index.ts',
      'validation.ts',
      'validators/ErrorEnvelope.d.ts',
      'validators/ErrorEnvelope.js',
      'validators/Nope.d.ts',
      'validators/Nope.js',
      'validators/OpInput.d.ts',
      'validators/OpInput.js',
      'validators/OpOutput.d.ts',
      'validators/OpOutput.js',
    ]);
    expect(buildValidatorFiles(buildSchemaFiles(ast))).toEqual(files);
  });

  it('generates standalone ES modules that need nothing at run time', () => {
    for (const [name, text] of files) {
      if (!name.endsWith('.js')) continue;
      expect(text).not.toMatch(/require\(/);
      expect(text).not.toMatch(/^import /m);
      expect(text).toMatch(/^export default /m);
    }
  });

  it('compiles validators that apply every constraint and count code points', async () => {
    const validate = await load('OpInput');
    expect(validate({ Name: 'ab', Mode: 'ON' })).toBe(true);
    expect(validate({ Name: '😀😀😀' }), 'three code points, six UTF-16 units').toBe(true);
    expect(validate({ Name: 'a' })).toBe(false);
    expect(validate({ Name: 'a b' })).toBe(false);
    expect(validate({ Name: 'ab', Mode: 'on' })).toBe(false);
    expect(validate({ Name: 'ab', extra: 1 })).toBe(false);
    expect(validateWith(validate, { Mode: 7 })).toEqual({
      ok: false,
      issues: [
        { member: 'Name', constraint: 'required', message: 'Name: is required' },
        { member: 'Mode', constraint: 'type', message: 'Mode: must be a string' },
      ],
    });
  });

  it('keeps error bodies and the envelope open to unmodeled members', async () => {
    expect((await load('Nope'))({ message: 'x', __type: 'Nope', extra: true })).toBe(true);
    const envelope = await load('ErrorEnvelope');
    expect(envelope({ __type: 'Nope', message: 'm', requestId: 'r' })).toBe(true);
    expect(envelope({ __type: 'example.test#Nope' })).toBe(false);
    expect(envelope({ message: 'm' })).toBe(false);
  });

  it('generates an index that re-exports types and wraps every validator', () => {
    const index = files.get('index.ts')!;
    expect(index).toContain("export type { OpInput, OpOutput } from './client/models/models_0.ts';");
    expect(index).toContain("export type { Mode } from './client/models/enums.ts';");
    expect(index).toContain("export type { Nope } from './client/models/errors.ts';");
    expect(index).toContain("export type { ErrorEnvelope, NopeBody } from './bodies.ts';");
    expect(index).toContain('export function validateOpInput(value: unknown): ValidationResult<OpInput> {');
    expect(index).toContain('export function isNopeBody(value: unknown): value is NopeBody {');
    expect(index).not.toMatch(/export \*/);
    expect(files.get('modeled-errors.ts')).toContain("{ name: 'Nope', status: 409, fault: 'client' },");
    expect(files.get('bodies.ts')).toContain('  __type: ModeledErrorName;');
  });

  it('refuses schemas it did not generate', () => {
    expect(() => buildValidatorFiles(new Map([['X.schema.json', '{"$id":"urn:revoketoken-conformance:schema:X"}']]))).toThrow(/x-contract-role/);
  });
});

describe('toIssues', () => {
  const error = (e: Partial<CompiledSchemaError>): CompiledSchemaError => ({ instancePath: '', schemaPath: '#', keyword: 'type', params: {}, ...e });

  it('names members by path, array items by index and missing or extra members by name', () => {
    const issues = toIssues([
      error({ instancePath: '/Outer/inner', keyword: 'maxLength', params: { limit: 1 } }),
      error({ instancePath: '/Items/0', keyword: 'minLength', params: { limit: 3 } }),
      error({ instancePath: '/Outer', keyword: 'required', params: { missingProperty: 'must' } }),
      error({ keyword: 'additionalProperties', params: { additionalProperty: '0' } }),
      error({ instancePath: '/a~1b~0c', keyword: 'pattern', params: { pattern: '^x$' } }),
    ]);
    expect(issues).toEqual([
      { member: 'Outer.inner', constraint: 'maxLength', message: 'Outer.inner: must be at most 1 character long' },
      { member: 'Items[0]', constraint: 'minLength', message: 'Items[0]: must be at least 3 characters long' },
      { member: 'Outer.must', constraint: 'required', message: 'Outer.must: is required' },
      { member: '0', constraint: 'additionalProperties', message: '0: is not a member of this shape' },
      { member: 'a/b~c', constraint: 'pattern', message: 'a/b~c: must match pattern ^x$' },
    ]);
    expect(toIssues([error({ keyword: 'type', params: { type: 'object' } })])).toEqual([
      { member: '(root)', constraint: 'type', message: '(root): must be an object' },
    ]);
  });

  it('reports a wrong JSON type alone, not the checks that could not apply to it', () => {
    const issues = toIssues([
      error({ instancePath: '/Mode', keyword: 'type', params: { type: 'string' } }),
      error({ instancePath: '/Mode', keyword: 'enum', params: { allowedValues: ['A'] } }),
    ]);
    expect(issues.map((i) => i.constraint)).toEqual(['type']);
  });

  it('reports an anyOf once, without the failures of each alternative', () => {
    const issues = toIssues([
      error({ instancePath: '/n', schemaPath: '#/properties/n/anyOf/0/type', keyword: 'type', params: { type: 'number' } }),
      error({ instancePath: '/n', schemaPath: '#/properties/n/anyOf/1/type', keyword: 'type', params: { type: 'string' } }),
      error({ instancePath: '/n', schemaPath: '#/properties/n/anyOf', keyword: 'anyOf' }),
    ]);
    expect(issues).toEqual([{ member: 'n', constraint: 'anyOf', message: 'n: matches none of the allowed forms' }]);
  });

  it('never quotes the value', () => {
    const [issue] = toIssues([error({ instancePath: '/Secret', keyword: 'enum', params: { allowedValues: ['A', 'B'] } })]);
    expect(issue?.message).toBe('Secret: must be one of A, B');
  });
});
