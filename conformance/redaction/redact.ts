import { revokeToken } from '../model/contract.ts';
import { decodedView, escapeInvisible, textSpans } from './decoded-view.ts';
import { BASE64_WINDOW, base64Alphabet, base64Forms, HEX_WINDOW, hexForms, plainForms } from './encoded-forms.ts';

/**
 * The one redaction of the suite, for both directions and every output: reports, logs, a
 * process client's stderr, crash messages. Values are collected in a SensitiveValues set and
 * removed from text (bare, quoted, JSON-escaped, and any recognisable fragment of them) and
 * from structures (walked, never edited as serialised text: a replacement inside JSON text
 * can break it).
 */

/** What a removed value reads as. @public */
export const REDACTED = '[redacted]';

/** The request members the model marks `@sensitive`: Token, ClientId, ClientSecret. @public */
export const SENSITIVE_MEMBERS: readonly string[] = revokeToken.input.members.filter((member) => member.sensitive).map((member) => member.name);

/** The sensitive member names in lower case: a client that sends `clientId` still sends a client id. */
const SENSITIVE_NAMES: ReadonlySet<string> = new Set(SENSITIVE_MEMBERS.map((name) => name.toLowerCase()));

/** Whether a member name (any letter case, `client_id` too) names a sensitive member. @internal */
export function isSensitiveMemberName(name: string): boolean {
  return SENSITIVE_NAMES.has(name.toLowerCase().replaceAll('_', ''));
}

// Below this length a value is only replaced where it stands quoted: a one-letter ClientId
// such as "a" must not blank out every "a" of a report.
const BARE_MIN_LENGTH = 6;

/**
 * The shortest run of a value's characters that counts as recognisable: a client that cuts,
 * re-cases, wraps or reverses a token, or quotes part of it, still shows runs this long.
 * @internal
 */
export const FRAGMENT_LENGTH = 8;

// The fragment index holds each distinct run of FRAGMENT_LENGTH characters once (about 30
// bytes each). Past this many, values added later are still redacted whole, not by fragment:
// a run's memory stays bounded whatever the client generates.
const MAX_FRAGMENTS = 1_000_000;
// Values past this many characters in all are dropped from a set: only a run-wide set (every
// case's values, for crash messages and stderr) gets near it, and the cases' own sets still hold them.
const MAX_VALUE_CHARS = 16 * 1024 * 1024;
// Building the index of a 16 KB token costs milliseconds, and a case's own set redacts a few
// short texts. So each family's forms of new values are first searched for directly (each
// window of a text looked for in them), and indexed once the direct searches would add up to
// more character comparisons than indexing costs, about INDEX_COST_PER_CHAR per character
// indexed: the total stays within about twice the cheaper of the two, however many texts follow.
// A family whose windows a text rarely holds (hex, base64) is then seldom indexed at all.
const INDEX_COST_PER_CHAR = 16;
// Fragments compare without ASCII letter case: a client that upper-cases a token still leaks it.
// Only ASCII letters fold, so the text keeps its length and every position maps back.
function folded(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

// `Token=…`, `ClientId: …`, `"ClientSecret": "…"`: a sensitive member written out in text,
// whatever it holds, for text whose values the harness may never have seen (a crash message, a
// line a process client printed). The JSON form keeps its quotes so the text stays JSON.
const JSON_MEMBER = new RegExp(`"(${SENSITIVE_MEMBERS.join('|')}|clientId|clientSecret|token)"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
// `token` only with `=`: "invalid token: expired" is prose, `token=abc` is a value.
const ASSIGNMENT =
  /\b(?:(Token|ClientId|ClientSecret|clientId|clientSecret|client_id|client_secret)(\s*=\s*|: ?)|(token)(\s*=\s*))(?!\[redacted\])("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"',;&)}\]]+)/g;

/**
 * Replaces the value of every sensitive member written out in a text (`"Token": "..."`,
 * `Token=...`, `ClientId: ...`), whatever it holds: for lines a process client prints or crash
 * messages, whose values the harness may not know.
 * @internal
 */
export function redactSensitiveAssignments(text: string): string {
  return text
    .replace(JSON_MEMBER, (_match, key: string, colon: string) => `"${key}"${colon}"${REDACTED}"`)
    .replace(ASSIGNMENT, (match, key?: string, separator?: string, lowerKey?: string, lowerSeparator?: string, value = '') =>
      value.startsWith(`"${REDACTED}`) ? match : `${key ?? lowerKey}${separator ?? lowerSeparator}${REDACTED}`,
    );
}

/**
 * One way a value is recognised: the forms it takes (plainForms, hexForms, base64Forms), the
 * window of characters a recognisable run of them holds, how text and forms are normalised
 * before they are compared (letter case folded, base64url read as base64), and which runs of a
 * text can hold a match at all (none: every window of the text is looked at).
 */
