import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestUrlFor } from '../protocol/aws-json.ts';
import { type EndpointShape, endpointShape, endpointShapeFor, PARTITION_REGIONS, placeEndpoint, plainEndpoint, shapeOfEndpoint } from './endpoints.ts';

const sample = fc.sample(endpointShape(), { seed: 7, numRuns: 2_000 });
const placed = sample.map((shape) => placeEndpoint(shape));

describe('the endpoints a call is given', () => {
  it('reach every partition, custom hosts with and without a port, base paths, both slashes, https and http', () => {
    const urls = placed.map((p) => new URL(p.endpoint));
    for (const suffix of ['.amazonaws.com', '.amazonaws.com.cn'])
      expect(urls.some((u) => u.hostname.startsWith('cognito-idp.') && u.hostname.endsWith(suffix))).toBe(true);
    expect(placed.some((p) => p.region.startsWith('us-gov-') && p.endpoint.includes('.amazonaws.com'))).toBe(true);
    expect(urls.some((u) => u.port !== '')).toBe(true);
    expect(urls.some((u) => !u.hostname.startsWith('cognito-idp.') && u.port === '')).toBe(true);
    expect(urls.some((u) => u.pathname.length > 1 && !u.pathname.endsWith('/'))).toBe(true);
    expect(urls.some((u) => u.pathname.length > 1 && u.pathname.endsWith('/'))).toBe(true);
    expect(placed.some((p) => p.endpoint.endsWith('.com/'))).toBe(true);
    expect(urls.some((u) => u.protocol === 'http:')).toBe(true);
  });

  it('use plain http only on loopback hosts, and a region of the regional host', () => {
    for (const { endpoint, region } of placed) {
      const url = new URL(endpoint);
      if (url.protocol === 'http:') expect(['127.0.0.1', 'localhost']).toContain(url.hostname);
      if (url.hostname.startsWith('cognito-idp.') && !url.hostname.includes('vpce')) expect(url.hostname.split('.')[1]).toBe(region);
    }
  });

  it('put the aws-cn regions on amazonaws.com.cn and no other', () => {
    for (const { endpoint, region } of placed.filter((p) => new URL(p.endpoint).hostname.startsWith(`cognito-idp.${p.region}.`))) {
      expect(endpoint.includes('.amazonaws.com.cn')).toBe(region.startsWith('cn-'));
    }
    expect(PARTITION_REGIONS[0]?.region).toBe('us-east-1');
  });

  it('shrink to the plain regional endpoint', () => {
    const smallest = fc.check(
      fc.property(endpointShape(), () => false),
      { seed: 1 },
    ).counterexample?.[0] as EndpointShape;
    expect(placeEndpoint(smallest)).toEqual(placeEndpoint(plainEndpoint('us-east-1')));
    expect(placeEndpoint(plainEndpoint('us-east-1')).endpoint).toBe('https://cognito-idp.us-east-1.amazonaws.com');
  });

  it('on a loopback socket keep only the drawn path and slash', () => {
    const shape: EndpointShape = {
      region: 'cn-north-1',
      host: { kind: 'custom', scheme: 'https', name: 'example.com', port: 8443 },
      path: ['custom-path'],
      trailingSlash: true,
    };
    expect(placeEndpoint(shape, 'http://127.0.0.1:41234')).toEqual({ endpoint: 'http://127.0.0.1:41234/custom-path/', region: 'cn-north-1' });
    expect(placeEndpoint(plainEndpoint('us-east-1'), 'http://127.0.0.1:41234').endpoint).toBe('http://127.0.0.1:41234');
  });

  it('are the same for the same case id and seed, and differ across cases', () => {
    expect(endpointShapeFor('RevokeTokenSuccessEmptyObject', 42)).toEqual(endpointShapeFor('RevokeTokenSuccessEmptyObject', 42));
    const ids = Array.from({ length: 40 }, (_, index) => `case-${index}`);
    expect(new Set(ids.map((id) => placeEndpoint(endpointShapeFor(id, 42)).endpoint)).size).toBeGreaterThan(5);
    expect(new Set([1, 2, 3, 4, 5, 6].map((seed) => placeEndpoint(endpointShapeFor('one-case', seed)).endpoint)).size).toBeGreaterThan(1);
  });

  it('read back from a pinned endpoint as they were written', () => {
    for (const endpoint of ['https://example.com/custom-path', 'http://127.0.0.1:4566/custom/', 'https://example.com']) {
      expect(placeEndpoint(shapeOfEndpoint(endpoint)).endpoint).toBe(endpoint);
    }
  });

  it('each give the protocol its request URL: the path followed by one slash', () => {
    expect(requestUrlFor('https://example.com/custom-path')).toBe('https://example.com/custom-path/');
    expect(requestUrlFor('https://example.com/custom-path/')).toBe('https://example.com/custom-path/');
    expect(requestUrlFor('http://127.0.0.1:4566')).toBe('http://127.0.0.1:4566/');
    expect(requestUrlFor('https://cognito-idp.cn-north-1.amazonaws.com.cn/')).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
  });
});
