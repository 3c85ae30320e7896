// Medians with spread, and a baseline measured in the same run: figures are ratios, never timed assertions.
export interface Figure {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<Figure> {
  await fn(); // warm-up: module loading and JIT are not what is measured
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times.at(-1)!, runs };
}

export function row(f: Figure, baseline?: Figure): string {
  const ratio = baseline ? `${(f.medianMs / baseline.medianMs).toFixed(1)}×` : '1×';
  return `| ${f.name} | ${f.medianMs.toFixed(1)} | ${f.minMs.toFixed(1)}–${f.maxMs.toFixed(1)} | ${ratio} | ${f.runs} |`;
}

export const HEADER = '| what | median ms | spread (min–max) | ratio to baseline | runs |\n|---|---|---|---|---|';
