/** Splits a stream into lines, and calls `onOverflow` if a line grows past `max` characters. */
export function lineSplitter(onLine: (line: string) => void, max: number, onOverflow: () => void) {
  let buffer = '';
  let overflowed = false;
  return {
    push(chunk: string) {
      if (overflowed) return;
      buffer += chunk;
      for (let newline = buffer.indexOf('\n'); newline !== -1; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        onLine(line);
      }
      if (buffer.length > max) {
        overflowed = true;
        buffer = '';
        onOverflow();
      }
    },
    end() {
      if (buffer !== '' && !overflowed) onLine(buffer.replace(/\r$/, ''));
      buffer = '';
    },
  };
}
