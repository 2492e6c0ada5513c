/** Edits (insert, delete, substitute) between two words, case ignored. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The known words closest to a mistyped one, nearest first: those within a third of the word's
 * length in edits (at least one), whole or in their first part (a fixture id typed in part,
 * with a slip), and those that contain the word. At most `limit`, so the hint stays one line.
 */
export function closeMatches(word: string, known: readonly string[], limit = 5): string[] {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return known
    .map((candidate) => {
      const whole = editDistance(word, candidate);
      const prefix = candidate.length > word.length ? editDistance(word, candidate.slice(0, word.length)) : whole;
      const contains = lower.length >= 3 && candidate.toLowerCase().includes(lower);
      // Whole-word matches rank before prefix and containment ones.
      return {
        candidate,
        rank: whole <= allowed ? whole : Math.min(prefix, contains ? 0 : Number.POSITIVE_INFINITY) + allowed + 1,
        ok: whole <= allowed || prefix <= allowed || contains,
      };
    })
    .filter((m) => m.ok)
    .sort((a, b) => a.rank - b.rank || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((m) => m.candidate);
}
