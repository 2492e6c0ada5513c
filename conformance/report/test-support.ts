// Results and a small XML reader for the reporters' tests.
import type { Verdict } from '../judging/check.ts';
import type { Result, Summary } from '../run/result.ts';
import { CLIENT_PROPERTIES_MODULE } from '../run/runner.ts';

export const C4: Verdict = {
  check: 'C4',
  title: 'sends X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken',
  level: 'must',
  status: 'fail',
  expected: 'X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken',
  actual: 'X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken',
};

export const C8: Verdict = {
  check: 'C8',
  title: 'sends a JSON object whose members are exactly the input',
  level: 'must',
  status: 'fail',
  expected: 'member ClientId',
  actual: 'no ClientId',
};

const C19: Verdict = { check: 'C19', title: 'reads the error code from __type first', level: 'should', status: 'fail', expected: 'A', actual: 'B' };

const fixtureFile = (id: string) => `fixtures/request/${id === 'RevokeTokenRequestRequiredMembersOnly' ? id : 'RevokeTokenRequestAllMembers'}.json`;

export function failingFixture(id: string, verdicts: Verdict[] = [C4]): Result {
  return {
    id,
    kind: 'fixture',
    level: 'must',
    origin: fixtureFile(id),
    verdicts,
    classified: { kind: 'fail', failures: verdicts },
    replay: `npm run conformance -- --adapter x --filter ${id}`,
    warnings: [],
    durationMs: 12,
  };
}

export function failingProperty(id: string, counterexample: Record<string, unknown>, verdicts: Verdict[] = [C4]): Result {
  return {
    ...failingFixture(id, verdicts),
    kind: 'property',
    origin: `${CLIENT_PROPERTIES_MODULE}#${id}`,
    runs: 30,
    counterexample,
    replay: `npm run conformance -- --adapter x --filter ${id} --seed 1 --replay 0:0`,
    durationMs: 1234,
  };
}

const passing = (id: string, extra: Partial<Result> = {}): Result => ({
  id,
  kind: 'fixture',
  level: 'must',
  origin: 'fixtures/success/RevokeTokenSuccessEmptyObject.json',
  verdicts: [],
  classified: { kind: 'pass' },
  replay: `npm run conformance -- --filter ${id}`,
  warnings: [],
  durationMs: 3,
  ...extra,
});

/** A run with one systematic fault (C4 in every case), one other cause (C8), and one of each other classification. */
export function mixedRun(failingC4 = 5): { summary: Summary; results: Result[] } {
  const results: Result[] = [
    ...Array.from({ length: failingC4 }, (_, i) => failingFixture(`RevokeTokenC4Case${i}`)),
    failingProperty('request-wire', { Token: '[redacted]', ClientId: '[redacted]', ClientSecret: '[redacted]' }),
    failingProperty('cancellation', { Token: '[redacted]' }),
    failingFixture('RevokeTokenRequestRequiredMembersOnly', [C8]),
    passing('RevokeTokenSuccessEmptyObject', { warnings: [C19] }),
    passing('retries', {
      kind: 'property',
      origin: `${CLIENT_PROPERTIES_MODULE}#retries`,
      classified: { kind: 'not-applicable', reason: 'the client does not retry' },
    }),
    passing('RevokeTokenErrorDunderTypeOnly', {
      classified: {
        kind: 'expected-fail',
        failures: [C19],
        expectations: [{ case: 'RevokeTokenErrorDunderTypeOnly', check: 'C19', reason: 'known', source: 's' }],
      },
    }),
    passing('RevokeTokenSuccessEmptyBody', {
      classified: { kind: 'unexpected-pass', expectations: [{ case: 'RevokeTokenSuccessEmptyBody', reason: 'was broken', source: 's' }] },
    }),
  ];
  const count = (kind: string) => results.filter((r) => r.classified.kind === kind).length;
  return {
    results,
    summary: {
      implementation: 'unit client',
      total: results.length,
      passed: count('pass'),
      failed: count('fail'),
      expectedFailures: count('expected-fail'),
      unexpectedPasses: count('unexpected-pass'),
      notApplicable: count('not-applicable'),
      warnings: 1,
      strict: false,
      seed: 1,
      durationMs: 2500,
    },
  };
}

/** An element of a parsed XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (text: string) =>
  text.replace(/&(lt|gt|amp|apos|quot|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' } as Record<string, string>)[e]!,
  );

/**
 * A strict reader for the XML our reporters write (a declaration, elements, attributes, text,
 * the five entities and character references): any malformed input throws, so a test that
 * reads a report back also checks that it is well-formed.
 */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`malformed XML at ${at}: ${what}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(xml[at] ?? '')) at += 1;
  };
  if (xml.startsWith('<?xml')) {
    at = xml.indexOf('?>') + 2;
    if (at < 2) fail('unterminated declaration');
  }
  const element = (): XmlElement => {
    skipSpace();
    const open = /^<([A-Za-z_][\w.-]*)/.exec(xml.slice(at));
    if (!open) return fail('expected an element');
    at += open[0].length;
    const node: XmlElement = { name: open[1]!, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (xml[at] === '>') {
        at += 1;
        break;
      }
      const attribute = /^([A-Za-z_][\w.-]*)="([^"<]*)"/.exec(xml.slice(at));
      if (!attribute) return fail('expected an attribute');
      if (attribute[1]! in node.attributes) fail(`duplicate attribute ${attribute[1]}`);
      if (/&(?!(lt|gt|amp|apos|quot|#\d+|#x[0-9a-f]+);)/i.test(attribute[2]!)) fail('bare & in an attribute');
      node.attributes[attribute[1]!] = decode(attribute[2]!);
      at += attribute[0].length;
    }
    for (;;) {
      const next = xml.indexOf('<', at);
      if (next < 0) fail(`unclosed <${node.name}>`);
      const raw = xml.slice(at, next);
      if (/&(?!(lt|gt|amp|apos|quot|#\d+|#x[0-9a-f]+);)/i.test(raw)) fail('bare & in text');
      if (raw.includes('>')) fail('bare > in text');
      node.text += decode(raw);
      at = next;
      if (xml.startsWith(`</${node.name}>`, at)) {
        at += node.name.length + 3;
        return node;
      }
      if (xml.startsWith('</', at)) fail(`mismatched close tag inside <${node.name}>`);
      node.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}
