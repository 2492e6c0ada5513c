// A broken client for the HTML report spec: the `keeps-uri-suffix` mutant (rule C15), which
// also renames the errors of a 500 to markup, as a hostile adapter could. A report must show
// that name and message as text.
import type { Adapter } from '../../../conformance/adapters/contract.ts';
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';
import { MUTANTS } from '../../../conformance/self-test/mutants.ts';

export const HOSTILE_MARKUP = '</script><img src=x onerror="window.__pwned=1"><b>bold</b>';

const mutant = MUTANTS.find((m) => m.id === 'keeps-uri-suffix')!;
const inner = minimalClient(mutant.faults, 'keeps-uri-suffix, with hostile error names');

const adapter: Adapter = {
  ...inner,
  async revokeToken(input, context) {
    try {
      return await inner.revokeToken(input, context);
    } catch (error) {
      const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      if (e.$metadata?.httpStatusCode === 500) {
        const hostile = new Error(HOSTILE_MARKUP);
        hostile.name = HOSTILE_MARKUP;
        throw Object.assign(hostile, { $metadata: e.$metadata });
      }
      throw error;
    }
  },
};

export default adapter;
