// What the "what a resource server sees" lane reports: one line per step, in plain words,
// never a token, client id or secret (the verifier's own messages quote claims, so only its
// error's name is kept).

/** Who judged the access or ID token at a step. */
export type Judge = 'user-pool API' | 'JWT verifier';

export interface Observation {
  /** Stable id, used by the committed summary. */
  id: string;
  judge: Judge;
  /** The step, in plain words. */
  step: string;
  seen: 'accepted' | 'refused';
  /** The error's name, or what was checked when the token was accepted. */
  detail: string;
}

/** The JSON the lane writes (main.ts --report). */
export interface ResourceServerReport {
  format: 1;
  /** The verifier and its version, e.g. `aws-jwt-verify 5.2.1`. */
  verifier: string;
  /** The server that issued and revoked the tokens. */
  server: string;
  observations: Observation[];
}

/** The ids, in the order the lane takes the steps. */
export const OBSERVATION_IDS = [
  'api-before-revoke',
  'verifier-before-revoke',
  'revoke-token',
  'api-after-revoke',
  'verifier-after-revoke',
  'verifier-id-token-after-revoke',
  'verifier-edited-token',
] as const;
