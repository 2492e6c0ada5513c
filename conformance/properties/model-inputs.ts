// The model-derived generators the properties draw from. Kept behind this one file so the
// properties do not care how conformance/model exposes the contract.
import fc from 'fast-check';
import model from '../../generated/model.json' with { type: 'json' };
import type { RevokeTokenInput } from '../adapters/contract.ts';

// TEMPORARY until conformance/model lands.
export interface ModelError {
  name: string;
  status: number;
  fault: 'client' | 'server';
}

const shapes = (model as { shapes: Record<string, any> }).shapes;
const NS = 'com.amazonaws.cognitoidentityprovider#';

export const MODEL_ERRORS: readonly ModelError[] = (shapes[`${NS}RevokeToken`].errors as Array<{ target: string }>).map(({ target }) => {
  const traits = shapes[target].traits as Record<string, unknown>;
  const fault = traits['smithy.api#error'] as 'client' | 'server';
  return { name: target.slice(NS.length), status: (traits['smithy.api#httpError'] as number | undefined) ?? (fault === 'server' ? 500 : 400), fault };
});

export function validRequest(_capabilities: { clientSecret: boolean; revokeAssociatedSessions: boolean }): fc.Arbitrary<RevokeTokenInput> {
  return fc.record({ Token: fc.constant('fake-token.1'), ClientId: fc.constant('exampleclient1') });
}
