// Reads the operation description out of the pinned npm client,
// @aws-sdk/client-cognito-identity-provider. Three parts of the package are used, each for
// what only it knows:
//   - the static schemas in dist-cjs (loaded, so the values are exactly what the SDK runs
//     with): members, required count, sensitive bit, error fault and status code;
//   - the request interface in dist-types (parsed with the TypeScript compiler): the name of
//     an enum a member targets, which the schema reduces to a plain string;
//   - the command's doc comment in dist-types: the operation's error list, because the
//     runtime registers errors per service, not per operation.
// Anything in a shape this reader does not know how to read is an error, not a guess.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import {
  type ErrorDescription,
  type MemberDescription,
  type Members,
  OPERATION,
  type OperationDescription,
  type StructureDescription,
  sortedRecord,
  sortedValues,
} from './description.ts';

export const NPM_PACKAGE = '@aws-sdk/client-cognito-identity-provider';

const require = createRequire(import.meta.url);

// Schema kinds and traits as @smithy/core/schema encodes them.
const SIMPLE = 0;
const STRUCTURE = 3;
const ERROR = -3;
const OPERATION_SCHEMA = 9;
const STRING = 0;
const SENSITIVE_BIT = 1 << 3;

type SchemaRef = unknown;
type TraitIndicator = number | Record<string, unknown>;

interface NpmPackage {
  dir: string;
  version: string;
  runtime: Record<string, unknown>;
}

export function loadNpmPackage(): NpmPackage {
  const manifestPath = require.resolve(`${NPM_PACKAGE}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  return { dir: dirname(manifestPath), version: manifest.version, runtime: require(NPM_PACKAGE) as Record<string, unknown> };
}

function deref(ref: SchemaRef): unknown {
  return typeof ref === 'function' ? (ref as () => unknown)() : ref;
}

function hasSensitive(traits: TraitIndicator | undefined): boolean {
  if (traits === undefined) return false;
  if (typeof traits === 'number') return (traits & SENSITIVE_BIT) !== 0;
  return Boolean(traits.sensitive);
}

function describeSchemaArray(schema: unknown, kinds: number[], what: string): unknown[] {
  if (!Array.isArray(schema) || !kinds.includes(schema[0] as number)) {
    throw new Error(`${NPM_PACKAGE}: ${what} is not a schema of kind ${kinds.join('/')}: ${JSON.stringify(schema)}`);
  }
  return schema;
}

interface ReadMember {
  target: string | null;
  sensitive: boolean;
}

/** A member schema is `0` (plain string), `() => schema`, or `[() => schema, memberTraits]`. */
function readMemberSchema(entry: unknown, where: string): ReadMember {
  let ref: unknown = entry;
  let memberTraits: TraitIndicator | undefined;
  if (Array.isArray(entry)) {
    [ref, memberTraits] = entry as [unknown, TraitIndicator];
  }
  const target = deref(ref);
  if (target === STRING) return { target: null, sensitive: hasSensitive(memberTraits) };
  const simple = describeSchemaArray(target, [SIMPLE], where);
  const [, , name, traits, inner] = simple as [number, string, string, TraitIndicator, unknown];
  if (inner !== STRING) throw new Error(`${NPM_PACKAGE}: ${where} targets ${name}, which is not a string schema; this reader only knows strings`);
  return { target: name, sensitive: hasSensitive(traits) || hasSensitive(memberTraits) };
}

/** Property name -> type name (a referenced type, or `string`) and whether it is optional. */
type DeclaredProperties = Map<string, { type: string; optional: boolean }>;

// The model declaration files are large; each is parsed once per process.
const parsedDeclarations = new Map<string, ts.SourceFile>();

function parsedDeclaration(path: string): ts.SourceFile {
  let source = parsedDeclarations.get(path);
  if (!source) {
    source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    parsedDeclarations.set(path, source);
  }
  return source;
}

function declaredInterface(packageDir: string, name: string): DeclaredProperties {
  const modelsDir = join(packageDir, 'dist-types', 'models');
  for (const file of readdirSync(modelsDir).filter((entry) => entry.endsWith('.d.ts'))) {
    const source = parsedDeclaration(join(modelsDir, file));
    const found = source.statements.find(
      (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name,
    );
    if (!found) continue;
    const properties: DeclaredProperties = new Map();
    for (const member of found.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const types = ts.isUnionTypeNode(member.type) ? member.type.types : [member.type];
      const meaningful = types.filter((type) => type.kind !== ts.SyntaxKind.UndefinedKeyword);
      if (meaningful.length !== 1)
        throw new Error(`${NPM_PACKAGE}: ${name}.${member.name.getText(source)} has an unexpected type ${member.type.getText(source)}`);
      properties.set(member.name.getText(source), { type: meaningful[0]!.getText(source), optional: member.questionToken !== undefined });
    }
    return properties;
  }
  throw new Error(`${NPM_PACKAGE}: no interface ${name} under ${modelsDir}`);
}

function enumValues(pkg: NpmPackage, typeName: string): string[] | null {
  const value = pkg.runtime[typeName];
  if (value === undefined || typeof value !== 'object' || value === null) return null;
  const values = Object.values(value);
  if (!values.every((entry) => typeof entry === 'string')) throw new Error(`${NPM_PACKAGE}: export ${typeName} is not a string enum`);
  return sortedValues(values as string[]);
}

function describeMembers(pkg: NpmPackage, schema: unknown[], declared: DeclaredProperties | undefined): Members {
  const [, , name, , memberNames, memberSchemas, requiredCount] = schema as [number, string, string, unknown, string[], unknown[], number | undefined];
  if (memberNames.length !== memberSchemas.length)
    throw new Error(`${NPM_PACKAGE}: ${name} has ${memberNames.length} member names but ${memberSchemas.length} member schemas`);
  return sortedRecord(
    memberNames.map((memberName, index): [string, MemberDescription] => {
      const read = readMemberSchema(memberSchemas[index], `${name}.${memberName}`);
      // Required members come first; the trailing count says how many there are.
      const required = index < (requiredCount ?? 0);
      const property = declared?.get(memberName);
      if (declared && !property) throw new Error(`${NPM_PACKAGE}: the schema of ${name} has ${memberName}, its TypeScript interface does not`);
      if (property && property.optional === required) {
        throw new Error(`${NPM_PACKAGE}: ${name}.${memberName} is ${required ? 'required' : 'optional'} in the schema but not in the TypeScript interface`);
      }
      // A plain-string schema hides the enum a member targets; the interface still names it.
      const enumType = property && property.type !== 'string' ? property.type : null;
      const values = enumType ? enumValues(pkg, enumType) : null;
      if (enumType && !values) throw new Error(`${NPM_PACKAGE}: ${name}.${memberName} has type ${enumType}, which is not an exported enum`);
      return [
        memberName,
        {
          target: read.target ?? enumType,
          required,
          sensitive: read.sensitive,
          // The schemas carry no constraint traits at all; the SDK validates nothing.
          lengthMin: null,
          lengthMax: null,
          pattern: null,
          enumValues: values,
        },
      ];
    }),
  );
}

function describeStructure(pkg: NpmPackage, ref: SchemaRef, what: string): StructureDescription {
  const schema = describeSchemaArray(deref(ref), [STRUCTURE], what);
  const name = schema[2] as string;
  return { shape: name, members: describeMembers(pkg, schema, declaredInterface(pkg.dir, name)) };
}

/** `@throws {@link Name} (client fault)` lines of the command's doc comment, in order. */
export function documentedErrors(commandDeclaration: string, commandName: string): { name: string; fault: 'client' | 'server' }[] {
  const source = ts.createSourceFile(`${commandName}.d.ts`, commandDeclaration, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((statement) => ts.isClassDeclaration(statement) && statement.name?.text === commandName);
  if (!declaration) throw new Error(`${NPM_PACKAGE}: no class ${commandName} in its declaration file`);
  const comments = ts.getLeadingCommentRanges(commandDeclaration, declaration.getFullStart()) ?? [];
  const doc = comments.map((range) => commandDeclaration.slice(range.pos, range.end)).join('\n');
  const errors: { name: string; fault: 'client' | 'server' }[] = [];
  for (const match of doc.matchAll(/@throws\s+\{@link\s+(\w+)\}\s*(?:\((client|server) fault\))?/g)) {
    const [, name, fault] = match;
    // The base exception of the service is listed too, without a fault: it is the catch-all
    // for errors the client does not know, not a modeled error.
    if (!fault) continue;
    errors.push({ name: name!, fault: fault as 'client' | 'server' });
  }
  if (errors.length === 0) throw new Error(`${NPM_PACKAGE}: the doc comment of ${commandName} lists no errors`);
  return errors;
}

function describeError(pkg: NpmPackage, name: string, documentedFault: 'client' | 'server'): ErrorDescription {
  const schema = describeSchemaArray(pkg.runtime[`${name}$`], [ERROR], `the export ${name}$`);
  const traits = schema[3] as { error?: string; httpError?: number };
  if (traits.error !== 'client' && traits.error !== 'server') throw new Error(`${NPM_PACKAGE}: ${name}$ has no error trait`);
  if (traits.error !== documentedFault) {
    throw new Error(`${NPM_PACKAGE}: ${name} is a ${traits.error} error in its schema but a ${documentedFault} fault in the command's doc comment`);
  }
  return { fault: traits.error, httpStatus: traits.httpError ?? null, members: describeMembers(pkg, schema, undefined) };
}

