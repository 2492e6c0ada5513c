import { type ModeledErrorName, modeledErrors, validateRevokeTokenRequest } from '../../generated/index.ts';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

// The matcher context vitest passes as `this`; only `isNot` is read.
interface MatcherContext {
  isNot: boolean;
}

const MODELED_NAMES: readonly string[] = modeledErrors.map((e) => e.name);

/** A body as a client sends it: an object, or the JSON text of one. */
function parseBody(received: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (typeof received !== 'string') return { ok: true, value: received };
  try {
    return { ok: true, value: JSON.parse(received) };
  } catch {
    // Never quote the text: it may hold a token.
    return { ok: false, problem: `(root): not JSON (${received.length} characters)` };
  }
}

/** The name a client decoded: an error's `name`, or the name itself. */
function decodedName(received: unknown): string | undefined {
  if (typeof received === 'string') return received;
  if (received !== null && typeof received === 'object' && typeof (received as { name?: unknown }).name === 'string')
    return (received as { name: string }).name;
  return undefined;
}

/**
 * The contract's matchers for `expect.extend` (importing `revoketoken-conformance/vitest`
 * registers them already).
 * @public
 */
export const revokeTokenMatchers = {
  /** The body (an object or its JSON text) is a valid RevokeTokenRequest; a failure names each member and the constraint it breaks. */
  toMatchRevokeTokenRequest(this: MatcherContext, received: unknown): MatcherResult {
    const parsed = parseBody(received);
    if (!parsed.ok) return { pass: false, message: () => `expected a RevokeTokenRequest body, but it is not one:\n  ${parsed.problem}` };
    const validation = validateRevokeTokenRequest(parsed.value);
    if (validation.ok) return { pass: true, message: () => 'expected a body that is not a valid RevokeTokenRequest, but it is valid' };
    const issues = validation.issues.map((i) => `  ${i.message} (member ${i.member}, constraint ${i.constraint})`);
    return { pass: false, message: () => `expected a valid RevokeTokenRequest body (RevokeTokenRequest.schema.json), but:\n${issues.join('\n')}` };
  },

  /**
   * The error (or its name) is one of RevokeToken's modeled errors, as a client must decode it:
   * `name` is the bare shape name. With `expected`, it must be that one.
   */
  toBeModeledRevokeTokenError(this: MatcherContext, received: unknown, expected?: ModeledErrorName): MatcherResult {
    if (expected !== undefined && !MODELED_NAMES.includes(expected)) {
      throw new TypeError(`toBeModeledRevokeTokenError(${JSON.stringify(expected)}): not a modeled error of RevokeToken (${MODELED_NAMES.join(', ')})`);
    }
    const name = decodedName(received);
    const modeled = name !== undefined && MODELED_NAMES.includes(name);
    const pass = modeled && (expected === undefined || name === expected);
    const wanted = expected ?? `one of ${MODELED_NAMES.join(', ')}`;
    const message = () => {
      if (this.isNot) return `expected an error other than ${wanted}, got ${name}`;
      if (name === undefined) return `expected an error named ${wanted}, got ${received === null ? 'null' : typeof received} without a name`;
      if (!modeled) return `expected an error named ${wanted}, got ${name}, which is not a modeled error of RevokeToken (${MODELED_NAMES.join(', ')})`;
      return `expected an error named ${wanted}, got ${name}`;
    };
    return { pass, message };
  },
};

/** What the matchers add to vitest's `expect(...)`. @public */
export interface RevokeTokenMatchers<R = void> {
  /** The body (an object or its JSON text) is a valid RevokeTokenRequest; a failure names each member and constraint. */
  toMatchRevokeTokenRequest(): R;
  /** The error's decoded name is a modeled error of RevokeToken (`expected`: that one). */
  toBeModeledRevokeTokenError(expected?: ModeledErrorName): R;
}
