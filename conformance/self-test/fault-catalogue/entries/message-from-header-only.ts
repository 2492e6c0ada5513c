import { CatalogueClient } from '../catalogue-client.ts';

/** When the code came in X-Amzn-Errortype, takes the message only from X-Amzn-ErrorMessage, never from the body. */
class MessageFromHeaderOnly extends CatalogueClient {
  protected override errorMessage(headers: Headers, body: Record<string, unknown> | undefined): string {
    if (headers.get('x-amzn-errortype')) return headers.get('x-amzn-errormessage') ?? '';
    return super.errorMessage(headers, body);
  }
}

export default () => new MessageFromHeaderOnly('catalogue message-from-header-only').adapter();
