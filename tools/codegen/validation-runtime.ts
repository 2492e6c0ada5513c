// Turns the errors of ajv's standalone validators into issues people can read. This file is
// copied as it is into generated/validation.ts (see validators.ts), so it must not import
// anything: the generated package has to work without ajv at run time.

/**
 * The constraint a value broke: the JSON Schema keyword that failed. The common ones are
 * listed; any other keyword of the schema can appear too.
 * @public
 */
export type ValidationConstraint = 'required' | 'type' | 'pattern' | 'minLength' | 'maxLength' | 'enum' | 'additionalProperties' | (string & {});

/**
 * One broken constraint.
 * @public
 */
export interface ValidationIssue {
  /**
   * The member at fault: its name, a dotted path for nested members (`Outer.inner`, `Items[0]`),
   * or `(root)` when the value as a whole is wrong.
   */
  readonly member: string;
  readonly constraint: ValidationConstraint;
  /**
   * `<member>: <what is wrong>`. It never quotes the value: most request members are
   * sensitive, and these messages end up in logs and reports.
   */
  readonly message: string;
}

/**
 * The value with its type narrowed, or every issue found in it.
 * @public
 */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * What an ajv error looks like; declared here so that nothing depends on ajv's types.
 * @internal
 */
export interface CompiledSchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * An ajv standalone validator: true when the value is valid; otherwise `errors` says why.
 * @internal
 */
export interface CompiledSchema {
  (data: unknown): boolean;
  errors?: readonly CompiledSchemaError[] | null;
}

/** Member path from a JSON pointer: `/Outer/inner` → `Outer.inner`, `/Items/0` → `Items[0]`. */
// A member named by ajv's params (a missing or an extra one) is always a property name, even
// when it looks like an index.
function memberPath(pointer: string, child?: unknown): string {
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '';
  for (const segment of segments) path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  if (typeof child === 'string') path += path === '' ? child : `.${child}`;
  return path === '' ? '(root)' : path;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function characters(count: unknown): string {
  return count === 1 ? '1 character' : `${String(count)} characters`;
}

function describe(error: CompiledSchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a member of this shape';
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      return `must be ${types.map((t) => article(String(t))).join(' or ')}`;
    }
    case 'pattern':
      return `must match pattern ${String(params.pattern)}`;
    case 'minLength':
      return `must be at least ${characters(params.limit)} long`;
    case 'maxLength':
      return `must be at most ${characters(params.limit)} long`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'anyOf':
      return 'matches none of the allowed forms';
    default:
      return error.message ?? `breaks ${error.keyword}`;
  }
}

/**
 * One issue per broken constraint, in the order the schema checks them.
 * @internal
 */
export function toIssues(errors: readonly CompiledSchemaError[]): ValidationIssue[] {
  // An anyOf reports each alternative's failure as well as its own; only its own is useful.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const own = errors.filter((e) => !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)));
  // A value of the wrong JSON type fails `enum` and the like as well, which says nothing more.
  const mistyped = new Set(own.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return own
    .filter((e) => e.keyword === 'type' || !mistyped.has(e.instancePath))
    .map((error) => {
      const child =
        error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
      const member = memberPath(error.instancePath, child);
      return { member, constraint: error.keyword, message: `${member}: ${describe(error)}` };
    });
}

/**
 * Runs a compiled schema and packs its verdict.
 * @internal
 */
export function validateWith<T>(compiled: CompiledSchema, value: unknown): ValidationResult<T> {
  if (compiled(value)) return { ok: true, value: value as T };
  return { ok: false, issues: toIssues(compiled.errors ?? []) };
}
