const _CI = "ClientId";
const _CIT = "ClientIdType";
const _CS = "ClientSecret";
const _CST = "ClientSecretType";
const _FE = "ForbiddenException";
const _IEE = "InternalErrorException";
const _IPE = "InvalidParameterException";
const _ONEE = "OperationNotEnabledException";
const _RAS = "RevokeAssociatedSessions";
const _RT = "RevokeToken";
const _RTR = "RevokeTokenRequest";
const _RTRe = "RevokeTokenResponse";
const _T = "Token";
const _TMRE = "TooManyRequestsException";
const _TMT = "TokenModelType";
const _UE = "UnauthorizedException";
const _UOE = "UnsupportedOperationException";
const _UTTE = "UnsupportedTokenTypeException";
const _c = "client";
const _e = "error";
const _hE = "httpError";
const _m = "message";
const _rC = "reasonCode";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.cognitoidentityprovider";
const _se = "server";
const n0 = "com.amazonaws.cognitoidentityprovider";

// smithy-typescript generated code
import { TypeRegistry } from "@smithy/core/schema";
import type {
  StaticErrorSchema,
  StaticOperationSchema,
  StaticSimpleSchema,
  StaticStructureSchema,
} from "@smithy/types";

import { CognitoIdentityProviderServiceException } from "../models/CognitoIdentityProviderServiceException.ts";
import {
  ForbiddenException,
  InternalErrorException,
  InvalidParameterException,
  OperationNotEnabledException,
  TooManyRequestsException,
  UnauthorizedException,
  UnsupportedOperationException,
  UnsupportedTokenTypeException,
} from "../models/errors.ts";

/* eslint no-var: 0 */
const _s_registry = TypeRegistry.for(_s);
export var CognitoIdentityProviderServiceException$: StaticErrorSchema = [-3, _s, "CognitoIdentityProviderServiceException", 0, [], []];
_s_registry.registerError(CognitoIdentityProviderServiceException$, CognitoIdentityProviderServiceException);
const n0_registry = TypeRegistry.for(n0);
export var ForbiddenException$: StaticErrorSchema = [-3, n0, _FE,
  { [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(ForbiddenException$, ForbiddenException);
export var InternalErrorException$: StaticErrorSchema = [-3, n0, _IEE,
  { [_e]: _se },
  [_m],
  [0]
];
n0_registry.registerError(InternalErrorException$, InternalErrorException);
export var InvalidParameterException$: StaticErrorSchema = [-3, n0, _IPE,
  { [_e]: _c, [_hE]: 400 },
  [_m, _rC],
  [0, 0]
];
n0_registry.registerError(InvalidParameterException$, InvalidParameterException);
export var OperationNotEnabledException$: StaticErrorSchema = [-3, n0, _ONEE,
  { [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(OperationNotEnabledException$, OperationNotEnabledException);
export var TooManyRequestsException$: StaticErrorSchema = [-3, n0, _TMRE,
  { [_e]: _c, [_hE]: 429 },
  [_m],
  [0]
];
n0_registry.registerError(TooManyRequestsException$, TooManyRequestsException);
export var UnauthorizedException$: StaticErrorSchema = [-3, n0, _UE,
  { [_e]: _c, [_hE]: 401 },
  [_m],
  [0]
];
n0_registry.registerError(UnauthorizedException$, UnauthorizedException);
export var UnsupportedOperationException$: StaticErrorSchema = [-3, n0, _UOE,
  { [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnsupportedOperationException$, UnsupportedOperationException);
export var UnsupportedTokenTypeException$: StaticErrorSchema = [-3, n0, _UTTE,
  { [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnsupportedTokenTypeException$, UnsupportedTokenTypeException);
/**
 * TypeRegistry instances containing modeled errors.
 * @internal
 *
 */
export const errorTypeRegistries = [
  _s_registry,
  n0_registry,
]
var ClientIdType: StaticSimpleSchema = [0, n0, _CIT, 8, 0];
var ClientSecretType: StaticSimpleSchema = [0, n0, _CST, 8, 0];
var TokenModelType: StaticSimpleSchema = [0, n0, _TMT, 8, 0];
export var RevokeTokenRequest$: StaticStructureSchema = [3, n0, _RTR,
  0,
  [_T, _CI, _CS, _RAS],
  [[() => TokenModelType, 0], [() => ClientIdType, 0], [() => ClientSecretType, 0], 0], 2
];
export var RevokeTokenResponse$: StaticStructureSchema = [3, n0, _RTRe,
  0,
  [],
  []
];
export var RevokeToken$: StaticOperationSchema = [9, n0, _RT,
  0, () => RevokeTokenRequest$, () => RevokeTokenResponse$
];
