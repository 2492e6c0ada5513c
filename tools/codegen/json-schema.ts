import type { SmithyAst } from './smithy-build.ts';

/**
 * A JSON Schema (or a subschema) as plain JSON data.
 * @internal
 */
export type JsonSchema = { [keyword: string]: unknown };

/** @internal */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** @internal */
export const SCHEMA_ID_PREFIX = 'urn:revoketoken-conformance:schema:';

/** @internal */
export const ERROR_ENVELOPE = 'ErrorEnvelope';

/**
 * The annotation keywords the generated schemas carry besides standard JSON Schema. They never
 * change what validates; they keep Smithy facts that JSON Schema has no word for, so tools that
 * read the schemas (our validator generator among them) need not go back to the model. A
 * validator in strict mode must be told about each of them.
 * @internal
 */
export const ANNOTATION_KEYWORDS = {
  /** Absolute Smithy shape ID of the structure a root schema describes. */
  shapeId: 'x-smithy-shape-id',
  /** Absolute Smithy shape ID a member targets. */
  target: 'x-smithy-target',
  /** The value is secret (Smithy `sensitive`): never log or echo it. */
  sensitive: 'x-smithy-sensitive',
  /** `client` or `server` (Smithy `error`). */
  fault: 'x-smithy-error',
  /** HTTP status of an error: its `httpError`, else 400 for client and 500 for server faults. */
  status: 'x-smithy-http-error',
  /** On an envelope member: the errors that model it. */
  errors: 'x-smithy-errors',
  /** What the document is in the operation: `input`, `output`, `error` or `errorEnvelope`. */
  role: 'x-contract-role',
} as const;

const K = ANNOTATION_KEYWORDS;
const PRELUDE = 'smithy.api#';

const CLOSED_COMMENT =
  'Closed to unmodeled members: the service ignores them, so one here is most likely a misspelt optional member that would be dropped without a word.';
const OPEN_COMMENT = 'Open to unmodeled members: clients must ignore members that a newer service adds.';

type Shape = SmithyAst['shapes'][string];
type Traits = Record<string, unknown>;
interface Member {
  target: string;
  traits?: Traits;
}
type Role = 'input' | 'output' | 'error';

/** The shape name part of an absolute shape ID (`ns#Name` → `Name`). */
function shapeName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

// Prelude shapes have no entry in the AST; only their type matters to a schema.
const PRELUDE_TYPES: Record<string, string> = {
  String: 'string',
  Blob: 'blob',
  Boolean: 'boolean',
  PrimitiveBoolean: 'boolean',
  Byte: 'byte',
  PrimitiveByte: 'byte',
  Short: 'short',
  PrimitiveShort: 'short',
  Integer: 'integer',
  PrimitiveInteger: 'integer',
  Long: 'long',
  PrimitiveLong: 'long',
  Float: 'float',
  PrimitiveFloat: 'float',
  Double: 'double',
  PrimitiveDouble: 'double',
  BigInteger: 'bigInteger',
  BigDecimal: 'bigDecimal',
  Timestamp: 'timestamp',
  Document: 'document',
};

class SchemaBuilder {
  constructor(private readonly model: SmithyAst) {}

  shape(id: string): Shape {
    if (id.startsWith(PRELUDE)) {
      const type = PRELUDE_TYPES[shapeName(id)];
      if (type) return { type };
    }
    const shape = this.model.shapes[id];
    if (!shape) throw new Error(`shape ${id} is referenced but not in the model`);
    return shape;
  }

  /** A whole document: one input, output or error structure. */
  root(id: string, role: Role): JsonSchema {
    const shape = this.shape(id);
    if (shape.type !== 'structure') throw new Error(`${id} is the ${role} of an operation but is a ${shape.type}, not a structure`);
    const traits = (shape.traits ?? {}) as Traits;
    // Requests are closed: the service ignores members it does not model, so an extra member
    // is never what a caller meant (usually a misspelt optional member, silently dropped).
    // Responses and errors are open: clients must accept members a newer service adds.
    // The $comment keeps the reason with the schema for readers who never see this file.
    const open = role !== 'input';
    const schema: JsonSchema = {
      $schema: SCHEMA_DIALECT,
      $id: `${SCHEMA_ID_PREFIX}${shapeName(id)}`,
      title: shapeName(id),
      ...documentation(traits),
      $comment: open ? OPEN_COMMENT : CLOSED_COMMENT,
      [K.shapeId]: id,
      [K.role]: role,
    };
    if (role === 'error') {
      const fault = traits['smithy.api#error'];
      if (fault !== 'client' && fault !== 'server') throw new Error(`${id} is an error of an operation but has no error trait`);
      schema[K.fault] = fault;
      // Smithy's rule for errors without httpError; awsJson has no status rules of its own.
      schema[K.status] = typeof traits['smithy.api#httpError'] === 'number' ? traits['smithy.api#httpError'] : fault === 'client' ? 400 : 500;
    }
    if ('smithy.api#sensitive' in traits) schema[K.sensitive] = true;
    return { ...schema, ...this.structure(id, shape, open, [id]) };
  }