interface Family {
  forms(value: string): string[];
  window: number;
  normalise(text: string): string;
  runs?: RegExp;
}

const FAMILIES: readonly Family[] = [
  { forms: plainForms, window: FRAGMENT_LENGTH, normalise: folded },
  { forms: hexForms, window: HEX_WINDOW, normalise: folded, runs: new RegExp(`[0-9a-fA-F]{${HEX_WINDOW},}`, 'g') },
  { forms: base64Forms, window: BASE64_WINDOW, normalise: base64Alphabet, runs: new RegExp(`[A-Za-z0-9+/_-]{${BASE64_WINDOW},}`, 'g') },
];

/** A family's forms of a value as they are compared. */
function comparedForms(family: Family, value: string): string[] {
  return family.forms(value).map(family.normalise);
}

/**
 * A set of values that must not appear in any output. Anything reported passes through
 * `redact` (text) or `redactValue` (a structure) first. Beside each whole value, every run of
 * FRAGMENT_LENGTH or more of its characters (in any ASCII letter case, forwards or reversed,
 * raw, JSON-escaped or ROT13) is redacted, and so is every run of its hex or base64 (at any
 * alignment) that stands for as many characters, in the text and in the text decoded
 * (decoded-view.ts: percent-encoding, escapes, HTML entities, invisible characters and line
 * breaks undone): a value the client cut, changed or encoded is recognised too. Invisible
 * characters left in the text are shown as escapes.
 * @public
 */
export class SensitiveValues {
  readonly #values = new Set<string>();
  /** Values whose fragments are not in the index: matched whole only. */
  readonly #wholeOnly: string[] = [];
  /** Per family (FAMILIES' order), each distinct window of its forms. */
  readonly #fragments: Array<Set<string>> = FAMILIES.map(() => new Set<string>());
  #fragmentCount = 0;
  /**
   * Per family, the compared forms of values not yet in its index (it is built lazily), each
   * with the value it came from, their characters, and the character comparisons searching
   * them directly has cost so far.
   */
  readonly #pending = FAMILIES.map(() => ({ forms: [] as string[], owners: [] as string[], chars: 0, work: 0 }));
  #chars = 0;
  readonly enabled: boolean;

  constructor(enabled = true) {
    this.enabled = enabled;
  }

