import { optional, pattern, required, structure, type Shape, type StringShape, type StructureShape } from './shape.ts';

// Target shapes, with the constraint traits of Cognito's 2016-04-18 model. Members the
// reference server does not act on are left out: they are then ignored like any unknown member.

const clientId: StringShape = { type: 'string', min: 1, max: 128, pattern: pattern('[\\w+]+'), sensitive: true };
/** The project's model (model/revoke-token.smithy) has the newer minimum of 24. */
const clientSecret: StringShape = { type: 'string', min: 24, max: 64, pattern: pattern('[\\w+]+'), sensitive: true };
const token: StringShape = { type: 'string', pattern: pattern('[A-Za-z0-9-_=.]+'), sensitive: true };
const userPoolId: StringShape = { type: 'string', min: 1, max: 55, pattern: pattern('[\\w-]+_[0-9a-zA-Z]+') };
const poolOrClientName: StringShape = { type: 'string', min: 1, max: 128, pattern: pattern('[\\w\\s+=,.@-]+') };
const username: StringShape = { type: 'string', min: 1, max: 128, pattern: pattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'), sensitive: true };
const password: StringShape = { type: 'string', max: 256, pattern: pattern('[\\S]+'), sensitive: true };
const plainString: StringShape = { type: 'string', min: 0, max: 131_072 };
const boolean: Shape = { type: 'boolean' };

const attribute = structure({
  Name: required({ type: 'string', min: 1, max: 32, pattern: pattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+') }),
  Value: optional({ type: 'string', max: 2048, sensitive: true }),
});

const explicitAuthFlow: StringShape = {
  type: 'string',
  enum: [
    'ADMIN_NO_SRP_AUTH',
    'CUSTOM_AUTH_FLOW_ONLY',
    'USER_PASSWORD_AUTH',
    'ALLOW_ADMIN_USER_PASSWORD_AUTH',
    'ALLOW_CUSTOM_AUTH',
    'ALLOW_USER_PASSWORD_AUTH',
    'ALLOW_USER_SRP_AUTH',
    'ALLOW_REFRESH_TOKEN_AUTH',
    'ALLOW_USER_AUTH',
  ],
};

/** @internal */
export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

const passwordPolicy = structure({
  MinimumLength: optional({ type: 'integer', min: 6, max: 99 }),
  RequireUppercase: optional(boolean),
  RequireLowercase: optional(boolean),
  RequireNumbers: optional(boolean),
  RequireSymbols: optional(boolean),
  TemporaryPasswordValidityDays: optional({ type: 'integer', min: 0, max: 365 }),
});

/** @internal */
export const CreateUserPoolInput: StructureShape = structure({
  PoolName: required(poolOrClientName),
  Policies: optional(structure({ PasswordPolicy: optional(passwordPolicy) })),
});

/** @internal */
export const CreateUserPoolClientInput: StructureShape = structure({
  UserPoolId: required(userPoolId),
  ClientName: required(poolOrClientName),
  GenerateSecret: optional(boolean),
  ClientSecret: optional(clientSecret),
  ExplicitAuthFlows: optional({ type: 'list', member: explicitAuthFlow }),
  PreventUserExistenceErrors: optional({ type: 'string', enum: ['LEGACY', 'ENABLED'] }),
  EnableTokenRevocation: optional(boolean),
  RefreshTokenRotation: optional(
    structure({
      Feature: required({ type: 'string', enum: ['ENABLED', 'DISABLED'] }),
      RetryGracePeriodSeconds: optional({ type: 'integer', min: 0, max: 60 }),
    }),
  ),
});

/** @internal */
export const AdminCreateUserInput: StructureShape = structure({
  UserPoolId: required(userPoolId),
  Username: required(username),
  UserAttributes: optional({ type: 'list', member: attribute }),
  TemporaryPassword: optional(password),
  MessageAction: optional({ type: 'string', enum: ['RESEND', 'SUPPRESS'] }),
  DesiredDeliveryMediums: optional({ type: 'list', member: { type: 'string', enum: ['SMS', 'EMAIL'] } }),
  ClientMetadata: optional({ type: 'map', value: plainString }),
});

/** @internal */
export const AdminSetUserPasswordInput: StructureShape = structure({
  UserPoolId: required(userPoolId),
  Username: required(username),
  Password: required(password),
  Permanent: optional(boolean),
});

/** @internal */
export const InitiateAuthInput: StructureShape = structure({
  AuthFlow: required({ type: 'string', enum: AUTH_FLOWS }),
  AuthParameters: optional({ type: 'map', value: plainString, sensitive: true }),
  ClientMetadata: optional({ type: 'map', value: plainString }),
  ClientId: required(clientId),
  Session: optional({ type: 'string', min: 20, max: 2048, sensitive: true }),
});

/** @internal */
export const AdminInitiateAuthInput: StructureShape = structure({
  UserPoolId: required(userPoolId),
  ClientId: required(clientId),
  AuthFlow: required({ type: 'string', enum: AUTH_FLOWS }),
  AuthParameters: optional({ type: 'map', value: plainString, sensitive: true }),
  ClientMetadata: optional({ type: 'map', value: plainString }),
});

/** @internal */
export const GetUserInput: StructureShape = structure({
  AccessToken: required(token),
});

/** @internal */
export const GlobalSignOutInput: StructureShape = structure({
  AccessToken: required(token),
});

/** @internal */
export const GetTokensFromRefreshTokenInput: StructureShape = structure({
  RefreshToken: required(token),
  ClientId: required(clientId),
  ClientSecret: optional(clientSecret),
  ClientMetadata: optional({ type: 'map', value: plainString }),
  DeviceKey: optional({ type: 'string', min: 1, max: 55 }),
});

/** @internal */
export const RevokeTokenInput: StructureShape = structure({
  Token: required(token),
  ClientId: required(clientId),
  ClientSecret: optional(clientSecret),
  RevokeAssociatedSessions: optional({ type: 'string', enum: ['LINKED', 'NONE'] }),
});