  private structure(id: string, shape: Shape, open: boolean, stack: string[]): JsonSchema {
    const members = (shape.members ?? {}) as Record<string, Member>;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [name, member] of Object.entries(members)) {
      properties[name] = this.member(member, open, stack, `${id}$${name}`);
      if ('smithy.api#required' in (member.traits ?? {})) required.push(name);
    }
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: open };
  }

  /** A member's value: its target's schema with the member's own traits applied on top. */
  member(member: Member, open: boolean, stack: string[], where: string): JsonSchema {
    const target = this.shape(member.target);
    const targetTraits = (target.traits ?? {}) as Traits;
    // Member traits override the target's, as in Smithy's effective-trait rules.
    const traits: Traits = { ...targetTraits, ...(member.traits ?? {}) };
    const schema: JsonSchema = {
      ...documentation(member.traits ?? {}, targetTraits),
      ...this.value(member.target, target, traits, open, stack, where),
    };
    if (!member.target.startsWith(PRELUDE)) schema[K.target] = member.target;
    if ('smithy.api#sensitive' in traits) schema[K.sensitive] = true;
    return schema;
  }

  private value(id: string, shape: Shape, traits: Traits, open: boolean, stack: string[], where: string): JsonSchema {
    const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
    const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
    const bounds = (min: string, max: string): JsonSchema => ({
      ...(length?.min !== undefined ? { [min]: length.min } : {}),
      ...(length?.max !== undefined ? { [max]: length.max } : {}),
    });
    const numeric = (): JsonSchema => ({
      ...(range?.min !== undefined ? { minimum: range.min } : {}),
      ...(range?.max !== undefined ? { maximum: range.max } : {}),
    });
    switch (shape.type) {
      case 'string': {
        const legacyEnum = traits['smithy.api#enum'] as Array<{ value: string }> | undefined;
        const pattern = traits['smithy.api#pattern'];
        return {
          type: 'string',
          ...(legacyEnum ? { enum: legacyEnum.map((e) => e.value) } : {}),
          // Smithy and JSON Schema both count Unicode code points.
          ...bounds('minLength', 'maxLength'),
          // Both languages use ECMA-262 regular expressions, unanchored unless the pattern anchors.
          ...(typeof pattern === 'string' ? { pattern } : {}),
        };
      }
      case 'enum':
      case 'intEnum': {
        const members = (shape.members ?? {}) as Record<string, Member>;
        const values = Object.entries(members).map(([name, m]) => m.traits?.['smithy.api#enumValue'] ?? name);
        return { type: shape.type === 'enum' ? 'string' : 'integer', enum: values };
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'byte':
      case 'short':
      case 'integer':
      case 'long':
      case 'bigInteger':
        return { type: 'integer', ...numeric() };
      case 'bigDecimal':
        return { type: 'number', ...numeric() };
      case 'float':
      case 'double':
        // awsJson sends the non-finite values as these strings.
        return {
          anyOf: [
            { type: 'number', ...numeric() },
            { type: 'string', enum: ['NaN', 'Infinity', '-Infinity'] },
          ],
        };
      case 'timestamp':
        // awsJson's default is epoch seconds; the other formats are strings.
        return traits['smithy.api#timestampFormat'] && traits['smithy.api#timestampFormat'] !== 'epoch-seconds' ? { type: 'string' } : { type: 'number' };
      case 'blob':
        return { type: 'string', contentEncoding: 'base64' };
      case 'document':
        return {};
      case 'list':
      case 'set': {
        if ('smithy.api#sparse' in traits) throw new Error(`${where}: sparse lists are not supported`);
        const uniqueItems = shape.type === 'set' || 'smithy.api#uniqueItems' in traits;
        return {
          type: 'array',
          items: this.member(shape.member as Member, open, stack, where),
          ...bounds('minItems', 'maxItems'),
          ...(uniqueItems ? { uniqueItems: true } : {}),
        };
      }
      case 'map': {
        if ('smithy.api#sparse' in traits) throw new Error(`${where}: sparse maps are not supported`);
        const keys = this.member(shape.key as Member, open, stack, where);
        const constrained = ['enum', 'minLength', 'maxLength', 'pattern'].some((keyword) => keyword in keys);
        return {
          type: 'object',
          ...(constrained ? { propertyNames: keys } : {}),
          additionalProperties: this.member(shape.value as Member, open, stack, where),
          ...bounds('minProperties', 'maxProperties'),
        };
      }
      case 'structure':
        if (stack.includes(id)) throw new Error(`${where}: recursive structures are not supported (${[...stack, id].join(' → ')})`);
        return this.structure(id, shape, open, [...stack, id]);
      default:
        throw new Error(`${where}: shapes of type ${shape.type} are not supported`);
    }
  }
}

