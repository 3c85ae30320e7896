// Medians with spread, and a baseline measured in the same run: figures are ratios, never timed assertions.
export interface Figure {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export async function measure(
  name: string,
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<Figure> {
  await fn(); // warm-up: module loading and JIT are not what is measured
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    maxMs: times.at(-1)!,
    runs,
  };
}

export function row(f: Figure, baseline?: Figure): string {
  const ratio = baseline ? `${(f.medianMs / baseline.medianMs).toFixed(1)}×` : '1×';
  return (
    `| ${f.name} | ${f.medianMs.toFixed(1)} | ${f.minMs.toFixed(1)}–${f.maxMs.toFixed(1)} | ` +
    `${ratio} | ${f.runs} |`
  );
}

export const HEADER =
  '| what | median ms | spread (min–max) | ratio to baseline | runs |\n|---|---|---|---|---|';

/** Several contenders measured in rounds, each round running every one once (the order rotating), so a
 * shared machine's slow and fast phases fall on all of them alike. `ratios[i]`: per round, the first
 * contender's time over contender i's (the first is the baseline). */
export async function measureRounds(
  runs: number,
  contenders: { name: string; fn: () => Promise<unknown> }[],
): Promise<{ figures: Figure[]; ratios: number[][] }> {
  for (const c of contenders) await c.fn(); // warm-up
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      const t0 = performance.now();
      await contenders[i]!.fn();
      times[i]!.push(performance.now() - t0);
    }
  }
  const ratios = times.map((ts) => ts.map((t, r) => times[0]![r]! / t).sort((a, b) => a - b));
  const figures = contenders.map((c, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return { name: c.name, medianMs: median(sorted), minMs: sorted[0]!, maxMs: sorted.at(-1)!, runs };
  });
  return { figures, ratios };
}

export function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