/** Which auth scheme the client's default provider picks for the operation. */
async function isSigned(pkg: NpmPackage, operation: string): Promise<boolean> {
  const Client = pkg.runtime.CognitoIdentityProviderClient as new (
    config: object,
  ) => {
    config: { httpAuthSchemeProvider: (parameters: { operation: string }) => { schemeId: string }[] | Promise<{ schemeId: string }[]> };
    destroy(): void;
  };
  const client = new Client({ region: 'us-east-1' });
  try {
    const options = await client.config.httpAuthSchemeProvider({ operation });
    if (options.length === 0) throw new Error(`${NPM_PACKAGE}: no auth scheme for ${operation}`);
    return options[0]!.schemeId !== 'smithy.api#noAuth';
  } finally {
    client.destroy();
  }
}

export async function describeNpm(pkg: NpmPackage = loadNpmPackage(), operationName: string = OPERATION): Promise<OperationDescription> {
  const operation = describeSchemaArray(pkg.runtime[`${operationName}$`], [OPERATION_SCHEMA], `the export ${operationName}$`);
  const [, , , , input, output] = operation as [number, string, string, unknown, SchemaRef, SchemaRef];
  const commandName = `${operationName}Command`;
  const declaration = readFileSync(join(pkg.dir, 'dist-types', 'commands', `${commandName}.d.ts`), 'utf8');
  return {
    operation: operationName,
    signed: await isSigned(pkg, operationName),
    input: describeStructure(pkg, input, `the input of ${operationName}`),
    output: describeStructure(pkg, output, `the output of ${operationName}`),
    errors: sortedRecord(documentedErrors(declaration, commandName).map(({ name, fault }) => [name, describeError(pkg, name, fault)])),
  };
}
