import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { Verdict } from '../judging/check.ts';
import type { Reporter } from '../run/reporter.ts';
import type { Result, Summary } from '../run/result.ts';
import { resultHeadline } from './causes.ts';
import { reportFile } from './report-file.ts';

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Text content: markup characters escaped, characters XML cannot hold dropped. */
export const escapeXmlText = (text: string) => text.replace(NOT_XML, '').replace(/[<>&'"]/g, (c) => ENTITIES[c]!);

/** An attribute value: as text, and line breaks and tabs as references so parsers keep them. */
export const escapeXmlAttribute = (text: string) => escapeXmlText(text).replace(/[\n\r\t]/g, (c) => ({ '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);

/** Each kind of case is one suite, named as a reader would say it. */
const SUITE_NAMES: Record<Result['kind'], string> = {
  fixture: 'fixtures',
  property: 'properties',
  scripted: 'scripted probes',
  generated: 'generated cases',
};

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
const attributes = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
const describeVerdict = (v: Verdict) => `${v.check} [${v.level}] ${v.title}\nexpected: ${v.expected ?? ''}\nactual:   ${v.actual ?? ''}`;

function informationalOf(result: Result): Verdict[] {
  const notes = (result as Result & { informational?: unknown }).informational;
  return Array.isArray(notes) ? (notes as Verdict[]) : [];
}

function testcase(result: Result, usersFile: string | undefined): string {
  const c = result.classified;
  const head = `<testcase${attributes({ classname: `revoketoken.${result.kind}`, name: result.id, file: reportFile(result.origin, undefined, usersFile), time: seconds(result.durationMs) })}`;
  const body: string[] = [];
  if (c.kind === 'fail') {
    const detail = [
      ...(result.documentation ? [result.documentation.split('\n')[0]!] : []),
      ...c.failures.map(describeVerdict),
      ...(result.crashStack ? [`stack (your frames, redacted):\n${result.crashStack}`] : []),
      ...(result.counterexample ? [`counterexample (shrunk): ${JSON.stringify(result.counterexample)}`] : []),
      ...(result.calls ? ['sequence (shrunk):', ...result.calls] : []),
      `replay: ${result.replay}`,
    ].join('\n\n');
    const type = [...new Set(c.failures.map((v) => v.check))].join(' ');
    body.push(`<failure${attributes({ message: resultHeadline(result), type })}>${escapeXmlText(detail)}</failure>`);
  } else if (c.kind === 'unexpected-pass') {
    const detail = [...c.expectations.map((e) => `${e.check ?? '*'}: ${e.reason}`), 'remove it from the expectations file', `replay: ${result.replay}`].join(
      '\n',
    );
    body.push(`<failure${attributes({ message: resultHeadline(result), type: 'unexpected-pass' })}>${escapeXmlText(detail)}</failure>`);
  } else if (c.kind === 'not-applicable') {
    body.push(`<skipped${attributes({ message: c.reason })}/>`);
  }
  const out = [
    ...(c.kind === 'expected-fail' ? [`expected failure: ${c.expectations.map((e) => `${e.check ?? '*'}: ${e.reason}`).join('; ')}`] : []),
    // Server results: what the server did where the real service is unverified (never a failure).
    ...informationalOf(result).map((v) => `informational ${v.check} ${v.title}\nconfigured: ${v.expected ?? ''}\nobserved:   ${v.actual ?? ''}`),
  ];
  if (out.length > 0) body.push(`<system-out>${escapeXmlText(out.join('\n\n'))}</system-out>`);
  if (result.warnings.length > 0 && c.kind !== 'expected-fail') {
    body.push(
      `<system-err>${escapeXmlText(result.warnings.map((v) => `warning (should, not failing without --strict) ${describeVerdict(v)}`).join('\n\n'))}</system-err>`,
    );
  }
  return body.length === 0 ? `    ${head}/>` : `    ${head}>\n      ${body.join('\n      ')}\n    </testcase>`;
}

const isFailing = (r: Result) => r.classified.kind === 'fail' || r.classified.kind === 'unexpected-pass';

function testsuite(summary: Summary, kind: Result['kind'], mine: readonly Result[], timestamp: string, usersFile: string | undefined): string {
  const counts = {
    name: `${summary.implementation}: ${SUITE_NAMES[kind]}`,
    tests: mine.length,
    failures: mine.filter(isFailing).length,
    errors: 0,
    skipped: mine.filter((r) => r.classified.kind === 'not-applicable').length,
    time: seconds(mine.reduce((n, r) => n + (r.durationMs ?? 0), 0)),
    timestamp,
  };
  const properties = `    <properties>\n${[
    ['seed', String(summary.seed)],
    ['strict', String(summary.strict)],
  ]
    .map(([name, value]) => `      <property${attributes({ name: name!, value: value! })}/>`)
    .join('\n')}\n    </properties>`;
  return `  <testsuite${attributes(counts)}>\n${properties}\n${mine.map((result) => testcase(result, usersFile)).join('\n')}\n  </testsuite>`;
}

/** The whole document: one suite per kind of case present, in run order. */
export function junitXml(summary: Summary, results: readonly Result[], now: Date = new Date(), usersFile?: string): string {
  const timestamp = now.toISOString().replace(/\.\d+Z$/, '');
  const kinds = [...new Set(results.map((r) => r.kind))];
  const suites = kinds.map((kind) =>
    testsuite(
      summary,
      kind,
      results.filter((r) => r.kind === kind),
      timestamp,
      usersFile,
    ),
  );
  const top = attributes({
    name: `RevokeToken conformance: ${summary.implementation}`,
    tests: results.length,
    failures: results.filter(isFailing).length,
    errors: 0,
    skipped: results.filter((r) => r.classified.kind === 'not-applicable').length,
    time: seconds(summary.durationMs),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${top}>\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * Writes a JUnit XML file: one suite per kind of case, one testcase per case with its time, the
 * file it came from and, when it failed, a message that says what broke (CI systems show the
 * message as the headline).
 */
export function junitReporter(path: string, options: { usersFile?: string | undefined } = {}): Reporter {
  return {
    onResult() {},
    onEnd(summary, results) {
      writeFileAtomically(path, junitXml(summary, results, new Date(), options.usersFile));
    },
  };
}
