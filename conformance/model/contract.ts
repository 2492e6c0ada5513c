import model from '../../generated/model.json' with { type: 'json' };

/**
 * The slice of a Smithy JSON AST this module reads.
 * @internal
 */
export interface SmithyModel {
  shapes: Record<string, { type: string; [key: string]: unknown }>;
}

type Traits = Record<string, unknown>;
interface AstMember {
  target: string;
  traits?: Traits;
}

/**
 * One member of a structure with the constraints that apply to its value: the target shape's
 * traits with the member's own on top.
 * @internal
 */
export interface MemberContract {
  readonly name: string;
  /** Absolute ID of the target shape, e.g. `com.amazonaws.cognitoidentityprovider#ClientIdType`. */
  readonly target: string;
  /** The Smithy type of the target: `string`, `enum`, `integer`, `structure`... */
  readonly type: string;
  readonly required: boolean;
  /** Smithy `sensitive`: the value must never show up in logs or reports. */
  readonly sensitive: boolean;
  readonly documentation?: string;
  /** Smithy `length`, in Unicode code points for strings. */
  readonly length?: { readonly min?: number; readonly max?: number };
  /** Smithy `pattern`: an ECMA-262 regular expression, matched unanchored unless it anchors itself. */
  readonly pattern?: string;
  /** The values of an enum shape, in model order. */
  readonly enumValues?: readonly string[];
}

/**
 * An error the operation declares.
 * @internal
 */
export interface ErrorContract {
  /** The bare shape name: what `__type` carries on the wire. */
  readonly name: string;
  readonly shapeId: string;
  readonly fault: 'client' | 'server';
  /** `httpError`, or Smithy's default for the fault (400 client, 500 server). */
  readonly status: number;
  readonly members: readonly MemberContract[];
}

/**
 * What the harness needs to know about one operation, read from the model.
 * @internal
 */
export interface OperationContract {
  /** Shape name of the service, the first half of X-Amz-Target. */
  readonly service: string;
  readonly operation: string;
  /** The X-Amz-Target header value: `<service>.<operation>`. */
  readonly target: string;
  /** The protocol trait on the service, e.g. `aws.protocols#awsJson1_1`. */
  readonly protocol: string;
  /** The Content-Type of requests and responses under that protocol. */
  readonly contentType: string;
  /**
   * The auth schemes the operation resolves to: its own `auth` trait if it has one, else the
   * service's. An empty list means the request goes unsigned.
   */
  readonly authSchemes: readonly string[];
  /** Smithy `optionalAuth`: callers may leave authentication out. */
  readonly optionalAuth: boolean;
  readonly input: { readonly shape: string; readonly members: readonly MemberContract[] };
  readonly output: { readonly shape: string; readonly members: readonly MemberContract[] };
  /** In model order. */
  readonly errors: readonly ErrorContract[];
  /** Names of the sensitive members of the input, output and errors, without repeats. */
  readonly sensitiveMembers: readonly string[];
}

const JSON_PROTOCOLS: Record<string, string> = {
  'aws.protocols#awsJson1_0': 'application/x-amz-json-1.0',
  'aws.protocols#awsJson1_1': 'application/x-amz-json-1.1',
};
const AUTH_TRAITS = [
  'aws.auth#sigv4',
  'aws.auth#sigv4a',
  'smithy.api#httpBasicAuth',
  'smithy.api#httpDigestAuth',
  'smithy.api#httpBearerAuth',
  'smithy.api#httpApiKeyAuth',
];

const nameOf = (id: string) => id.slice(id.indexOf('#') + 1);

// Prelude shapes (smithy.api#String, smithy.api#PrimitiveInteger...) are not in the AST; their
// names give their types.
function preludeShape(id: string): { type: string; [key: string]: unknown } {
  if (!id.startsWith('smithy.api#')) throw new Error(`shape ${id} is referenced but not in the model`);
  const base = nameOf(id).replace(/^Primitive/, '');
  return { type: base.charAt(0).toLowerCase() + base.slice(1) };
}

