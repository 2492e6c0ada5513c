import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

const STEP = 'revokeTokenSerialize';

/**
 * Adds a named step to the client's shared middleware stack for the length of each call: a
 * second call started while the first is in flight finds the name taken and fails unsent.
 */
class DuplicateStepWhenOverlapping extends CatalogueClient {
  private readonly stack = new Set<string>();

  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    if (this.stack.has(STEP)) throw new Error(`Duplicate middleware name '${STEP}'`);
    this.stack.add(STEP);
    try {
      return await super.call(input, context);
    } finally {
      this.stack.delete(STEP);
    }
  }
}

export default () => new DuplicateStepWhenOverlapping('catalogue duplicate-step-when-overlapping').adapter();
