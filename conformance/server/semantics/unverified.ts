import type { ModeledErrorName } from '../../../generated/index.ts';
import { DECLARED_ERRORS } from '../checks/declared-errors.ts';

/**
 * What a run expects where the real service's behaviour is unverified: success, one of
 * RevokeToken's modeled errors, or `'any'` (just record what happened).
 * @public
 */
export type UnverifiedExpectation = 'succeed' | 'any' | { error: ModeledErrorName };

/**
 * The three RevokeToken cases nobody has observed on the real service. Each is judged
 * against the configured outcome and reported as informational, never as a failure.
 * @public
 */
export interface UnverifiedExpectations {
  /** Revoking a refresh token that was already revoked. */
  alreadyRevokedToken?: UnverifiedExpectation;
  /** A well-formed token the server never issued. */
  unknownToken?: UnverifiedExpectation;
  /** A refresh token issued to another app client of the same pool. */
  otherClientsToken?: UnverifiedExpectation;
}

/** @internal */
export type ResolvedUnverified = Readonly<Required<UnverifiedExpectations>>;

/**
 * The reference server's choices (decisions/0003-reference-server.md), so that a run against
 * it shows no differences: RFC 7009's success for a token that is already invalid, and
 * UnauthorizedException for another client's token.
 * @internal
 */
export const DEFAULT_UNVERIFIED: ResolvedUnverified = {
  alreadyRevokedToken: 'succeed',
  unknownToken: 'succeed',
  otherClientsToken: { error: 'UnauthorizedException' },
};

/** @internal */
export function resolveUnverified(given: UnverifiedExpectations = {}): ResolvedUnverified {
  const resolved = { ...DEFAULT_UNVERIFIED };
  for (const key of Object.keys(DEFAULT_UNVERIFIED) as Array<keyof UnverifiedExpectations>) {
    const value = given[key];
    if (value === undefined) continue;
    if (value !== 'succeed' && value !== 'any' && !(typeof value === 'object' && DECLARED_ERRORS.has(value.error))) {
      throw new RangeError(`unverified.${key}: expected 'succeed', 'any' or { error: <an error RevokeToken declares> }`);
    }
    resolved[key] = value;
  }
  return resolved;
}

/**
 * Parses `succeed`, `any` or an error name, as the CLI takes them.
 * @internal
 */
export function parseUnverifiedExpectation(text: string): UnverifiedExpectation {
  if (text === 'succeed' || text === 'any') return text;
  if (DECLARED_ERRORS.has(text)) return { error: text as ModeledErrorName };
  throw new RangeError(`${JSON.stringify(text)}: expected succeed, any, or one of ${[...DECLARED_ERRORS.keys()].join(', ')}`);
}

/** @internal */
export function describeExpectation(expectation: UnverifiedExpectation): string {
  if (expectation === 'succeed') return 'success';
  if (expectation === 'any') return 'any outcome';
  return expectation.error;
}

/** True when an observed outcome (a status and the decoded error) is what was configured. @internal */
export function agreesWith(expectation: UnverifiedExpectation, status: number, error: string | undefined): boolean {
  if (expectation === 'any') return true;
  if (expectation === 'succeed') return status >= 200 && status < 300;
  return status >= 400 && error === expectation.error;
}
