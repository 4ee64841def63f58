import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CannonResult {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** responses per status code */
  statuses: Record<string, number>;
}

/**
 * autocannon against one route for `seconds`, or for `amount` requests when given (then keep the
 * amount small enough to finish in time: a worker-mode run cannot be stopped early).
 */
export function cannon(opts: {
  url: string;
  connections: number;
  seconds: number;
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** the paths to request, in turn (e.g. distinct ids to approve) */
  paths?: string[];
}): Promise<CannonResult> {
  // The load generator runs in a worker thread, so that it does not share the event loop with the
  // application under test (which runs in this process); paths go to it through a file.
  let dir: string | null = null;
  if (opts.paths) {
    dir = mkdtempSync(join(tmpdir(), 'dbb-cannon-'));
    process.env.BENCH_PATHS_FILE = join(dir, 'paths.json');
    writeFileSync(process.env.BENCH_PATHS_FILE, JSON.stringify(opts.paths));
  }
  return new Promise<CannonResult>((resolve, reject) => {
    autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        amount: opts.amount,
        timeout: 30,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        body: opts.body,
        workers: 1,
        requests: opts.paths ? [{ setupRequest: join(__dirname, 'path-cycler.js') as unknown as undefined }] : undefined,
      },
      (err, r) => {
        if (err) return reject(err);
        // r.duration is whole seconds in worker mode; start and finish are exact
        const seconds = r.finish && r.start ? (new Date(r.finish).getTime() - new Date(r.start).getTime()) / 1000 : r.duration;
        resolve({
          ok: r['2xx'],
          non2xx: r.non2xx,
          errors: r.errors + r.timeouts,
          seconds,
          perSecond: r['2xx'] / seconds,
          p50: r.latency.p50,
          p99: r.latency.p99,
          statuses: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count])),
        });
      },
    );
  }).finally(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
