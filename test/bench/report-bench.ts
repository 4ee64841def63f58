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
import { U } from './support/bench-app';
import { cannon } from './support/cannon';
import { ReportSeed, seedReportFund } from './support/report-seed';
import { makeFunds } from './support/seed';

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
export async function reportBench(b: BenchApp, opts: { runs: number; withLoad: boolean; requests?: number }): Promise<ReportResult> {
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
  return result;
}
