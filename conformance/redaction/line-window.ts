/**
 * A stream of lines (a sandboxed client's console output) shown line by line, each redacted
 * together with its neighbours: a client that prints a value a few characters per line leaves
 * no line that is recognisable alone. A line is shown once LINE_CONTEXT_CHARS characters of the
 * lines after it have arrived, or when the stream is flushed (at the end of a case and of the
 * stream): so a value is recognised when it is spread over at most that many characters, and
 * the lines it spans all lose their part of it.
 */

/** Characters of the lines on each side a line is redacted with. @internal */
export const LINE_CONTEXT_CHARS = 256;
// Lines held back at most, whatever their length (empty lines hold no characters).
const MAX_HELD_LINES = 256;
// An unfinished line longer than this is shown as it stands.
const MAX_PARTIAL_CHARS = 64 * 1024;

export class LineWindow {
  /** Lines already shown, kept as the context of the next ones. */
  #before: string[] = [];
  /** Lines not yet shown. */
  #held: string[] = [];
  #heldChars = 0;
  /** Written text after the last line break. */
  #partial = '';

  /** `show(lines, at)`: show line `at` of `lines`, redacted with the others around it. */
  constructor(private readonly show: (lines: readonly string[], at: number) => void) {}

  push(line: string): void {
    this.#held.push(line);
    this.#heldChars += line.length;
    while (this.#held.length > 0 && (this.#heldChars - this.#held[0]!.length >= LINE_CONTEXT_CHARS || this.#held.length > MAX_HELD_LINES)) this.#showFirst();
  }

  /** Text as written, not yet cut into lines: complete lines are pushed, the rest waits for its line break (or a flush). */
  write(text: string): void {
    const lines = (this.#partial + text).split(/\r?\n/);
    this.#partial = lines.pop()!;
    for (const line of lines) this.push(line);
    // A line that never ends is shown in pieces rather than held without bound.
    if (this.#partial.length > MAX_PARTIAL_CHARS) {
      this.push(this.#partial);
      this.#partial = '';
    }
  }

  /** Shows every held line now, and an unfinished one. */
  flush(): void {
    if (this.#partial !== '') {
      this.push(this.#partial);
      this.#partial = '';
    }
    while (this.#held.length > 0) this.#showFirst();
  }

  #showFirst(): void {
    this.show([...this.#before, ...this.#held], this.#before.length);
    const line = this.#held.shift()!;
    this.#heldChars -= line.length;
    this.#before.push(line);
    let kept = this.#before.reduce((n, l) => n + l.length, 0);
    while (this.#before.length > 1 && kept - this.#before[0]!.length >= LINE_CONTEXT_CHARS) kept -= this.#before.shift()!.length;
    if (this.#before.length > MAX_HELD_LINES) this.#before.shift();
  }
}
