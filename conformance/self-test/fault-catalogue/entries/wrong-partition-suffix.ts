import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/**
 * Rebuilds an AWS endpoint from the region with one DNS suffix for every partition: a China
 * region's `.amazonaws.com.cn` host becomes `.amazonaws.com`. Custom hosts are left alone.
 */
class WrongPartitionSuffix extends CatalogueClient {
  protected override requestUrl(context: CallContext, attempt: number): string {
    const given = super.requestUrl(context, attempt);
    return /\.amazonaws\.com(\.cn)?$/.test(new URL(given).hostname) ? `https://cognito-idp.${context.region}.amazonaws.com/` : given;
  }
}

export default () => new WrongPartitionSuffix('catalogue wrong-partition-suffix').adapter();
