import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PASSWORD, U } from './support/bench-app';
import { cannon } from './support/cannon';
import { Child, freePort, memoryOf, startChild, stopChild, waitFor200 } from './support/child';
import { webLogin } from './support/web-login';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface ProcessResult {
  /** `npm start` as a user runs it (its prestart script included), spawn to the first 200 on /health */
  npmStartMs: number;
  /** `node dist/src/main.js` directly, best of `starts` */
  coldStartMs: number;
  bareStartMs: number;
  idleRssMb: number;
  peakRssMb: number;
  loadRequests: number;
  /** responses per status code under load */
  statuses: Record<string, number>;
}

const serviceEnv = (dataDir: string): Record<string, string> => ({
  DATA_DIR: dataDir,
  DEMO_SEED: 'true',
  DEMO_PASSWORD: BENCH_PASSWORD,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  COOKIE_SECURE: 'false',
  LOGIN_LIMIT_PER_ACCOUNT: '100000',
  LOGIN_LIMIT_PER_ADDRESS: '100000',
});

/**
 * `node dist/src/main.js` on the embedded default: first boot on an empty DATA_DIR (initdb,
 * migrations, demo data; not timed), then restarts on the warm data directory timed until /health
 * answers 200, once as `npm start` (as a user runs it) and as `node dist/src/main.js`, against a bare Node HTTP server started the same way; then the peak RSS of the
 * service under 32 connections of mixed reads (API list, queue page, funds, health) and reports.
 */
export async function processBench(opts: { starts: number; loadSeconds: number }): Promise<ProcessResult> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'dbb-cold-'));
  let child: Child | null = null;
  try {
    const port = await freePort();
    const health = `http://127.0.0.1:${port}/health`;
    child = startChild([MAIN], serviceEnv(dataDir), port, ROOT);
    await waitFor200(health, child, performance.now(), 180_000);
    await stopChild(child);

    let coldStartMs = Infinity;
    for (let i = 0; i < opts.starts; i++) {
      const t = performance.now();
      child = startChild([MAIN], serviceEnv(dataDir), port, ROOT);
      coldStartMs = Math.min(coldStartMs, await waitFor200(health, child, t, 60_000));
      if (i < opts.starts - 1) await stopChild(child);
    }

    let bareStartMs = Infinity;
    const barePort = await freePort();
    for (let i = 0; i < opts.starts; i++) {
      const t = performance.now();
      const bare = startChild(['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${barePort}, '127.0.0.1')`], {}, barePort, ROOT);
      bareStartMs = Math.min(bareStartMs, await waitFor200(`http://127.0.0.1:${barePort}/`, bare, t, 10_000));
      await stopChild(bare, 'SIGKILL');
    }

    const base = `http://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 1000));
    const idle = memoryOf(child!.proc.pid!);
    const login = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: U.bh, password: BENCH_PASSWORD }),
    });
    const bh = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
    const cookie = await webLogin(base, U.bh, BENCH_PASSWORD);
    const funds = (await (await fetch(`${base}/api/v1/funds`, { headers: { authorization: bh } })).json()) as { items: { id: string }[] };
    const paths = ['/api/v1/requests?limit=50', '/queue', '/api/v1/funds', '/health', `/api/v1/reports/steering.pdf?fundId=${funds.items[0].id}`];
    const load = await cannon({
      url: base,
      connections: 32,
      seconds: opts.loadSeconds,
      headers: { authorization: bh, cookie },
      paths,
    });
    const after = memoryOf(child!.proc.pid!);
    if (load.ok === 0) throw new Error(`load on the service: nothing succeeded (${JSON.stringify(load.statuses)}, ${load.errors} errors)`);
    await stopChild(child!);
    child = null;

    // as a user runs it: `npm start` in the repository, whatever its prestart script does
    const tNpm = performance.now();
    child = startChild(['start'], serviceEnv(dataDir), port, ROOT, 'npm');
    const npmStartMs = await waitFor200(health, child, tNpm, 240_000);
    return { npmStartMs, coldStartMs, bareStartMs, idleRssMb: idle.rssMb, peakRssMb: after.peakMb, loadRequests: load.ok, statuses: load.statuses };
  } finally {
    if (child) await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