function documentation(...sources: Traits[]): JsonSchema {
  for (const traits of sources) {
    const text = traits['smithy.api#documentation'];
    if (typeof text === 'string') return { description: text };
  }
  return {};
}

function targetOf(ref: unknown): string | undefined {
  const target = (ref as { target?: string } | undefined)?.target;
  return target && target !== 'smithy.api#Unit' ? target : undefined;
}

/**
 * The awsJson error body as the service sends it: `__type` with the bare shape name of one of
 * the operations' errors, and the union of the errors' members beside it. The envelope stays
 * open: the service may add members (awsJson clients must ignore them), and members one error
 * models may appear next to another error's `__type` without making the body unreadable. Each
 * error's own schema is the strict description of its members; the envelope does not repeat
 * per-error `required` lists (none of our errors has one), which would need if/then branches.
 */
function envelope(errors: Map<string, JsonSchema>, operations: string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    __type: {
      description: 'The error, named by its bare shape name (no namespace, no suffix).',
      type: 'string',
      enum: [...errors.keys()],
    },
  };
  const comparable = ({ description: _d, [K.errors]: _e, ...rest }: JsonSchema) => JSON.stringify(rest);
  for (const [name, schema] of errors) {
    for (const [member, memberSchema] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const known = properties[member];
      if (member === '__type') throw new Error(`${name} models a member named __type, which the awsJson envelope reserves`);
      if (!known) {
        const { description: _d, ...rest } = memberSchema;
        properties[member] = { ...rest, [K.errors]: [name] };
      } else if (comparable(known) !== comparable(memberSchema)) {
        throw new Error(
          `member ${member} differs between the errors ${(known[K.errors] as string[]).join(', ')} and ${name}; one envelope cannot describe both`,
        );
      } else {
        (known[K.errors] as string[]).push(name);
      }
    }
  }
  return {
    $schema: SCHEMA_DIALECT,
    $id: `${SCHEMA_ID_PREFIX}${ERROR_ENVELOPE}`,
    title: ERROR_ENVELOPE,
    description: `The JSON body of an error response of ${operations.join(', ')} under awsJson: __type names the error, and its modeled members sit beside it. Unmodeled members are allowed because clients must ignore them.`,
    [K.role]: 'errorEnvelope',
    type: 'object',
    properties,
    required: ['__type'],
    additionalProperties: true,
  };
}

/**
 * One JSON Schema (draft 2020-12) per document an operation exchanges: its input, its output,
 * each error structure, and the error envelope shared by all of them, keyed by schema name
 * (the shape name, or `ErrorEnvelope`), in name order. Every operation in the model counts.
 * @internal
 */
export function buildSchemas(model: SmithyAst): Map<string, JsonSchema> {
  const builder = new SchemaBuilder(model);
  const roles = new Map<string, Role>();
  const assign = (id: string, role: Role) => {
    const previous = roles.get(id);
    if (previous && previous !== role) throw new Error(`${id} is both an ${previous} and an ${role}; a schema can only have one role`);
    roles.set(id, role);
  };
  const operations = Object.keys(model.shapes)
    .filter((id) => model.shapes[id]!.type === 'operation')
    .sort();
  for (const id of operations) {
    const operation = model.shapes[id]!;
    const input = targetOf(operation.input);
    const output = targetOf(operation.output);
    if (input) assign(input, 'input');
    if (output) assign(output, 'output');
    for (const error of (operation.errors ?? []) as unknown[]) assign(targetOf(error)!, 'error');
  }
  const byName = new Map<string, string>();
  for (const id of roles.keys()) {
    const name = shapeName(id);
    if (byName.has(name) || name === ERROR_ENVELOPE) throw new Error(`two schemas would be named ${name} (${byName.get(name) ?? ERROR_ENVELOPE} and ${id})`);
    byName.set(name, id);
  }
  const schemas = new Map<string, JsonSchema>();
  for (const name of [...byName.keys()].sort()) {
    const id = byName.get(name)!;
    schemas.set(name, builder.root(id, roles.get(id)!));
  }
  const errors = new Map([...schemas].filter(([, schema]) => schema[K.role] === 'error'));
  if (errors.size > 0) schemas.set(ERROR_ENVELOPE, envelope(errors, operations.map(shapeName)));
  return new Map([...schemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The schema files to write under generated/schemas/: `<name>.schema.json`, pretty-printed,
 * with a trailing newline. Key order is fixed by the generator and member order follows the
 * model, so the same model always produces the same bytes.
 * @internal
 */
export function buildSchemaFiles(model: SmithyAst): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of buildSchemas(model)) files.set(`${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
  return files;
}
