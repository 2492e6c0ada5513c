import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter } from '../run/reporter.ts';
import type { Result } from '../run/result.ts';

const escapeXml = (text: string) =>
  text
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function testcase(result: Result): string {
  const name = escapeXml(result.id);
  const classname = escapeXml(`revoketoken.${result.kind}`);
  const c = result.classified;
  let body = '';
  if (c.kind === 'fail') {
    const text = c.failures.map((v) => `${v.check} [${v.level}] ${v.title}\nexpected: ${v.expected}\nactual: ${v.actual}`).join('\n\n');
    body = `<failure message="${escapeXml(c.failures.map((v) => v.check).join(', '))}">${escapeXml(`${text}\n\nreplay: ${result.replay}`)}</failure>`;
  } else if (c.kind === 'unexpected-pass') {
    body = `<failure message="unexpected pass">${escapeXml(c.expectations.map((e) => `${e.check ?? '*'}: ${e.reason}`).join('\n'))}</failure>`;
  } else if (c.kind === 'not-applicable') {
    body = `<skipped message="${escapeXml(c.reason)}"/>`;
  } else if (c.kind === 'expected-fail') {
    body = `<system-out>${escapeXml(`expected failure: ${c.expectations.map((e) => e.reason).join('; ')}`)}</system-out>`;
  }
  return `    <testcase classname="${classname}" name="${name}" file="${escapeXml(result.origin)}">${body}</testcase>`;
}

/** Writes a JUnit XML file: one suite for fixtures, one for properties. */
export function junitReporter(path: string): Reporter {
  return {
    onResult() {},
    onEnd(summary, results) {
      const suites = (['fixture', 'property'] as const).map((kind) => {
        const mine = results.filter((r) => r.kind === kind);
        const failures = mine.filter((r) => r.classified.kind === 'fail' || r.classified.kind === 'unexpected-pass').length;
        const skipped = mine.filter((r) => r.classified.kind === 'not-applicable').length;
        return `  <testsuite name="${escapeXml(`${summary.implementation}: ${kind}s`)}" tests="${mine.length}" failures="${failures}" skipped="${skipped}">\n${mine.map(testcase).join('\n')}\n  </testsuite>`;
      });
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="RevokeToken conformance">\n${suites.join('\n')}\n</testsuites>\n`);
    },
  };
}
