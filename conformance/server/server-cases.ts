import type { ServerCase } from './cases/server-case.ts';
import { AUTH_CASES } from './probes/auth.ts';
import { BODY_CASES } from './probes/body.ts';
import { CONSTRAINT_CASES } from './probes/constraints.ts';
import { EVERY_ANSWER_CASE } from './probes/every-answer.ts';
import { PRIVACY_CASE } from './probes/privacy.ts';
import { ROUTING_CASES } from './probes/routing.ts';
import { MODEL_RUN_CASE } from './semantics/model-run.ts';
import { REFRESH_NEAR_MISSES_CASE, SECRET_NEAR_MISSES_CASE, TOKEN_NEAR_MISSES_CASE } from './semantics/near-misses.ts';
import { SCENARIO_CASES } from './semantics/scenarios.ts';

/**
 * Every case of the server suite, in the order they run: the protocol probes (claiming,
 * reading the body, constraints, authentication, privacy), then the semantics (scripted scenarios,
 * then the model run), and last the judging of every answer the run received.
 * @internal
 */
export const SERVER_CASES: readonly ServerCase[] = [
  ...ROUTING_CASES,
  ...BODY_CASES,
  ...CONSTRAINT_CASES,
  ...AUTH_CASES,
  PRIVACY_CASE,
  ...SCENARIO_CASES,
  SECRET_NEAR_MISSES_CASE,
  TOKEN_NEAR_MISSES_CASE,
  REFRESH_NEAR_MISSES_CASE,
  MODEL_RUN_CASE,
  EVERY_ANSWER_CASE,
];
