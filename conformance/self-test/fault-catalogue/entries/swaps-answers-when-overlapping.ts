import type { CallContext } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/**
 * Keeps "the current answer" on the client and reads it back after an awaited logging hook: when
 * two calls overlap, the later answer overwrites the earlier one and both calls decode it.
 */
class SwapsAnswersWhenOverlapping extends CatalogueClient {
  private current: Answer | undefined;

  protected override async exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    this.current = await super.exchange(url, init, context);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.current;
  }
}

export default () => new SwapsAnswersWhenOverlapping('catalogue swaps-answers-when-overlapping').adapter();
