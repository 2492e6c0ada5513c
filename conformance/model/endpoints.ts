import fc from 'fast-check';

/**
 * Where one call is sent: the `context.endpoint` and `context.region` the suite hands an
 * adapter. Everything the contract lets vary varies: regional hosts of several partitions,
 * custom hosts (a proxy, an emulator, a VPC endpoint) with and without a port, a base path
 * (Smithy's AwsJson11HostWithPath), a trailing slash or none, https and loopback http. A client
 * that rebuilds the host from the region, drops the port or the path, or forces https shows
 * it here and nowhere else (rule A7).
 *
 * Kept abstract so one draw serves every transport: in process the endpoint is used as it is
 * (msw intercepts any host), a client in another process can only reach the harness's loopback
 * socket, so there the drawn host gives way to it and only the path and the slash remain
 * ({@link placeEndpoint}).
 * @internal
 */
export interface EndpointShape {
  region: string;
  host: { kind: 'regional' } | { kind: 'custom'; scheme: 'https' | 'http'; name: string; port?: number };
  /** Base path segments; empty for none. */
  path: readonly string[];
  trailingSlash: boolean;
  /** Given by a fixture (`endpoint`), not drawn: the case is about this endpoint, and its `request.uri` is judged to the letter. */
  pinned?: boolean;
}

/**
 * Regions of three partitions and their DNS suffixes: the `aws`, `aws-cn` and `aws-us-gov`
 * entries of the partition table every AWS SDK resolves endpoints from (aws-sdk-js-v3
 * packages/util-endpoints/src/lib/aws/partitions.json: dnsSuffix `amazonaws.com` and
 * `amazonaws.com.cn`, regions `cn-north-1`, `cn-northwest-1`, `us-gov-west-1`, `us-gov-east-1`).
 * The first is where shrinking ends: the plain endpoint every client gets right.
 */
export const PARTITION_REGIONS: ReadonlyArray<{ region: string; dnsSuffix: string }> = [
  { region: 'us-east-1', dnsSuffix: 'amazonaws.com' },
  { region: 'eu-west-3', dnsSuffix: 'amazonaws.com' },
  { region: 'ap-southeast-2', dnsSuffix: 'amazonaws.com' },
  { region: 'cn-north-1', dnsSuffix: 'amazonaws.com.cn' },
  { region: 'cn-northwest-1', dnsSuffix: 'amazonaws.com.cn' },
  { region: 'us-gov-west-1', dnsSuffix: 'amazonaws.com' },
  { region: 'us-gov-east-1', dnsSuffix: 'amazonaws.com' },
];

/**
 * Custom hosts as users configure them: Smithy's test host, an internal proxy, a VPC interface
 * endpoint, LocalStack's edge port and cognito-local's default port on loopback (plain http is
 * only ever drawn for loopback hosts).
 */
const CUSTOM_HOSTS: ReadonlyArray<Extract<EndpointShape['host'], { kind: 'custom' }>> = [
  { kind: 'custom', scheme: 'https', name: 'example.com' },
  { kind: 'custom', scheme: 'https', name: 'cognito-proxy.corp.internal', port: 8443 },
  { kind: 'custom', scheme: 'https', name: 'vpce-0a1b2c3d4e5f-abcdef12.cognito-idp.us-east-1.vpce.amazonaws.com' },
  { kind: 'custom', scheme: 'http', name: '127.0.0.1', port: 4566 },
  { kind: 'custom', scheme: 'http', name: 'localhost', port: 9229 },
];

const PATH_SEGMENTS = ['custom-path', 'cognito', 'v1', 'idp-proxy'] as const;

/** Every world a call can be sent to; shrinks towards `https://cognito-idp.us-east-1.amazonaws.com`. @internal */
export function endpointShape(): fc.Arbitrary<EndpointShape> {
  const region = fc.constantFrom(...PARTITION_REGIONS.map((p) => p.region));
  const regional = fc.record({
    region,
    host: fc.constant<EndpointShape['host']>({ kind: 'regional' }),
    path: fc.constant<readonly string[]>([]),
    trailingSlash: fc.boolean(),
  });
  const custom = fc.record({
    region,
    host: fc.constantFrom<EndpointShape['host']>(...CUSTOM_HOSTS),
    path: fc.array(fc.constantFrom(...PATH_SEGMENTS), { maxLength: 2 }),
    trailingSlash: fc.boolean(),
  });
  // Cross-shrinking lets a failure found on a custom host shrink to a regional one when the host is not the cause.
  return fc.oneof({ withCrossShrink: true }, regional, custom);
}

/** The plain world: the region's own endpoint, as every case had before endpoints varied. @internal */
export function plainEndpoint(region: string): EndpointShape {
  return { region, host: { kind: 'regional' }, path: [], trailingSlash: false };
}

/** The DNS suffix of a region's partition. */
function dnsSuffixOf(region: string): string {
  return PARTITION_REGIONS.find((p) => p.region === region)?.dnsSuffix ?? (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
}

/**
 * The endpoint and region a call is given. With `loopbackOrigin` (a client in another process,
 * which can only reach the harness's socket), the origin is that socket's and only the drawn
 * path and trailing slash are kept.
 * @internal
 */
export function placeEndpoint(shape: EndpointShape, loopbackOrigin?: string): { endpoint: string; region: string } {
  const path = shape.path.map((segment) => `/${segment}`).join('');
  const slash = shape.trailingSlash ? '/' : '';
  let origin: string;
  if (loopbackOrigin !== undefined) origin = loopbackOrigin.replace(/\/$/, '');
  else if (shape.host.kind === 'regional') origin = `https://cognito-idp.${shape.region}.${dnsSuffixOf(shape.region)}`;
  else origin = `${shape.host.scheme}://${shape.host.name}${shape.host.port !== undefined ? `:${shape.host.port}` : ''}`;
  return { endpoint: `${origin}${path}${slash}`, region: shape.region };
}

/**
 * The shape of an endpoint a fixture pins (`https://example.com/custom-path`), in region
 * us-east-1: a custom host, so a client in another process gets its path on the loopback socket.
 * @internal
 */
export function shapeOfEndpoint(endpoint: string, region = 'us-east-1'): EndpointShape {
  const url = new URL(endpoint);
  const scheme = url.protocol === 'http:' ? 'http' : 'https';
  return {
    region,
    host: { kind: 'custom', scheme, name: url.hostname, ...(url.port !== '' ? { port: Number(url.port) } : {}) },
    path: url.pathname.split('/').filter((segment) => segment !== ''),
    trailingSlash: url.pathname.length > 1 && url.pathname.endsWith('/'),
    pinned: true,
  };
}

/** FNV-1a over the text: a seed that depends on every character, the same on every machine. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * The world of a case that is not generated (a fixture): drawn from {@link endpointShape} with a
 * seed made of the run's seed and the case's id, so the same run seed gives every case the same
 * endpoint again (`--replay`, `--seed`), and different cases get different ones.
 * @internal
 */
export function endpointShapeFor(caseId: string, runSeed: number): EndpointShape {
  const [shape] = fc.sample(endpointShape(), { seed: hash32(`${runSeed}:${caseId}`), numRuns: 1 });
  return shape!;
}
