import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeService, serveOnLoopback } from './fake-service.ts';
import type { LoopbackServer } from './loopback-server.ts';

const ok = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } });

describe('the fake service', () => {
  let loopback: LoopbackServer | undefined;
  afterEach(async () => {
    await loopback?.close();
    loopback = undefined;
  });

  it('answers and records a request to any host and path, for the checks to judge where it went', async () => {
    const service = new FakeService();
    service.begin({ respond: ok });
    for (const url of ['https://cognito-idp.us-east-1.amazonaws.com/', 'http://localhost:9229/custom/', 'https://elsewhere.invalid:8443/x?y=1']) {
      expect((await service.fetch(url, { method: 'POST', body: '{}' })).status).toBe(200);
    }
    expect(service.end().map((r) => r.url)).toEqual([
      'https://cognito-idp.us-east-1.amazonaws.com/',
      'http://localhost:9229/custom/',
      'https://elsewhere.invalid:8443/x?y=1',
    ]);
  });

  it('keeps the requests that arrive after the call settled apart, with their virtual time, and still answers them', async () => {
    const service = new FakeService();
    let now = 0;
    service.begin({ respond: ok, now: () => now });
    await service.fetch('https://example.com/', { method: 'POST', body: '{}' });
    service.callSettled();
    now = 250;
    expect((await service.fetch('https://example.com/', { method: 'POST', body: '{"late":1}' })).status).toBe(200);
    expect(service.end().map((r) => r.body)).toEqual(['{}']);
    expect(service.afterSettled.map(({ request, atMs }) => [request.body, atMs])).toEqual([['{"late":1}', 250]]);
    // Outside any case a request is refused, and belongs to no case.
    expect((await service.fetch('https://example.com/', { method: 'POST' })).status).toBe(599);
    service.begin({ respond: ok });
    expect(service.afterSettled).toEqual([]);
  });

  it('on loopback, records the address the client wrote in its Host header', async () => {
    const service = new FakeService();
    loopback = await serveOnLoopback(service);
    service.begin({ respond: ok });
    const { port } = new URL(loopback.url);
    await new Promise<void>((resolve, reject) => {
      const sent = httpRequest({ host: '127.0.0.1', port, path: '/custom-path/', method: 'POST', headers: { host: `localhost:${port}` } }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      sent.on('error', reject);
      sent.end('{}');
    });
    expect(service.end().map((r) => [r.url, r.transport])).toEqual([[`http://localhost:${port}/custom-path/`, 'loopback']]);
  });
});
