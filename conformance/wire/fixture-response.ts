import type { FixtureResponse } from '../fixtures/types.ts';

/**
 * The HTTP response a fixture describes, byte for byte: the body text as written (no
 * re-serialisation, so odd spacing and nested fields survive) and exactly the headers listed.
 * @public
 */
export function fixtureResponse(response: FixtureResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers ?? {})) headers.append(name, value);
  // A Response with a body but no Content-Type gets text/plain from fetch; a fixture that
  // leaves the header out means "no Content-Type at all", so the body goes in as bytes.
  const body = response.body === undefined ? null : new TextEncoder().encode(response.body);
  return new Response(body, { status: response.code, headers });
}