  add(...values: ReadonlyArray<unknown>): void {
    if (!this.enabled) return;
    for (const value of values) {
      if (typeof value !== 'string' || value === '' || this.#values.has(value)) continue;
      if (this.#chars + value.length > MAX_VALUE_CHARS) continue;
      this.#chars += value.length;
      this.#values.add(value);
      if (value.length < FRAGMENT_LENGTH) {
        this.#wholeOnly.push(value);
        this.#wholeOnly.sort((a, b) => b.length - a.length);
        continue;
      }
      FAMILIES.forEach((family, f) => {
        const pending = this.#pending[f]!;
        for (const form of comparedForms(family, value)) {
          pending.forms.push(form);
          pending.owners.push(value);
          pending.chars += form.length;
        }
      });
    }
  }

  /** Adds the sensitive members of a request (or of any record with those member names). */
  addMembersOf(record: object): void {
    this.add(...SENSITIVE_MEMBERS.map((name) => (record as Record<string, unknown>)[name]));
  }

  /** Adds every value of another set (e.g. a case's values to the run's). */
  addAll(other: SensitiveValues): void {
    this.add(...other.#values);
  }

  get size(): number {
    return this.#values.size;
  }

  /** Moves a family's pending forms into its index; values past MAX_FRAGMENTS are matched whole instead. */
  #index(f: number): void {
    const pending = this.#pending[f]!;
    const window = FAMILIES[f]!.window;
    const set = this.#fragments[f]!;
    pending.forms.forEach((form, i) => {
      const needed = Math.max(0, form.length - window + 1);
      if (this.#fragmentCount + needed > MAX_FRAGMENTS) {
        const owner = pending.owners[i]!;
        if (!this.#wholeOnly.includes(owner)) this.#wholeOnly.push(owner);
        return;
      }
      for (let at = 0; at + window <= form.length; at += 1) set.add(form.slice(at, at + window));
      this.#fragmentCount += needed;
    });
    this.#pending[f] = { forms: [], owners: [], chars: 0, work: 0 };
    // Longest first, so a long value is marked before a shorter one inside it.
    this.#wholeOnly.sort((a, b) => b.length - a.length);
  }

  /** The text with every known value, every recognisable fragment (plain or encoded) and every written-out sensitive member replaced. */
  redact(text: string): string {
    if (!this.enabled) return text;
    if (this.#values.size === 0) return redactSensitiveAssignments(escapeInvisible(text));
    const { marks, decoded } = this.#marks(text);
    // Invisible characters are among what makes a view: without one, there are none to escape.
    const replaced = replaceMarks(text, marks);
    return redactSensitiveAssignments(decoded ? escapeInvisible(replaced) : replaced);
  }

  /**
   * Lines redacted as one text, so that a value printed a few characters per line is found,
   * and given back line for line: each line loses the characters of it that a match covers
   * (the lines it spans are all redacted), and nothing moves from one line to another.
   */
  redactLines(lines: readonly string[]): string[] {
    if (!this.enabled) return [...lines];
    if (this.#values.size === 0) return lines.map((line) => redactSensitiveAssignments(escapeInvisible(line)));
    const joined = lines.join('\n');
    const { marks } = this.#marks(joined);
    let offset = 0;
    return lines.map((line) => {
      const from = offset;
      const to = from + line.length;
      offset = to + 1;
      const own = marks.filter(([s, e]) => s < to && e > from).map(([s, e]): [number, number] => [Math.max(s, from) - from, Math.min(e, to) - from]);
      return redactSensitiveAssignments(escapeInvisible(replaceMarks(line, own)));
    });
  }

  /** The spans of a text to replace, and whether its decoded view was searched too. */
  #marks(text: string): { marks: Array<[number, number]>; decoded: boolean } {
    // Marks of the characters to remove: [start, end) pairs, merged when replaced.
    const marks: Array<[number, number]> = [];
    for (const value of this.#wholeOnly) {
      const escaped = JSON.stringify(value).slice(1, -1);
      if (value.length >= BARE_MIN_LENGTH) {
        markAll(text, value, 0, marks);
        if (escaped !== value) markAll(text, escaped, 0, marks);
      } else {
        markAll(text, `"${escaped}"`, 1, marks);
      }
    }
    this.#markFragments(text, (from, to) => marks.push([from, to]));
    // The same search in the text decoded, each match marking the text it came from.
    const view = decodedView(text);
    if (view !== undefined) this.#markFragments(view.text, (from, to) => marks.push(...textSpans(view, from, to, text)), view.seams);
    return { marks, decoded: view !== undefined };
  }

  /**
   * Calls `mark` with each window of `text` that is a fragment of a value, in any family; with
   * `seams` (a decoded view's), only the windows that hold one (the others were searched in the text).
   */
  #markFragments(text: string, mark: (from: number, to: number) => void, seams?: readonly number[]): void {
    FAMILIES.forEach((family, f) => {
      if (text.length < family.window || (this.#fragments[f]!.size === 0 && this.#pending[f]!.chars === 0)) return;
      // The stretches of the text to search: all of it, its runs of the family's alphabet, or
      // (with seams) only what holds a seam.
      const stretches: Array<[number, string]> = [];
      if (family.runs !== undefined) {
        for (const run of text.matchAll(family.runs)) {
          if (seams === undefined || seams.some((seam) => seam >= run.index && seam < run.index + run[0].length)) stretches.push([run.index, run[0]]);
        }
      } else if (seams === undefined) stretches.push([0, text]);
      else {
        // The windows around each seam, [from, to] their starts, overlapping ones merged.
        let from = -1;
        let to = -1;
        for (const seam of seams) {
          const first = Math.max(0, seam - family.window + 1);
          const last = Math.min(seam, text.length - family.window);
          if (last < first) continue;
          if (from >= 0 && first <= to + 1) {
            to = Math.max(to, last);
            continue;
          }
          if (from >= 0) stretches.push([from, text.slice(from, to + family.window)]);
          from = first;
          to = last;
        }
        if (from >= 0) stretches.push([from, text.slice(from, to + family.window)]);
      }
      const windows = stretches.reduce((n, [, stretch]) => n + Math.max(0, stretch.length - family.window + 1), 0);
      if (windows === 0) return;
      const pending = this.#pending[f]!;
      if (pending.chars > 0) {
        pending.work += windows * pending.chars;
        if (pending.work > INDEX_COST_PER_CHAR * pending.chars) this.#index(f);
      }
      const fragments = this.#fragments[f]!;
      const direct = this.#pending[f]!.forms;
      for (const [offset, stretch] of stretches) {
        const compared = family.normalise(stretch);
        for (let i = 0; i + family.window <= compared.length; i += 1) {
          const window = compared.slice(i, i + family.window);
          if (fragments.has(window) || (direct.length > 0 && direct.some((form) => form.includes(window)))) mark(offset + i, offset + i + family.window);
        }
      }
    });
  }

  /**
   * A copy of a JSON-like value with every string redacted and every sensitive member
   * (any letter case) replaced whatever it holds, walked member by member with a stack, not
   * recursion: a hostile structure may be nested far deeper than the call stack. Cycles and
   * anything past `maxNodes` are cut with a marker rather than followed.
   */
  redactValue<T>(value: T, maxNodes = 100_000): T {
    if (!this.enabled) return value;
    return walkCopy(value, maxNodes, (text) => this.redact(text), true) as T;
  }
}

function markAll(text: string, needle: string, inset: number, marks: Array<[number, number]>): void {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    marks.push([at + inset, at + needle.length - inset]);
  }
}

function replaceMarks(text: string, marks: Array<[number, number]>): string {
  if (marks.length === 0) return text;
  marks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let start = marks[0]![0];
  let end = marks[0]![1];
  for (const [s, e] of marks) {
    if (s <= end) {
      end = Math.max(end, e);
      continue;
    }
    out += text.slice(at, start) + REDACTED;
    at = end;
    start = s;
    end = e;
  }
  out += text.slice(at, start) + REDACTED + text.slice(end);
  return out;
}

/**
 * A copy of a JSON-like structure with each string passed through `text` (member names too)
 * and, when `sensitiveMembers`, each sensitive member replaced whatever it holds. Iterative and
 * bounded: an object met a second time (a cycle, or shared) becomes "[seen above]", so the copy
 * can always be serialised; nodes past `maxNodes` become "[cut]".
 * @internal
 */
export function walkCopy(value: unknown, maxNodes: number, text: (s: string) => string, sensitiveMembers: boolean): unknown {
  const root: { value?: unknown } = {};
  // Each pending entry: the source node, and where its copy goes.
  const pending: Array<{ node: unknown; into: Record<string, unknown> | unknown[]; key: string | number }> = [
    { node: value, into: root as Record<string, unknown>, key: 'value' },
  ];
  const visited = new Set<object>();
  let nodes = 0;
  while (pending.length > 0) {
    const { node, into, key } = pending.pop()!;
    const put = (copy: unknown) => {
      (into as Record<string | number, unknown>)[key] = copy;
    };
    nodes += 1;
    if (nodes > maxNodes) {
      put('[cut]');
      continue;
    }
    if (typeof node === 'string') put(text(node));
    else if (node === null || typeof node !== 'object') put(typeof node === 'function' || typeof node === 'symbol' ? String(typeof node) : node);
    else if (visited.has(node)) put('[seen above]');
    else {
      visited.add(node);
      if (Array.isArray(node)) {
        const copy: unknown[] = new Array(node.length);
        put(copy);
        for (let i = node.length - 1; i >= 0; i -= 1) pending.push({ node: node[i], into: copy, key: i });
      } else {
        const copy: Record<string, unknown> = {};
        put(copy);
        let entries: Array<[string, unknown]>;
        try {
          entries = Object.entries(node);
        } catch {
          put('[unreadable]');
          continue;
        }
        for (const [name, member] of entries.reverse()) {
          const redactedName = text(name);
          if (sensitiveMembers && isSensitiveMemberName(name) && member !== undefined && member !== null) copy[redactedName] = REDACTED;
          else pending.push({ node: member, into: copy, key: redactedName });
        }
      }
    }
  }
  return root.value;
}

/**
 * A redactor for one case of the client direction: the sensitive values it was given, and
 * whatever the client sent in those members instead (`sent`).
 * @internal
 */
export function redactorFor(params: object, enabled = true, sent: readonly string[] = []): (text: string) => string {
  const values = sensitiveValuesFor(params, enabled, sent);
  return (text) => values.redact(text);
}

/** The set behind `redactorFor`. @internal */
export function sensitiveValuesFor(params: object, enabled = true, sent: readonly string[] = []): SensitiveValues {
  const values = new SensitiveValues(enabled);
  values.addMembersOf(params);
  values.add(...sent);
  return values;
}

/**
 * The string values a JSON body holds in members whose name `wanted` accepts, at any depth. A
 * member that is wanted but holds no string is searched like any other. A body that is not JSON
 * gives none.
 * @internal
 */
export function stringMembersOfBody(body: string, wanted: (name: string) => boolean): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const found: string[] = [];
  // A stack, not recursion: a hostile client may nest its body thousands of levels deep.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) for (const item of node) pending.push(item);
    else if (node !== null && typeof node === 'object') {
      for (const [name, member] of Object.entries(node)) {
        if (typeof member === 'string' && wanted(name)) found.push(member);
        else pending.push(member);
      }
    }
  }
  return found;
}

/**
 * The string values a JSON request body holds in sensitive members, at any depth and under
 * any letter case of the member name (a client that sends `clientId` still sends a client id).
 * A body that is not JSON gives none.
 * @internal
 */
export function sensitiveMembersOfBody(body: string): string[] {
  return stringMembersOfBody(body, isSensitiveMemberName).filter((member) => member !== '');
}

/** The params with their sensitive members replaced, for structured reports. @internal */
export function redactParams(params: object, enabled = true): Record<string, unknown> {
  if (!enabled) return { ...params };
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isSensitiveMemberName(name) && typeof value === 'string' ? REDACTED : value]));
}
