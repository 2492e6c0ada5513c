/**
 * Times several variants of one job in the same run, interleaved round by round so that
 * whatever else the machine is doing weighs on each alike, and reports the median per round.
 */
export async function compare(
  variants: Record<string, () => Promise<void> | void>,
  options: { rounds: number; iterations: number; warmup: number },
): Promise<Record<string, number>> {
  const names = Object.keys(variants);
  for (const name of names) for (let i = 0; i < options.warmup; i += 1) await variants[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const name of names) {
      const job = variants[name]!;
      const started = performance.now();
      for (let i = 0; i < options.iterations; i += 1) await job();
      samples[name]!.push((performance.now() - started) / options.iterations);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
