// The model-derived generators the properties draw from, behind one file so the properties
// do not depend on how conformance/model lays the contract out.
import type fc from 'fast-check';
import type { AdapterCapabilities, RevokeTokenInput } from '../adapters/contract.ts';
import { callerRequest as modelCallerRequest, validRequest as modelValidRequest } from '../model/arbitraries.ts';
import { type ErrorContract, revokeToken } from '../model/contract.ts';

/** The operation's modeled errors, with the status and fault the model gives each. */
export const MODEL_ERRORS: readonly ErrorContract[] = revokeToken.errors;

/**
 * Valid RevokeToken inputs from the model's constraints (every pattern character, lengths up
 * to 16 KB for Token, optional members present or absent), limited to the members the adapter
 * can send: a case it cannot express would only be "not applicable".
 */
export function validRequest(capabilities: Pick<Required<AdapterCapabilities>, 'clientSecret' | 'revokeAssociatedSessions'>): fc.Arbitrary<RevokeTokenInput> {
  return withinCapabilities(modelValidRequest(), capabilities);
}

/**
 * Inputs as a caller in any language can pass them: valid ones whose strings carry surrounding
 * whitespace, U+0000 and other controls, lone surrogates, characters outside the BMP (Token
 * always), limited as {@link validRequest} is to what the adapter can send.
 */
export function callerRequest(capabilities: Pick<Required<AdapterCapabilities>, 'clientSecret' | 'revokeAssociatedSessions'>): fc.Arbitrary<RevokeTokenInput> {
  return withinCapabilities(modelCallerRequest(), capabilities);
}

function withinCapabilities(
  requests: ReturnType<typeof modelValidRequest>,
  capabilities: Pick<Required<AdapterCapabilities>, 'clientSecret' | 'revokeAssociatedSessions'>,
): fc.Arbitrary<RevokeTokenInput> {
  return requests.map((request) => {
    const input: RevokeTokenInput = { ...request };
    if (!capabilities.clientSecret) delete input.ClientSecret;
    if (!capabilities.revokeAssociatedSessions) delete input.RevokeAssociatedSessions;
    return input;
  });
}