function readMembers(ast: SmithyModel, structureId: string): MemberContract[] {
  const structure = ast.shapes[structureId];
  if (structure?.type !== 'structure') throw new Error(`${structureId} is not a structure in the model`);
  return Object.entries((structure.members ?? {}) as Record<string, AstMember>).map(([name, member]) => {
    const target = ast.shapes[member.target] ?? preludeShape(member.target);
    const traits: Traits = { ...((target.traits ?? {}) as Traits), ...(member.traits ?? {}) };
    const documentation = member.traits?.['smithy.api#documentation'] ?? (target.traits as Traits | undefined)?.['smithy.api#documentation'];
    const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
    const pattern = traits['smithy.api#pattern'];
    const enumValues =
      target.type === 'enum'
        ? Object.entries((target.members ?? {}) as Record<string, AstMember>).map(([key, m]) => String(m.traits?.['smithy.api#enumValue'] ?? key))
        : (traits['smithy.api#enum'] as Array<{ value: string }> | undefined)?.map((e) => e.value);
    return {
      name,
      target: member.target,
      type: target.type,
      required: 'smithy.api#required' in traits,
      sensitive: 'smithy.api#sensitive' in traits,
      ...(typeof documentation === 'string' ? { documentation } : {}),
      ...(length ? { length: { ...(length.min !== undefined ? { min: length.min } : {}), ...(length.max !== undefined ? { max: length.max } : {}) } } : {}),
      ...(typeof pattern === 'string' ? { pattern } : {}),
      ...(enumValues ? { enumValues } : {}),
    };
  });
}

/**
 * Reads one operation's contract out of a Smithy JSON AST. Throws when the model does not say
 * something the harness relies on (a service binding the operation, an awsJson protocol).
 * @internal
 */
export function readOperationContract(ast: SmithyModel, operation: string): OperationContract {
  const entries = Object.entries(ast.shapes);
  const [operationId, op] = entries.find(([id, s]) => s.type === 'operation' && nameOf(id) === operation) ?? [];
  if (!operationId || !op) throw new Error(`no operation named ${operation} in the model`);
  const [serviceId, service] =
    entries.find(([, s]) => s.type === 'service' && ((s.operations ?? []) as AstMember[]).some((o) => o.target === operationId)) ?? [];
  if (!serviceId || !service) throw new Error(`no service binds ${operationId}`);
  const serviceTraits = (service.traits ?? {}) as Traits;
  const operationTraits = (op.traits ?? {}) as Traits;
  const protocol = Object.keys(JSON_PROTOCOLS).find((p) => p in serviceTraits);
  if (!protocol) throw new Error(`${serviceId} speaks none of ${Object.keys(JSON_PROTOCOLS).join(', ')}`);
  const authSchemes = Array.isArray(operationTraits['smithy.api#auth'])
    ? (operationTraits['smithy.api#auth'] as string[])
    : Array.isArray(serviceTraits['smithy.api#auth'])
      ? (serviceTraits['smithy.api#auth'] as string[])
      : AUTH_TRAITS.filter((t) => t in serviceTraits);
  const inputId = (op.input as AstMember | undefined)?.target ?? 'smithy.api#Unit';
  const outputId = (op.output as AstMember | undefined)?.target ?? 'smithy.api#Unit';
  const structureOf = (id: string) => (id === 'smithy.api#Unit' ? { shape: 'Unit', members: [] } : { shape: nameOf(id), members: readMembers(ast, id) });
  const errors: ErrorContract[] = ((op.errors ?? []) as AstMember[]).map(({ target }) => {
    const traits = (ast.shapes[target]?.traits ?? {}) as Traits;
    const fault = traits['smithy.api#error'];
    if (fault !== 'client' && fault !== 'server') throw new Error(`${target} has no error trait`);
    const status = typeof traits['smithy.api#httpError'] === 'number' ? traits['smithy.api#httpError'] : fault === 'client' ? 400 : 500;
    return { name: nameOf(target), shapeId: target, fault, status, members: readMembers(ast, target) };
  });
  const input = structureOf(inputId);
  const output = structureOf(outputId);
  const everyMember = [...input.members, ...output.members, ...errors.flatMap((e) => e.members)];
  return {
    service: nameOf(serviceId),
    operation: nameOf(operationId),
    target: `${nameOf(serviceId)}.${nameOf(operationId)}`,
    protocol,
    contentType: JSON_PROTOCOLS[protocol]!,
    authSchemes,
    optionalAuth: 'smithy.api#optionalAuth' in operationTraits,
    input,
    output,
    errors,
    sensitiveMembers: [...new Set(everyMember.filter((m) => m.sensitive).map((m) => m.name))],
  };
}

/**
 * RevokeToken as generated/model.json defines it.
 * @internal
 */
export const revokeToken: OperationContract = readOperationContract(model as unknown as SmithyModel, 'RevokeToken');
