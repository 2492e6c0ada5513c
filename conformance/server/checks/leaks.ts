import { fail, pass } from '../../judging/check.ts';
import { mediaTypeOf } from '../wire/exchange.ts';
import { answeredRevokeToken, type ServerCheck } from './server-check.ts';

const HTML = /^\s*<(?:!doctype|html|head|body|title|h1|pre|\?xml)\b|<html[\s>]/i;

// Each pattern names what gave the answer away, so a failure reads as a diagnosis.
const INTERNALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bat (?:async )?[\w$.<>[\] ]+ \((?:file:\/\/|node:)?[^()\s]*:\d+:\d+\)/, 'a JavaScript stack frame'],
  [/\n\s*at (?:file:\/\/|node:)?\/?[^\s()]+:\d+:\d+/, 'a JavaScript stack frame'],
  [/Traceback \(most recent call last\)/, 'a Python traceback'],
  [/\bat [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)/, 'a JVM stack frame'],
  [/\bgoroutine \d+ \[/, 'a Go panic'],
  [/node_modules[\\/]/, 'a node_modules path'],
  [/(?:^|[\s"'(=:])\/(?:home|Users|usr|var|opt|app|srv|tmp|root|etc|private|workspace|work|build|src|lib|mnt)\/[^\s"'<>]+/, 'a file system path'],
  [/\b[A-Za-z]:\\(?:[^\\\s"]+\\)+/, 'a Windows path'],
  [/[\w-]+\.(?:js|mjs|cjs|ts|py|java|go|rb|cs|php):\d+\b/, 'a source file and line'],
];

/**
 * S13 (must): the answer gives away nothing of the server's insides: no HTML error page (a
 * proxy's or a framework's default), no stack trace, no file path.
 * @internal
 */
export const s13NoInternals: ServerCheck = {
  name: 's13NoInternals',
  rules: ['S13'],
  level: () => 'must',
  appliesTo: answeredRevokeToken,
  evaluate(o) {
    const response = o.exchange.response!;
    const problems: string[] = [];
    const type = mediaTypeOf(response.headers['content-type']);
    if (type === 'text/html' || type === 'application/xhtml+xml' || HTML.test(response.text))
      problems.push(`an HTML page (Content-Type: ${response.headers['content-type'] ?? 'none'})`);
    // HTML pages escape what they quote; the patterns look at the text a person would read.
    const readable = response.text
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    const found = new Set<string>();
    for (const [pattern, what] of INTERNALS) {
      const match = pattern.exec(readable);
      if (match && !found.has(what)) {
        found.add(what);
        problems.push(`${what}: ${JSON.stringify(match[0].trim())}`);
      }
    }
    return problems.length === 0 ? pass : fail('a JSON answer with no stack trace, file path or source location', problems.join('; '));
  },
};

// Shorter values are left alone: a one-letter ClientId occurs in every word of a message.
const MIN_ECHO_LENGTH = 8;

/**
 * P1 (must): none of the request's sensitive values (Token, ClientId, ClientSecret, as the
 * model marks them) comes back in the body or a header, as sent or JSON-escaped.
 * @internal
 */
export const p1NoEcho: ServerCheck = {
  name: 'p1NoEcho',
  rules: ['P1'],
  level: () => 'must',
  // Judged only where it can tell: a short value matches too much to be told apart from text.
  appliesTo: (o) => answeredRevokeToken(o) && o.sensitive.some((value) => value.length >= MIN_ECHO_LENGTH),
  evaluate(o) {
    const response = o.exchange.response!;
    const places: ReadonlyArray<readonly [string, string]> = [
      ['the body', response.text],
      ...Object.entries(response.headers).map(([name, value]) => [`the ${name} header`, value] as const),
    ];
    for (const value of o.sensitive) {
      if (value.length < MIN_ECHO_LENGTH) continue;
      const forms = [value, JSON.stringify(value).slice(1, -1)];
      for (const [where, text] of places) {
        // The value itself is never printed: reports would carry it even where redaction is off.
        if (forms.some((form) => text.includes(form)))
          return fail('no sensitive input value in the answer', `a value the request sent as a sensitive member appears in ${where}`);
      }
    }
    return pass;
  },
};
