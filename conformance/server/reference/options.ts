import { type KeyObject, randomUUID } from 'node:crypto';
import type { ModeledErrorName } from '../../../generated/index.ts';
import { REGION_PATTERN } from '../../protocol/aws-json.ts';
import { assertRs256Key } from './rs256-jwt.ts';
import type { TokenLifetimes } from './token-issuer.ts';

/**
 * How RevokeToken answers a case whose real behaviour nobody has verified: `'succeed'` (a 200
 * that changes nothing beyond what the case implies) or one of the modeled errors.
 * @public
 */
export type UnverifiedOutcome = 'succeed' | { error: ModeledErrorName; message?: string };

/**
 * RevokeToken's answers where Cognito's documentation is silent; the reasons for each
 * default are in decisions/0003-reference-server.md.
 * @public
 */
export interface UnverifiedRevokeTokenBehaviour {
  /** The refresh token was revoked before. Default `'succeed'`: the goal is already met (RFC 7009 §2.2). */
  alreadyRevokedToken?: UnverifiedOutcome;
  /** A well-formed token the server never issued (or garbage that fits the pattern). Default `'succeed'` (RFC 7009 §2.2). */
  unknownToken?: UnverifiedOutcome;
  /**
   * A refresh token issued to a different app client. Default UnauthorizedException: RFC 7009
   * §2.1 refuses such requests, and the token is never revoked on another client's say-so.
   * `'succeed'` answers 200 and still leaves the token alone.
   */
  otherClientsToken?: UnverifiedOutcome;
  /** A ClientId no pool has. Default UnauthorizedException, like OAuth's `invalid_client`. */
  unknownClient?: UnverifiedOutcome;
  /** A ClientSecret sent for a client that has none. Default `'ignore'`: the secret is not checked. */
  secretForPublicClient?: 'ignore' | { error: ModeledErrorName; message?: string };
}

/**
 * The operations the reference server implements.
 * @public
 */
export type OperationName =
  | 'CreateUserPool'
  | 'CreateUserPoolClient'
  | 'AdminCreateUser'
  | 'AdminSetUserPassword'
  | 'InitiateAuth'
  | 'AdminInitiateAuth'
  | 'GetUser'
  | 'GlobalSignOut'
  | 'GetTokensFromRefreshToken'
  | 'RevokeToken';

/**
 * An error to answer with instead of running the operation, for cases no request can
 * provoke on its own (a WAF block, throttling, an outage).
 * @public
 */
export interface InjectedFault {
  error: string;
  message: string;
  /** Defaults to the status the server uses for `error`. */
  status?: number;
}

/** @public */
export interface ReferenceServiceOptions {
  /** Region used in pool ids and token issuers. Default `us-east-1`. */
  region?: string;
  /** Account id used in pool ARNs. Default `123456789012`. */
  accountId?: string;
  /** The clock, in epoch milliseconds. Default `Date.now`; inject one to test expiry without waiting. */
  now?: () => number;
  /** Request ids for `x-amzn-RequestId`. Default random UUIDs. */
  requestId?: () => string;
  /**
   * RSA private key (at least 2048 bits) that signs access and ID tokens with RS256, as Cognito
   * does. Default: one key per process, made when the first service is created. Either way each instance has its own
   * key id, accepts only its own tokens, and serves its public key at
   * `/<user pool id>/.well-known/jwks.json`.
   */
  signingKey?: KeyObject;
  /** Token lifetimes in seconds. Defaults: access and ID 3600, refresh 30 days (Cognito's defaults). */
  tokenLifetimes?: Partial<TokenLifetimes>;
  /** The error for a body that cannot be deserialised. Default `SerializationException`. */
  malformedBodyError?: 'SerializationException' | 'InvalidParameterException';
  /** RevokeToken's answers in cases the real service's behaviour is unverified. */
  revokeToken?: UnverifiedRevokeTokenBehaviour;
  /** Called after a request is claimed and before its body is read; return a fault to answer with it. */
  fault?: (operation: OperationName, request: Request) => InjectedFault | undefined;
}

/** @internal */
export interface ResolvedOptions {
  region: string;
  accountId: string;
  now: () => number;
  requestId: () => string;
  signingKey: KeyObject | undefined;
  tokenLifetimes: TokenLifetimes;
  malformedBodyError: 'SerializationException' | 'InvalidParameterException';
  revokeToken: Required<UnverifiedRevokeTokenBehaviour>;
  fault: ((operation: OperationName, request: Request) => InjectedFault | undefined) | undefined;
}

/** @internal */
export const DEFAULT_UNVERIFIED_BEHAVIOUR: Readonly<Required<UnverifiedRevokeTokenBehaviour>> = {
  alreadyRevokedToken: 'succeed',
  unknownToken: 'succeed',
  otherClientsToken: { error: 'UnauthorizedException' },
  unknownClient: { error: 'UnauthorizedException' },
  secretForPublicClient: 'ignore',
};

/** @internal */
export function resolveOptions(options: ReferenceServiceOptions): ResolvedOptions {
  const region = options.region ?? 'us-east-1';
  if (!REGION_PATTERN.test(region)) throw new RangeError(`not a region name: ${region}`);
  const lifetimes: TokenLifetimes = {
    accessSeconds: options.tokenLifetimes?.accessSeconds ?? 3600,
    idSeconds: options.tokenLifetimes?.idSeconds ?? 3600,
    refreshSeconds: options.tokenLifetimes?.refreshSeconds ?? 30 * 24 * 3600,
  };
  if (options.signingKey) assertRs256Key(options.signingKey);
  for (const [name, seconds] of Object.entries(lifetimes)) {
    if (!Number.isInteger(seconds) || seconds <= 0) throw new RangeError(`tokenLifetimes.${name} must be a positive integer`);
  }
  return {
    region,
    accountId: options.accountId ?? '123456789012',
    now: options.now ?? Date.now,
    requestId: options.requestId ?? randomUUID,
    signingKey: options.signingKey,
    tokenLifetimes: lifetimes,
    malformedBodyError: options.malformedBodyError ?? 'SerializationException',
    revokeToken: { ...DEFAULT_UNVERIFIED_BEHAVIOUR, ...definedOnly(options.revokeToken ?? {}) },
    fault: options.fault,
  };
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
