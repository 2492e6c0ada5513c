import type { RevokeTokenInput } from '../adapters/contract.ts';

/** Members the model marks @sensitive: never shown in any output unless the user opts out. */
export const SENSITIVE_MEMBERS = ['Token', 'ClientId', 'ClientSecret'] as const;
export const REDACTED = '[redacted]';

/**
 * Returns a function that removes the case's sensitive values from a text. A quoted value
 * ("...") is always replaced; a bare one only when it is long enough not to match ordinary
 * words (a one-letter ClientId must not blank out every "a" in a message).
 */
export function redactorFor(params: RevokeTokenInput, enabled = true): (text: string) => string {
  if (!enabled) return (text) => text;
  const values = SENSITIVE_MEMBERS.map((m) => params[m]).filter((v): v is string => typeof v === 'string' && v !== '');
  values.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const value of values) {
      out = out.split(JSON.stringify(value)).join(JSON.stringify(REDACTED));
      if (value.length >= 6) out = out.split(value).join(REDACTED);
    }
    return out;
  };
}

/** The params with sensitive members replaced, for structured reports. */
export function redactParams(params: RevokeTokenInput, enabled = true): Record<string, unknown> {
  if (!enabled) return { ...params };
  const out: Record<string, unknown> = { ...params };
  for (const member of SENSITIVE_MEMBERS) if (typeof out[member] === 'string') out[member] = REDACTED;
  return out;
}
