import { CatalogueClient } from '../catalogue-client.ts';

/**
 * Registers its "add X-Amz-Target" step on the client's stack at every request and never
 * removes it: from the second request on, the header carries the target twice.
 */
class StacksTargetStep extends CatalogueClient {
  private readonly steps: Array<(headers: Headers) => void> = [];

  protected override headers(body: string): Record<string, string> {
    const headers = new Headers(super.headers(body));
    const target = headers.get('x-amz-target')!;
    headers.delete('x-amz-target');
    this.steps.push((h) => h.append('x-amz-target', target));
    for (const step of this.steps) step(headers);
    const out: Record<string, string> = {};
    headers.forEach((value, name) => {
      out[name] = value;
    });
    return out;
  }
}

export default () => new StacksTargetStep('catalogue stacks-target-step').adapter();
