// A broken client for the CLI specs: one systematic fault, the operation name lowercased in
// X-Amz-Target (rule C4), so every case fails the same way.
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';
import { MUTANTS } from '../../../conformance/self-test/mutants.ts';

export default minimalClient(MUTANTS.find((m) => m.id === 'target-from-method-name')!.faults, 'lowercased-operation');
