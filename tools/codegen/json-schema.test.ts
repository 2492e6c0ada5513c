import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.ts';
import { buildSchemaFiles, buildSchemas, type JsonSchema } from './json-schema.ts';
import type { SmithyAst } from './smithy-build.ts';
import { createAjv } from './validators.ts';

const ns = 'example.test';
type Shapes = SmithyAst['shapes'];

/** A model with one operation `Op` over the given shapes; `Op` itself can be overridden. */
function model(shapes: Shapes, operation: Record<string, unknown> = {}): SmithyAst {
  return {
    smithy: '2.0',
    shapes: {
      [`${ns}#Op`]: { type: 'operation', input: { target: `${ns}#OpInput` }, output: { target: `${ns}#OpOutput` }, ...operation },
      [`${ns}#OpOutput`]: { type: 'structure', members: {} },
      ...shapes,
    },
  };
}

const input = (members: Record<string, unknown>, extra: Shapes = {}): SmithyAst => model({ [`${ns}#OpInput`]: { type: 'structure', members }, ...extra });

const props = (schema: JsonSchema | undefined) => schema?.properties as Record<string, JsonSchema>;

describe('buildSchemas', () => {
  it('makes one schema per input, output and error, plus the envelope, in name order', () => {
    const ast = model(
      {
        [`${ns}#OpInput`]: { type: 'structure', members: {} },
        [`${ns}#Boom`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'server' } },
        [`${ns}#Alas`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'client', 'smithy.api#httpError': 404 } },
      },
      { errors: [{ target: `${ns}#Boom` }, { target: `${ns}#Alas` }] },
    );
    const schemas = buildSchemas(ast);
    expect([...schemas.keys()]).toEqual(['Alas', 'Boom', 'ErrorEnvelope', 'OpInput', 'OpOutput']);
    expect(schemas.get('OpInput')).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:revoketoken-conformance:schema:OpInput',
      title: 'OpInput',
      'x-smithy-shape-id': `${ns}#OpInput`,
      'x-contract-role': 'input',
      type: 'object',
    });
    expect(schemas.get('Alas')).toMatchObject({ 'x-contract-role': 'error', 'x-smithy-error': 'client', 'x-smithy-http-error': 404 });
  });

  it('gives errors without httpError the status of their fault: 400 for client, 500 for server', () => {
    const ast = model(
      {
        [`${ns}#OpInput`]: { type: 'structure', members: {} },
        [`${ns}#Server`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'server' } },
        [`${ns}#Client`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'client' } },
      },
      { errors: [{ target: `${ns}#Server` }, { target: `${ns}#Client` }] },
    );
    const schemas = buildSchemas(ast);
    expect(schemas.get('Server')?.['x-smithy-http-error']).toBe(500);
    expect(schemas.get('Client')?.['x-smithy-http-error']).toBe(400);
  });

  it('carries required, length, pattern, sensitive and documentation over from members and their targets', () => {
    const ast = input(
      {
        Id: { target: `${ns}#IdType`, traits: { 'smithy.api#required': {}, 'smithy.api#documentation': 'The member says.' } },
        Note: { target: `${ns}#Note` },
        Plain: { target: 'smithy.api#String' },
      },
      {
        [`${ns}#IdType`]: {
          type: 'string',
          traits: {
            'smithy.api#length': { min: 2, max: 9 },
            'smithy.api#pattern': '^[\\w+]+$',
            'smithy.api#sensitive': {},
            'smithy.api#documentation': 'The target says.',
          },
        },
        [`${ns}#Note`]: { type: 'string', traits: { 'smithy.api#documentation': 'Only the target says.', 'smithy.api#length': { max: 3 } } },
      },
    );
    const schema = buildSchemas(ast).get('OpInput')!;
    expect(schema.required).toEqual(['Id']);
    expect(props(schema).Id).toEqual({
      description: 'The member says.',
      type: 'string',
      minLength: 2,
      maxLength: 9,
      pattern: '^[\\w+]+$',
      'x-smithy-target': `${ns}#IdType`,
      'x-smithy-sensitive': true,
    });
    expect(props(schema).Note).toEqual({ description: 'Only the target says.', type: 'string', maxLength: 3, 'x-smithy-target': `${ns}#Note` });
    expect(props(schema).Plain).toEqual({ type: 'string' });
  });

  it('lets member traits override the same traits on the target', () => {
    const ast = input(
      { Id: { target: `${ns}#IdType`, traits: { 'smithy.api#length': { min: 5 } } } },
      {
        [`${ns}#IdType`]: { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 9 } } },
      },
    );
    expect(props(buildSchemas(ast).get('OpInput')).Id).toMatchObject({ minLength: 5 });
    expect(props(buildSchemas(ast).get('OpInput')).Id).not.toHaveProperty('maxLength');
  });

  it('closes requests to unmodeled members and leaves responses and errors open', () => {
    const ast = model(
      { [`${ns}#OpInput`]: { type: 'structure', members: {} }, [`${ns}#Oops`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'client' } } },
      { errors: [{ target: `${ns}#Oops` }] },
    );
    const schemas = buildSchemas(ast);
    expect(schemas.get('OpInput')?.additionalProperties).toBe(false);
    expect(schemas.get('OpOutput')?.additionalProperties).toBe(true);
    expect(schemas.get('Oops')?.additionalProperties).toBe(true);
    expect(schemas.get('ErrorEnvelope')?.additionalProperties).toBe(true);
    expect(schemas.get('OpInput')?.$comment).toMatch(/^Closed/);
  });

  it('turns enum shapes, the old enum trait and intEnums into enum lists in model order', () => {
    const ast = input(
      { Mode: { target: `${ns}#Mode` }, Old: { target: `${ns}#Old` }, Level: { target: `${ns}#Level` } },
      {
        [`${ns}#Mode`]: {
          type: 'enum',
          members: { B: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'bee' } }, A: { target: 'smithy.api#Unit' } },
        },
        [`${ns}#Old`]: { type: 'string', traits: { 'smithy.api#enum': [{ value: 'x' }, { value: 'y' }] } },
        [`${ns}#Level`]: { type: 'intEnum', members: { LOW: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 1 } } } },
      },
    );
    const p = props(buildSchemas(ast).get('OpInput'));
    expect(p.Mode).toMatchObject({ type: 'string', enum: ['bee', 'A'] });
    expect(p.Old).toMatchObject({ type: 'string', enum: ['x', 'y'] });
    expect(p.Level).toMatchObject({ type: 'integer', enum: [1] });
  });

  it('maps the other simple types, lists, maps and nested structures, closing nested request structures too', () => {
    const ast = input(
      {
        Flag: { target: 'smithy.api#Boolean' },
        Count: { target: `${ns}#Count` },
        Ratio: { target: 'smithy.api#Double' },
        When: { target: 'smithy.api#Timestamp' },
        Bytes: { target: 'smithy.api#Blob' },
        Tags: { target: `${ns}#Tags` },
        Labels: { target: `${ns}#Labels` },
        Inner: { target: `${ns}#Inner` },
        Anything: { target: 'smithy.api#Document' },
      },
      {
        [`${ns}#Count`]: { type: 'integer', traits: { 'smithy.api#range': { min: 0, max: 10 } } },
        [`${ns}#Tags`]: { type: 'list', member: { target: 'smithy.api#String' }, traits: { 'smithy.api#length': { max: 5 }, 'smithy.api#uniqueItems': {} } },
        [`${ns}#Labels`]: { type: 'map', key: { target: `${ns}#Key` }, value: { target: 'smithy.api#Integer' } },
        [`${ns}#Key`]: { type: 'string', traits: { 'smithy.api#pattern': '^[a-z]+$' } },
        [`${ns}#Inner`]: { type: 'structure', members: { x: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } } } },
      },
    );
    const schema = buildSchemas(ast).get('OpInput')!;
    const p = props(schema);
    expect(() => createAjv([schema]).getSchema(schema.$id as string), 'strict ajv compiles it').not.toThrow();
    expect(p.Flag).toEqual({ type: 'boolean' });
    expect(p.Count).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
    expect(p.Ratio).toEqual({ anyOf: [{ type: 'number' }, { type: 'string', enum: ['NaN', 'Infinity', '-Infinity'] }] });
    expect(p.When).toEqual({ type: 'number' });
    expect(p.Bytes).toEqual({ type: 'string', contentEncoding: 'base64' });
    expect(p.Tags).toMatchObject({ type: 'array', items: { type: 'string' }, maxItems: 5, uniqueItems: true });
    expect(p.Labels).toMatchObject({ type: 'object', propertyNames: { type: 'string', pattern: '^[a-z]+$' }, additionalProperties: { type: 'integer' } });
    expect(p.Inner).toMatchObject({ type: 'object', required: ['x'], additionalProperties: false });
    expect(p.Anything).toEqual({});
  });

  it('builds an envelope whose __type names every error and whose members are the union of theirs', () => {
    const ast = model(
      {
        [`${ns}#OpInput`]: { type: 'structure', members: {} },
        [`${ns}#Msg`]: { type: 'string' },
        [`${ns}#A`]: {
          type: 'structure',
          members: { message: { target: `${ns}#Msg`, traits: { 'smithy.api#documentation': 'A says.' } } },
          traits: { 'smithy.api#error': 'client' },
        },
        [`${ns}#B`]: {
          type: 'structure',
          members: { message: { target: `${ns}#Msg` }, code: { target: 'smithy.api#String' } },
          traits: { 'smithy.api#error': 'server' },
        },
      },
      { errors: [{ target: `${ns}#B` }, { target: `${ns}#A` }] },
    );
    const envelope = buildSchemas(ast).get('ErrorEnvelope')!;
    expect(envelope.required).toEqual(['__type']);
    expect(props(envelope).__type).toMatchObject({ type: 'string', enum: ['A', 'B'] });
    expect(props(envelope).message).toEqual({ type: 'string', 'x-smithy-target': `${ns}#Msg`, 'x-smithy-errors': ['A', 'B'] });
    expect(props(envelope).code).toEqual({ type: 'string', 'x-smithy-errors': ['B'] });
  });

  it('produces schemas that ajv accepts in strict mode and that follow the draft 2020-12 meta-schema', () => {
    const ast = JSON.parse(readFileSync(join(repoRoot, 'generated', 'model.json'), 'utf8')) as SmithyAst;
    const schemas = [...buildSchemas(ast).values()];
    const ajv = createAjv(schemas);
    for (const schema of schemas) {
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.getSchema(schema.$id as string)).not.toThrow();
    }
  });

  it.each([
    [
      'a recursive structure',
      input({ Node: { target: `${ns}#Node` } }, { [`${ns}#Node`]: { type: 'structure', members: { next: { target: `${ns}#Node` } } } }),
      /recursive/,
    ],
    ['a union', input({ U: { target: `${ns}#U` } }, { [`${ns}#U`]: { type: 'union', members: {} } }), /union are not supported/],
    [
      'a sparse list',
      input({ L: { target: `${ns}#L` } }, { [`${ns}#L`]: { type: 'list', member: { target: 'smithy.api#String' }, traits: { 'smithy.api#sparse': {} } } }),
      /sparse/,
    ],
    ['a missing target', input({ M: { target: `${ns}#Nowhere` } }), /not in the model/],
    [
      'an error without the error trait',
      model({ [`${ns}#OpInput`]: { type: 'structure', members: {} }, [`${ns}#E`]: { type: 'structure', members: {} } }, { errors: [{ target: `${ns}#E` }] }),
      /no error trait/,
    ],
    [
      'errors that disagree about a member',
      model(
        {
          [`${ns}#OpInput`]: { type: 'structure', members: {} },
          [`${ns}#A`]: { type: 'structure', members: { m: { target: 'smithy.api#String' } }, traits: { 'smithy.api#error': 'client' } },
          [`${ns}#B`]: { type: 'structure', members: { m: { target: 'smithy.api#Integer' } }, traits: { 'smithy.api#error': 'client' } },
        },
        { errors: [{ target: `${ns}#A` }, { target: `${ns}#B` }] },
      ),
      /member m differs/,
    ],
  ])('refuses %s rather than guess', (_what, ast, message) => {
    expect(() => buildSchemas(ast)).toThrow(message);
  });
});

describe('buildSchemaFiles', () => {
  it('writes <name>.schema.json files, pretty-printed with a final newline, the same bytes every time', () => {
    const ast = input({ Id: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } } });
    const files = buildSchemaFiles(ast);
    expect([...files.keys()]).toEqual(['OpInput.schema.json', 'OpOutput.schema.json']);
    for (const text of files.values()) {
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toContain('\n  "$id"');
    }
    expect(buildSchemaFiles(ast)).toEqual(files);
  });
});
