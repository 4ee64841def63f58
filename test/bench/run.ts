/**
 * npm run bench — performance figures, each beside a baseline measured in the same run on the same
 * database, as a table and as test/bench/results.json. Not a test: nothing here fails the build.
 *
 *   BENCH_DATABASE_URL  PostgreSQL to create the bench database on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   --only=a,b          run only these groups: pg-ledger, pg-http, pg-reads, pg-report, embedded, process
 *
 * The process figures use dist/: run `npm run build` first.
 */
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hotFundHttp, readsBench } from './http-bench';
import { approvalsBench, ledgerBench } from './ledger-bench';
import { processBench } from './process-bench';
import { reportBench, ReportResult } from './report-bench';
import { startBenchApp } from './support/bench-app';
import { BenchDatabase, createEmbeddedBenchDatabase, createPostgresBenchDatabase } from './support/databases';
import { round } from './support/stats';

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: string;
  met: boolean;
}

const rows: (Row & { baselineLabel: string; detail: string })[] = [];
function add(row: Row, baselineLabel: string, detail: string): void {
  rows.push({ ...row, value: round(row.value), baseline: round(row.baseline), ratio: round(row.ratio, 2), baselineLabel, detail });
  console.log(`  ${row.met ? 'met   ' : 'MISSED'} ${row.name}: ${round(row.value)} ${row.unit} vs ${round(row.baseline)} (${baselineLabel}), ratio ${round(row.ratio, 2)}, target ${row.target}${detail ? ` — ${detail}` : ''}`);
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (group: string) => !only || only.includes(group);
const ms = (x: number) => `${round(x, 1)} ms`;

async function withApp<T>(db: BenchDatabase, work: (b: Awaited<ReturnType<typeof startBenchApp>>) => Promise<T>): Promise<T> {
  const b = await startBenchApp(db.url);
  try {
    return await work(b);
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`Doorbraakbudget benchmarks on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average ${load()}`);
  let pgHot = NaN;
  let pgReport: ReportResult | null = null;

  if (['pg-ledger', 'pg-http', 'pg-reads', 'pg-report'].some(want)) {
    console.log(`\nPostgreSQL (${base.replace(/\/\/[^@]*@/, '//')}):`);
    const db = await createPostgresBenchDatabase(base);
    try {
      await withApp(db, async (b) => {
        if (want('pg-ledger')) {
          const hot = await ledgerBench(b, db.url, { funds: 1, maxOps: 4000, maxMs: 6000, rounds: 2, tag: 'hot', oneShot: true });
          pgHot = hot.service.perSecond;
          const one = hot.oneShot!;
          add(
            { name: 'hot-fund-service', value: hot.service.perSecond, unit: 'approvals/s', baseline: one.perSecond, ratio: hot.service.perSecond / one.perSecond, target: 'ratio ≥ 0.5 (moonshot ≥ 1.5)', met: hot.service.perSecond / one.perSecond >= 0.5 },
            'one-shot SQL: the whole approval in one PL/pgSQL call',
            `LedgerService.reserve, 32 callers, 1 fund: p50 ${ms(hot.service.p50)}, p99 ${ms(hot.service.p99)}; one-shot p50 ${ms(one.p50)}, p99 ${ms(one.p99)}`,
          );
          add(
            { name: 'hot-fund-service-vs-interactive', value: hot.service.perSecond, unit: 'approvals/s', baseline: hot.raw.perSecond, ratio: hot.service.perSecond / hot.raw.perSecond, target: 'ratio ≥ 0.5', met: hot.service.perSecond / hot.raw.perSecond >= 0.5 },
            'raw pg, same interactive writes and locks (the old baseline)',
            `raw p50 ${ms(hot.raw.p50)}, p99 ${ms(hot.raw.p99)}`,
          );
          const ap = await approvalsBench(b, { maxOps: 3000, maxMs: 6000, rounds: 2, tag: 'hot' });
          add(
            { name: 'hot-fund-approvals', value: ap.grouped.perSecond, unit: 'approvals/s', baseline: one.perSecond, ratio: ap.grouped.perSecond / one.perSecond, target: 'ratio ≥ 1.5 (moonshot: group commit)', met: ap.grouped.perSecond / one.perSecond >= 1.5 },
            'one-shot SQL: the whole approval in one PL/pgSQL call',
            `RequestDecisionsService.approve (access check, decision step, answer DTO), 32 callers, 1 fund, group commit: p50 ${ms(ap.grouped.p50)}, p99 ${ms(ap.grouped.p99)}, ${round(ap.statementsPerApproval, 2)} statements per approval`,
          );
          add(
            { name: 'hot-fund-approvals-alone', value: ap.alone.perSecond, unit: 'approvals/s', baseline: one.perSecond, ratio: ap.alone.perSecond / one.perSecond, target: 'ratio ≥ 0.5', met: ap.alone.perSecond / one.perSecond >= 0.5 },
            'one-shot SQL: the whole approval in one PL/pgSQL call',
            `the same, each approval in a transaction of its own (as with an Idempotency-Key): p50 ${ms(ap.alone.p50)}, p99 ${ms(ap.alone.p99)}, ${round(ap.statementsPerApprovalAlone, 2)} statements per approval`,
          );
          const spread = await ledgerBench(b, db.url, { funds: 100, maxOps: 4000, maxMs: 6000, rounds: 2, tag: 'spread' });
          add(
            { name: 'spread-funds', value: spread.service.perSecond, unit: 'approvals/s', baseline: spread.raw.perSecond, ratio: spread.service.perSecond / spread.raw.perSecond, target: 'ratio ≥ 0.35', met: spread.service.perSecond / spread.raw.perSecond >= 0.35 },
            'raw pg, same writes and locks',
            `100 funds: p50 ${ms(spread.service.p50)}, p99 ${ms(spread.service.p99)}; raw p50 ${ms(spread.raw.p50)}, p99 ${ms(spread.raw.p99)}`,
          );
        }
        if (want('pg-http')) {
          const h = await hotFundHttp(b, db.url, { requests: 2500, seconds: 12 });
          add(
            { name: 'hot-fund-http', value: h.http.perSecond, unit: 'approvals/s', baseline: h.raw.perSecond, ratio: h.http.perSecond / h.raw.perSecond, target: 'ratio ≥ 0.5', met: h.http.perSecond / h.raw.perSecond >= 0.5 },
            'raw pg, the approve use case’s writes',
            `POST …/approve, autocannon 32 connections, ${h.http.ok} approvals, ${round(h.statementsPerApproval, 2)} statements per approval (the token's user lookup included): p50 ${ms(h.http.p50)}, p99 ${ms(h.http.p99)}; raw p50 ${ms(h.raw.p50)}, p99 ${ms(h.raw.p99)}`,
          );
        }
        if (want('pg-reads')) {
          const r = await readsBench(b, { seconds: 5 });
          const ratio = r.list.perSecond / r.health.perSecond;
          add(
            { name: 'reads-api', value: r.list.perSecond, unit: 'req/s', baseline: r.health.perSecond, ratio, target: 'ratio ≥ 0.25, p99 ≤ 15 ms', met: ratio >= 0.25 && r.list.p99 <= 15 },
            'GET /health, same app',
            `GET /api/v1/requests?status=submitted (${r.items} items), 32 connections: p50 ${ms(r.list.p50)}, p99 ${ms(r.list.p99)}; 1 connection: p99 ${ms(r.listSingle.p99)}; /health p99 ${ms(r.health.p99)}`,
          );
          const qr = r.queue.perSecond / r.health.perSecond;
          add(
            { name: 'reads-queue-page', value: r.queue.perSecond, unit: 'req/s', baseline: r.health.perSecond, ratio: qr, target: 'ratio ≥ 0.25', met: qr >= 0.25 },
            'GET /health, same app',
            `GET /queue (budget holder's queue page, session cookie), 32 connections: p50 ${ms(r.queue.p50)}, p99 ${ms(r.queue.p99)}`,
          );
        }
        if (want('pg-report')) {
          const rep = await reportBench(b, { runs: 2, withLoad: true, serviceUrl: db.url });
          pgReport = rep;
          add(
            { name: 'report-10k', value: rep.totalMs, unit: 'ms', baseline: rep.dataMs + rep.bareMs, ratio: rep.totalMs / (rep.dataMs + rep.bareMs), target: '≤ 2000 ms and ≤ 40 pages', met: rep.totalMs <= 2000 && rep.pages <= 40 },
            'our data queries + bare pdfkit',
            `GET /api/v1/reports/steering.pdf, ${rep.seed.requests} requests, ${rep.seed.entries} entries (seeded in ${ms(rep.seed.ms)}), ${rep.pages} pages, ${Math.round(rep.bytes / 1024)} kB: data ${ms(rep.dataMs)}, model ${ms(rep.modelMs)}, render ${ms(rep.renderMs)}; event loop blocked at most ${ms(rep.loopMaxMs)}`,
          );
          if (rep.service) {
            const svc = rep.service;
            add(
              { name: 'report-peak-rss', value: svc.peakMb, unit: 'MB', baseline: svc.idleMb, ratio: svc.peakMb / svc.idleMb, target: '≤ 400 MB', met: svc.peakMb <= 400 },
              'RSS of the idle service',
              `peak resident memory of the built service in its own process (node dist/src/main.js, production; its report worker thread renders) while it produced ${svc.reports} steering reports, sampled every 10 ms; fastest ${ms(svc.totalMs)}; the bench process itself (service, seed and load generator in one) went from ${round(rep.rssBeforeMb)} to ${round(rep.peakRssMb)} MB`,
            );
          }
          add(
            { name: 'report-vs-pdfkit', value: rep.renderMs, unit: 'ms', baseline: rep.bareMs, ratio: rep.bareMs / rep.renderMs, target: 'bare/ours ≥ 0.8', met: rep.bareMs / rep.renderMs >= 0.8 },
            'bare pdfkit, same tables and model',
            'renderSteeringReportPdf against a script that draws the same tables with the same fonts',
          );
          add(
            { name: 'report-api-p99', value: rep.p99During!, unit: 'ms', baseline: rep.p99Alone!, ratio: rep.p99During! / rep.p99Alone!, target: 'ratio ≤ 2', met: rep.p99During! / rep.p99Alone! <= 2 },
            'API p99 without reports',
            `GET /api/v1/requests, 4 connections, p99 while ${rep.reportsDuring} steering reports rendered one after the other`,
          );
        }
      });
    } finally {
      await db.drop();
    }
  }

  if (want('embedded')) {
    console.log('\nEmbedded PGlite (in this process, durable data directory):');
    const db = await createEmbeddedBenchDatabase();
    try {
      await withApp(db, async (b) => {
        const hot = await ledgerBench(b, db.url, { funds: 1, maxOps: 2000, maxMs: 6000, rounds: 1, tag: 'hot' });
        const vsPg = Number.isFinite(pgHot) ? hot.service.perSecond / pgHot : NaN;
        add(
          { name: 'embedded-approvals', value: hot.service.perSecond, unit: 'approvals/s', baseline: pgHot, ratio: vsPg, target: 'ratio ≥ 0.5', met: vsPg >= 0.5 },
          'LedgerService.reserve on PostgreSQL',
          `hot fund, 32 callers: p50 ${ms(hot.service.p50)}, p99 ${ms(hot.service.p99)}; raw pg on PGlite ${round(hot.raw.perSecond)}/s`,
        );
        const rep = await reportBench(b, { runs: 1, withLoad: false });
        const pgMs = (pgReport as ReportResult | null)?.totalMs ?? NaN;
        add(
          { name: 'embedded-report', value: rep.totalMs, unit: 'ms', baseline: pgMs, ratio: rep.totalMs / pgMs, target: '≤ 3× PostgreSQL', met: rep.totalMs / pgMs <= 3 },
          'the same report on PostgreSQL',
          `data ${ms(rep.dataMs)}, model ${ms(rep.modelMs)}, render ${ms(rep.renderMs)}; seeded in ${ms(rep.seed.ms)}`,
        );
      });
    } finally {
      await db.drop();
    }
  }

  if (want('process')) {
    console.log('\nThe service as a process (node dist/src/main.js, embedded, warm DATA_DIR):');
    const p = await processBench({ starts: 2, loadSeconds: 8 });
    add(
      { name: 'cold-start', value: p.npmStartMs, unit: 'ms', baseline: p.bareStartMs, ratio: p.npmStartMs / p.bareStartMs, target: '≤ 5000 ms', met: p.npmStartMs <= 5000 },
      'bare node HTTP server, start to 200',
      `\`npm start\` (with its prestart script) to first 200 on /health on a warm DATA_DIR; \`node dist/src/main.js\` alone: ${ms(p.coldStartMs)} (best of 2)`,
    );
    add(
      { name: 'peak-rss', value: p.peakRssMb, unit: 'MB', baseline: p.idleRssMb, ratio: p.peakRssMb / p.idleRssMb, target: '≤ 300 MB', met: p.peakRssMb <= 300 },
      'idle RSS after boot',
      `VmHWM after ${p.loadRequests} requests at 32 connections (API list, queue page, funds, health, steering PDF); statuses ${JSON.stringify(p.statuses)}`,
    );
  }

  const file = join(__dirname, 'results.json');
  writeFileSync(file, JSON.stringify(rows.map(({ name, value, unit, baseline, ratio, target, met }) => ({ name, value, unit, baseline, ratio, target, met })), null, 2) + '\n');
  console.log(`\n| figure | value | baseline | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |`);
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.value} ${r.unit} | ${r.baseline} (${r.baselineLabel}) | ${r.ratio} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`);
  }
  console.log(`\nwritten to ${file}; ${Math.round((Date.now() - started) / 1000)} s in all; load average at the end ${load()}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
