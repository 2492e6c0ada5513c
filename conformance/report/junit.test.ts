import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { CLIENT_PROPERTIES_MODULE } from '../run/runner.ts';
import { SERVER_CASES } from '../server/server-cases.ts';
import { junitXml } from './junit.ts';
import { reportFile } from './report-file.ts';
import { failingFixture, mixedRun, parseXml, type XmlElement } from './test-support.ts';

const kids = (node: XmlElement, name: string) => node.children.filter((c) => c.name === name);

describe('the JUnit report', () => {
  const { summary, results } = mixedRun();
  const root = parseXml(junitXml(summary, results, new Date('2026-12-01T10:00:00.123Z')));

  it('is a testsuites document with one suite per kind of case, counted the way JUnit counts', () => {
    expect(root.name).toBe('testsuites');
    const suites = kids(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['unit client: fixtures', 'unit client: properties']);
    for (const suite of suites) {
      const cases = kids(suite, 'testcase');
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(cases.filter((c) => kids(c, 'failure').length > 0).length);
      expect(Number(suite.attributes.skipped)).toBe(cases.filter((c) => kids(c, 'skipped').length > 0).length);
      expect(suite.attributes.errors).toBe('0');
      expect(suite.attributes.time).toMatch(/^\d+\.\d{3}$/);
      expect(suite.attributes.timestamp).toBe('2026-12-01T10:00:00');
    }
    expect(Number(root.attributes.tests)).toBe(results.length);
    expect(root.attributes.time).toBe('2.500');
  });

  it('has one testcase per case, with its time in seconds and a file that exists', () => {
    const cases = kids(root, 'testsuite').flatMap((s) => kids(s, 'testcase'));
    expect(cases.map((c) => c.attributes.name).sort()).toEqual(results.map((r) => r.id).sort());
    for (const c of cases) {
      expect(c.attributes.time).toMatch(/^\d+\.\d{3}$/);
      expect(existsSync(c.attributes.file!), c.attributes.file).toBe(true);
    }
    const property = cases.find((c) => c.attributes.name === 'request-wire')!;
    expect(property.attributes).toMatchObject({ file: CLIENT_PROPERTIES_MODULE, time: '1.234', classname: 'revoketoken.property' });
  });

  it('says in the failure message what broke, and keeps the detail and replay line in the body', () => {
    const c4 = kids(kids(root, 'testsuite')[0]!, 'testcase')[0]!;
    const [failure] = kids(c4, 'failure');
    expect(failure!.attributes.message).toBe(
      'C4: expected X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken, got X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken',
    );
    expect(failure!.attributes.type).toBe('C4');
    expect(failure!.text).toContain('replay: npm run conformance -- --adapter x --filter RevokeTokenC4Case0');
    const stale = kids(root, 'testsuite')
      .flatMap((s) => kids(s, 'testcase'))
      .find((c) => c.attributes.name === 'RevokeTokenSuccessEmptyBody')!;
    expect(kids(stale, 'failure')[0]!.attributes.message).toMatch(/^unexpected pass/);
  });

  it('escapes markup, quotes and line breaks, and drops what XML cannot hold', () => {
    const nasty = `a<b>&"c'\u0001\ud800`;
    const xml = junitXml(mixedRun(0).summary, [
      failingFixture(nasty, [{ check: 'C8', title: 't', level: 'must', status: 'fail', expected: 'line1\nline2 ]]> &amp;', actual: '<x/>' }]),
    ]);
    const testcase = kids(kids(parseXml(xml), 'testsuite')[0]!, 'testcase')[0]!;
    expect(testcase.attributes.name).toBe(`a<b>&"c'`);
    expect(kids(testcase, 'failure')[0]!.attributes.message).toBe('C8: expected line1\nline2 ]]> &amp;, got <x/>');
  });

  it("carries a server result's informational verdicts as output, never as a failure", () => {
    const note = {
      check: 'U1',
      title: 'a second revoke',
      level: 'must' as const,
      status: 'fail' as const,
      expected: 'succeed',
      actual: 'refused',
      informational: true,
    };
    const passing = mixedRun(0).results.find((r) => r.classified.kind === 'pass')!;
    const result = { ...passing, warnings: [], kind: 'scripted' as const, informational: [note] };
    const suite = kids(parseXml(junitXml(mixedRun(0).summary, [result])), 'testsuite')[0]!;
    expect(suite.attributes.name).toBe('unit client: scripted probes');
    const testcase = kids(suite, 'testcase')[0]!;
    expect(kids(testcase, 'failure')).toHaveLength(0);
    expect(kids(testcase, 'system-out')[0]!.text).toContain('informational U1 a second revoke\nconfigured: succeed\nobserved:   refused');
  });

  it('names files that exist for every fixture, client property and server case', async () => {
    const origins = [
      ...(await loadFixtures()).map((f) => f.file),
      ...CLIENT_PROPERTIES.map((p) => `${CLIENT_PROPERTIES_MODULE}#${p.id}`),
      ...SERVER_CASES.map((c) => c.origin),
    ];
    const missing = origins.map((o) => reportFile(o)).filter((file) => !existsSync(file));
    expect(missing).toEqual([]);
  });
});
