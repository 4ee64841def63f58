import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { readSnapshot } from '../../src/reports/report-files';
import { reportPeriod } from '../../src/reports/report-period';
import { ReportFundsReadModel } from '../../src/reports/report-funds.read-model';
import { SteeringReportDataService } from '../../src/reports/steering/steering-report-data.service';
import { buildSteeringReportModel } from '../../src/reports/steering/steering-report.model';
import { renderSteeringReportPdf } from '../../src/reports/steering/steering-report.renderer';
import { renderBare } from './support/bare-pdfkit';
import type { BenchApp } from './support/bench-app';
import { BENCH_PASSWORD, U } from './support/bench-app';
import { cannon } from './support/cannon';
import { ReportSeed, seedReportFund } from './support/report-seed';
import { makeFunds } from './support/seed';
import { freePort, startChild, stopChild, waitFor200 } from './support/child';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const YEAR = new Date().getUTCFullYear();

export interface ReportResult {
  seed: ReportSeed;
  /** GET /api/v1/reports/steering.pdf, best of the timed runs */
  totalMs: number;
  bytes: number;
  dataMs: number;
  modelMs: number;
  renderMs: number;
  bareMs: number;
  p99Alone?: number;
  p99During?: number;
  reportsDuring?: number;
  /** the longest the event loop was blocked while one report was produced */
  loopMaxMs: number;
  /** pages of the PDF */
  pages: number;
  /**
   * Resident memory of the process that renders (steering reports over 300 requests render in a
   * worker thread of the service, so that is this process): before the timed runs and the peak
   * during them, sampled every 10 ms.
   */
  rssBeforeMb: number;
  peakRssMb: number;
  /** the same report from the built service in its own process (`node dist/src/main.js`), when `serviceUrl` was given */
  service?: ServiceReportMemory;
}

export interface ServiceReportMemory {
  /** RSS of the service after boot, a login and one small API call */
  idleMb: number;
  /** peak RSS of the service process (main and report worker thread) while it produced the reports, sampled every 10 ms */
  peakMb: number;
  /** the fastest of the reports, spawn excluded */
  totalMs: number;
  reports: number;
}

async function timeMs<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await work();
  return [performance.now() - t, out];
}

/**
 * The steering PDF over one fund with 10,000 requests and 100,000 journal entries: end to end over
 * HTTP, split into data / model / render in process, the renderer against a bare pdfkit script
 * drawing the same tables from the same model, and (with `withLoad`) the API's p99 while reports render.
 */
export async function reportBench(
  b: BenchApp,
  opts: { runs: number; withLoad: boolean; requests?: number; /** the bench database, for the service-process figure */ serviceUrl?: string },
): Promise<ReportResult> {
  const ds = b.app.get(DataSource);
  const [fundId] = await makeFunds(b, 1, '900000000.00', 'report');
  const seed = await seedReportFund(ds, b, fundId, YEAR, opts.requests);
  const token = await b.tokenFor(U.sg);
  const url = `${b.baseUrl}/api/v1/reports/steering.pdf?fundId=${fundId}&from=${YEAR}-01-01&to=${YEAR}-12-31`;
  const fetchReport = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`report: ${res.status} ${bytes.subarray(0, 300).toString()}`);
    // pdfkit writes no object streams, so every page object is visible in the file
    pages = (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    return bytes.length;
  };
  let pages = 0;
  await fetchReport(); // warm-up
  let totalMs = Infinity;
  let bytes = 0;
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let peakRssMb = rssBeforeMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
  }, 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  for (let i = 0; i < opts.runs; i++) {
    const [ms, n] = await timeMs(fetchReport);
    totalMs = Math.min(totalMs, ms);
    bytes = n;
  }
  loop.disable();
  clearInterval(sampler);
  const loopMaxMs = loop.max / 1e6;

  const tx = b.app.get(TransactionRunner);
  const steering = b.app.get(SteeringReportDataService);
  const repo = b.app.get(ReportFundsReadModel);
  const [dataMs, data] = await timeMs(() =>
    readSnapshot(tx, repo, async () => steering.gather(await steering.funds(fundId), reportPeriod(`${YEAR}-01-01`, `${YEAR}-12-31`), 'nl')),
  );
  const [modelMs, model] = await timeMs(async () => buildSteeringReportModel(data));
  let renderMs = Infinity;
  let bareMs = Infinity;
  for (let i = 0; i < Math.max(2, opts.runs); i++) {
    bareMs = Math.min(bareMs, (await timeMs(() => renderBare(model)))[0]);
    renderMs = Math.min(renderMs, (await timeMs(() => renderSteeringReportPdf(model)))[0]);
  }
  const result: ReportResult = { seed, totalMs, bytes, dataMs, modelMs, renderMs, bareMs, loopMaxMs, pages, rssBeforeMb, peakRssMb };
  if (opts.withLoad) {
    // the window covers at least two whole reports, so that requests waiting on a render are counted
    const seconds = Math.min(30, Math.max(6, Math.ceil((2 * totalMs) / 1000) + 2));
    const list = { url: `${b.baseUrl}/api/v1/requests?status=submitted&limit=50`, connections: 4, seconds, headers: { authorization: `Bearer ${await b.tokenFor(U.bh)}` } };
    const alone = await cannon(list);
    let reports = 0;
    const until = performance.now() + (seconds - 1) * 1000;
    const during = cannon(list);
    while (performance.now() + totalMs < until) {
      await fetchReport();
      reports++;
    }
    const loaded = await during;
    Object.assign(result, { p99Alone: alone.p99, p99During: loaded.p99, reportsDuring: reports });
  }
  if (opts.serviceUrl) result.service = await serviceReportMemory(opts.serviceUrl, fundId, Math.max(2, opts.runs));
  return result;
}

const rssMbOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * The memory the issue asks about: the built service (`node dist/src/main.js`, production mode, as
 * a municipality runs it) in a process of its own against the bench database, asked for the same
 * steering PDF over HTTP. The in-process figure above also holds the bench, its seed and its load
 * generator; this one is the service alone.
 */
export async function serviceReportMemory(databaseUrl: string, fundId: string, runs: number, extraEnv: Record<string, string> = {}): Promise<ServiceReportMemory> {
  const root = resolve(__dirname, '../..');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dbb-bench-service-'));
  const child = startChild([join(root, 'dist/src/main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'bench-session-secret-that-is-long-enough-1234',
    COOKIE_SECURE: 'false',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    DATA_DIR: dataDir,
    ...extraEnv,
  }, port, root);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${base}/health`, child, performance.now(), 60_000);
    const login = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: U.sg, password: BENCH_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`service login: ${login.status} ${await login.text()}`);
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    await fetch(`${base}/api/v1/funds`, { headers }).then((r) => r.arrayBuffer());
    const pid = child.proc.pid!;
    const idleMb = rssMbOf(pid);
    let peakMb = idleMb;
    const sampler = setInterval(() => {
      try {
        peakMb = Math.max(peakMb, rssMbOf(pid));
      } catch {
        /* exited */
      }
    }, 10);
    let totalMs = Infinity;
    try {
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = await fetch(`${base}/api/v1/reports/steering.pdf?fundId=${fundId}&from=${YEAR}-01-01&to=${YEAR}-12-31`, { headers });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`service report: ${res.status} ${bytes.subarray(0, 300).toString()}`);
        totalMs = Math.min(totalMs, performance.now() - t);
      }
    } finally {
      clearInterval(sampler);
    }
    return { idleMb, peakMb, totalMs, reports: runs };
  } finally {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
