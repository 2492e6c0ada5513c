// The model-derived generators the properties draw from, behind one file so the properties
// do not depend on how conformance/model lays the contract out.
import type fc from 'fast-check';
import type { AdapterCapabilities, RevokeTokenInput } from '../adapters/contract.ts';
import { validRequest as modelValidRequest } from '../model/arbitraries.ts';
import { type ErrorContract, revokeToken } from '../model/contract.ts';

/** The operation's modeled errors, with the status and fault the model gives each. */
export const MODEL_ERRORS: readonly ErrorContract[] = revokeToken.errors;

/**
 * Valid RevokeToken inputs from the model's constraints (every pattern character, lengths up
 * to 16 KB for Token, optional members present or absent), limited to the members the adapter
 * can send: a case it cannot express would only be "not applicable".
 */
export function validRequest(capabilities: Pick<Required<AdapterCapabilities>, 'clientSecret' | 'revokeAssociatedSessions'>): fc.Arbitrary<RevokeTokenInput> {
  return modelValidRequest().map((request) => {
    const input: RevokeTokenInput = { ...request };
    if (!capabilities.clientSecret) delete input.ClientSecret;
    if (!capabilities.revokeAssociatedSessions) delete input.RevokeAssociatedSessions;
    return input;
  });
}
