// Reads the operation description out of a Smithy JSON AST (generated/model.json, or the AST
// of any model folder built with the Smithy CLI).
import { NAMESPACE } from '../codegen/closure.ts';
import type { SmithyAst } from '../codegen/smithy-build.ts';
import {
  type ErrorDescription,
  type MemberDescription,
  OPERATION,
  type OperationDescription,
  type StructureDescription,
  sortedRecord,
  sortedValues,
} from './description.ts';

type Traits = Record<string, unknown>;

interface AstMember {
  target: string;
  traits?: Traits;
}

interface AstShape {
  type: string;
  traits?: Traits;
  members?: Record<string, AstMember>;
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
}

function localName(shapeId: string): string {
  return shapeId.slice(shapeId.indexOf('#') + 1);
}

function shapeOf(ast: SmithyAst, shapeId: string): AstShape {
  const shape = ast.shapes[shapeId];
  if (!shape) throw new Error(`the Smithy model has no shape ${shapeId}`);
  return shape as unknown as AstShape;
}

/** Prelude targets (smithy.api#String, ...) have no entry in the AST and carry no traits. */
function targetShape(ast: SmithyAst, shapeId: string): AstShape | undefined {
  return ast.shapes[shapeId] as unknown as AstShape | undefined;
}

function lengthTrait(traits: Traits, bound: 'min' | 'max'): number | null {
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  return length?.[bound] ?? null;
}

function describeMember(ast: SmithyAst, member: AstMember): MemberDescription {
  const target = targetShape(ast, member.target);
  // Constraint traits may sit on the member or on its target; the member's win.
  const traits: Traits = { ...(target?.traits ?? {}), ...(member.traits ?? {}) };
  let enumValues: string[] | null = null;
  if (target?.type === 'enum') {
    enumValues = sortedValues(
      Object.entries(target.members ?? {}).map(([name, value]) => (value.traits?.['smithy.api#enumValue'] as string | undefined) ?? name),
    );
  } else if (traits['smithy.api#enum']) {
    enumValues = sortedValues((traits['smithy.api#enum'] as { value: string }[]).map((entry) => entry.value));
  }
  return {
    target: localName(member.target),
    required: 'smithy.api#required' in traits,
    sensitive: 'smithy.api#sensitive' in traits,
    lengthMin: lengthTrait(traits, 'min'),
    lengthMax: lengthTrait(traits, 'max'),
    pattern: (traits['smithy.api#pattern'] as string | undefined) ?? null,
    enumValues,
  };
}

function describeStructure(ast: SmithyAst, shapeId: string): StructureDescription {
  const shape = shapeOf(ast, shapeId);
  return {
    shape: localName(shapeId),
    members: sortedRecord(Object.entries(shape.members ?? {}).map(([name, member]) => [name, describeMember(ast, member)])),
  };
}

function describeError(ast: SmithyAst, shapeId: string): ErrorDescription {
  const shape = shapeOf(ast, shapeId);
  const fault = shape.traits?.['smithy.api#error'];
  if (fault !== 'client' && fault !== 'server') throw new Error(`${shapeId} is listed as an error but has no @error trait`);
  return {
    fault,
    httpStatus: (shape.traits?.['smithy.api#httpError'] as number | undefined) ?? null,
    members: describeStructure(ast, shapeId).members,
  };
}

/** The service that lists the operation; its auth traits apply when the operation has none. */
function owningService(ast: SmithyAst, operationId: string): AstShape | undefined {
  return Object.values(ast.shapes)
    .map((shape) => shape as unknown as AstShape)
    .find((shape) => shape.type === 'service' && shape.operations?.some((op) => op.target === operationId));
}

function isSigned(ast: SmithyAst, operationId: string, operation: AstShape): boolean {
  const own = operation.traits?.['smithy.api#auth'] as string[] | undefined;
  if (own) return own.includes('aws.auth#sigv4');
  const service = owningService(ast, operationId);
  const serviceAuth = service?.traits?.['smithy.api#auth'] as string[] | undefined;
  if (serviceAuth) return serviceAuth.includes('aws.auth#sigv4');
  return Boolean(service?.traits && 'aws.auth#sigv4' in service.traits);
}

export function describeSmithy(ast: SmithyAst, operationName: string = OPERATION, namespace: string = NAMESPACE): OperationDescription {
  const operationId = `${namespace}#${operationName}`;
  const operation = shapeOf(ast, operationId);
  if (operation.type !== 'operation') throw new Error(`${operationId} is a ${operation.type}, not an operation`);
  if (!operation.input || !operation.output) throw new Error(`${operationId} must have an explicit input and output`);
  return {
    operation: operationName,
    signed: isSigned(ast, operationId, operation),
    input: describeStructure(ast, operation.input.target),
    output: describeStructure(ast, operation.output.target),
    errors: sortedRecord((operation.errors ?? []).map((error) => [localName(error.target), describeError(ast, error.target)])),
  };
}
