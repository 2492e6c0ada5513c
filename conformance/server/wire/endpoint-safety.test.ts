import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEndpoint, EndpointSafetyError, isLoopbackAddress, resolveEndpoint } from './endpoint-safety.ts';

const never = async () => {
  throw new Error('no lookup expected');
};

describe('isLoopbackAddress', () => {
  it('accepts all of 127.0.0.0/8, ::1 and IPv4-mapped loopback', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), ([a, b, c]) => {
        expect(isLoopbackAddress(`127.${a}.${b}.${c}`)).toBe(true);
      }),
    );
    for (const address of ['::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1']) expect(isLoopbackAddress(address)).toBe(true);
  });

  it('refuses every other address', () => {
    fc.assert(
      fc.property(
        fc.ipV4().filter((ip) => !ip.startsWith('127.')),
        (ip) => {
          expect(isLoopbackAddress(ip)).toBe(false);
        },
      ),
    );
    for (const address of ['::', '::2', '::ffff:10.0.0.1', 'fe80::1', 'localhost']) expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('checkEndpoint', () => {
  it('takes loopback endpoints, with or without a base path', async () => {
    expect((await checkEndpoint('http://127.0.0.1:9229', { resolve: never })).host).toBe('127.0.0.1:9229');
    expect((await checkEndpoint('http://[::1]:9229/base', { resolve: never })).pathname).toBe('/base');
    expect((await checkEndpoint('http://localhost:9229', { resolve: never, listening: async () => true })).hostname).toBe('localhost');
  });

  it('refuses another machine with a message that says how to allow it', async () => {
    const refusal = checkEndpoint('https://cognito-idp.us-east-1.amazonaws.com', { resolve: never });
    await expect(refusal).rejects.toBeInstanceOf(EndpointSafetyError);
    await expect(refusal).rejects.toThrow(/not localhost or a loopback address.*--allow-remote/s);
    await expect(checkEndpoint('http://10.1.2.3:9229', { resolve: never })).rejects.toThrow(/10\.1\.2\.3 is not a loopback address/);
  });

  it('answers localhost and localhost. itself, never through the resolver, and pins the address that listens', async () => {
    for (const host of ['localhost', 'localhost.', 'LOCALHOST.']) {
      expect(await resolveEndpoint(`http://${host}:9229`, { resolve: never, listening: async () => true })).toMatchObject({ address: '127.0.0.1' });
      const onlyV6 = await resolveEndpoint(`http://${host}:9229`, { resolve: never, listening: async (address) => address === '::1' });
      expect(onlyV6.address).toBe('::1');
      expect((await resolveEndpoint(`http://${host}:9229`, { resolve: never, listening: async () => false })).address).toBe('127.0.0.1');
    }
    expect((await resolveEndpoint('http://127.0.0.5:1', { resolve: never })).address).toBe('127.0.0.5');
    expect((await resolveEndpoint('http://[::1]:1', { resolve: never })).address).toBe('::1');
  });

  it('refuses names that merely start with localhost', async () => {
    await expect(checkEndpoint('http://localhost.example.com:9229', { resolve: never })).rejects.toThrow(/not localhost or a loopback address/);
  });

  it('resolves a remote name once, when allowed, and pins its first address', async () => {
    let lookups = 0;
    const pinned = await resolveEndpoint('https://cognito-idp.eu-west-1.amazonaws.com', {
      allowRemote: true,
      resolve: async () => {
        lookups += 1;
        return ['192.0.2.10', '192.0.2.11'];
      },
    });
    expect(pinned.address).toBe('192.0.2.10');
    expect(lookups).toBe(1);
  });

  it('lets allowRemote through, but never a malformed endpoint', async () => {
    expect((await checkEndpoint('https://cognito-idp.eu-west-1.amazonaws.com', { allowRemote: true, resolve: async () => ['192.0.2.10'] })).hostname).toBe(
      'cognito-idp.eu-west-1.amazonaws.com',
    );
    await expect(checkEndpoint('not a url', { allowRemote: true })).rejects.toThrow(/is not a URL/);
    await expect(checkEndpoint('ftp://127.0.0.1', { allowRemote: true })).rejects.toThrow(/ftp: endpoints are not supported/);
    await expect(checkEndpoint('http://user:pw@127.0.0.1', { allowRemote: true })).rejects.toThrow(/must not carry credentials/);
    await expect(checkEndpoint('http://127.0.0.1/?x=1', { allowRemote: true })).rejects.toThrow(/query or a fragment/);
  });
});
