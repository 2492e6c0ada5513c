import type { CapturedExchanges, ShownRequest } from '../run/captured-exchange.ts';

// Headers curl writes itself from the URL and the body; sent twice they would disagree.
const CURL_WRITES = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

// Control characters (a caller's string may hold any) would break the line or drive the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `text` as one shell word on one line: single-quoted (a quote inside closes, is escaped and
 * reopens), or, when it holds control characters, ANSI-C quoted (`$'...'`, bash and zsh) with
 * each of them written as an escape (\xHH, or \uHHHH for the C1 controls, which are characters in UTF-8).
 */
export function shellWord(text: string): string {
  if (!CONTROL.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  const escaped = text
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
      c.charCodeAt(0) < 0x80 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return `$'${escaped}'`;
}

/** A JSON body on one line (the report keeps it indented); anything else as it is. */
function oneLine(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

/**
 * The request as one `curl` command that sends it again: to `$ENDPOINT` (the service it went to
 * is the suite's own, which only lives while the case runs; `--serve` starts one that answers
 * as a fixture), with the client's headers and body as the report shows them. A redacted report
 * gives a redacted command; `--no-redact` gives the real one. A body the report cut is sent cut,
 * and a shell comment says so.
 */
export function curlLine(request: ShownRequest): string {
  const words = ['curl', '-sS', '-X', request.method, `"\${ENDPOINT%/}"${shellWord(request.path)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!CURL_WRITES.has(name.toLowerCase())) words.push('-H', shellWord(`${name}: ${value}`));
  }
  if (request.body !== '' || request.bodyBytes > 0) words.push('--data-binary', shellWord(oneLine(request.body)));
  const line = words.join(' ');
  return request.bodyCut ? `${line} # the body is cut: the client sent ${request.bodyBytes} bytes` : line;
}

/** The curl command of a failing case's last captured request (the one the failure is about), if it kept one. */
export function failureCurlLine(exchanges: CapturedExchanges | undefined): string | undefined {
  const last = exchanges?.shown.at(-1);
  return last === undefined ? undefined : curlLine(last.request);
}

/** Where the curl command's $ENDPOINT comes from, for a case's block. */
export function curlEndpointNote(kind: string, id: string): string {
  return kind === 'fixture'
    ? `ENDPOINT: your service, or the URL that --serve --filter ${id} prints`
    : 'ENDPOINT: your service, or the URL that --serve prints';
}
