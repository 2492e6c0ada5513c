import fc from 'fast-check';
import { requestBreakingOneConstraint, validRequest } from '../../conformance/model/arbitraries.ts';

const TOKEN = /^[A-Za-z0-9-_=.]+$/;
const WORD = /^[\w+]+$/;
const length = (s: string) => [...s].length;

/**
 * The fastest honest check of a RevokeTokenRequest one could write by hand: the lower bound
 * the generated validator is measured against (it stops at the first problem and names none).
 */
export function handWrittenRequestCheck(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (key !== 'Token' && key !== 'ClientId' && key !== 'ClientSecret' && key !== 'RevokeAssociatedSessions') return false;
  if (typeof v.Token !== 'string' || !TOKEN.test(v.Token)) return false;
  if (typeof v.ClientId !== 'string' || length(v.ClientId) < 1 || length(v.ClientId) > 128 || !WORD.test(v.ClientId)) return false;
  if (
    v.ClientSecret !== undefined &&
    (typeof v.ClientSecret !== 'string' || length(v.ClientSecret) < 24 || length(v.ClientSecret) > 64 || !WORD.test(v.ClientSecret))
  )
    return false;
  if (v.RevokeAssociatedSessions !== undefined && v.RevokeAssociatedSessions !== 'NONE' && v.RevokeAssociatedSessions !== 'LINKED') return false;
  return true;
}

/** A fixed mix of valid and single-constraint-breaking requests from the model's generators. */
export function requestSamples(): unknown[] {
  const valid = fc.sample(validRequest({ maxUnboundedLength: 2048 }), { seed: 1, numRuns: 200 });
  const broken = fc.sample(requestBreakingOneConstraint({ maxUnboundedLength: 2048 }), { seed: 2, numRuns: 200 }).map((b) => b.value);
  return [...valid, ...broken];
}
