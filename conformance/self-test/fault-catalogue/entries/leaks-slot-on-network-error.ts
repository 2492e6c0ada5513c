import type { CallContext } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/**
 * Sends through a pool of two connections and gives a connection back only when an answer
 * came: each transport failure keeps one, and after two of them every later call queues forever.
 */
class LeaksSlotOnNetworkError extends CatalogueClient {
  private free = 2;
  private readonly queue: Array<() => void> = [];

  protected override async exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    await this.acquire();
    const answer = await super.exchange(url, init, context);
    this.release();
    return answer;
  }

  private acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.free += 1;
  }
}

export default () => new LeaksSlotOnNetworkError('catalogue leaks-slot-on-network-error').adapter();
