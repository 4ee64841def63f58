/** Latency and throughput bookkeeping for the benchmarks. Every load loop is bounded in count and time. */

export interface LoadResult {
  ops: number;
  errors: number;
  ms: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** first few error messages, to see what went wrong */
  errorSamples: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Run `op` from `callers` concurrent loops until `maxOps` operations have started or `maxMs` has
 * passed, whichever comes first. Latency is measured per call, in milliseconds.
 */
export async function runLoad(opts: { callers: number; maxOps: number; maxMs: number; op: (i: number) => Promise<unknown> }): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.maxMs;
  const loop = async () => {
    while (next < opts.maxOps && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        await opts.op(i);
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(e instanceof Error ? e.message : String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.callers }, loop));
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    errors,
    ms,
    perSecond: (latencies.length / ms) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errorSamples,
  };
}

export const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

export function describe(r: LoadResult): string {
  return `${round(r.perSecond)}/s, p50 ${round(r.p50, 2)} ms, p99 ${round(r.p99, 2)} ms (${r.ops} ok, ${r.errors} errors in ${round(r.ms / 1000, 2)} s)`;
}
