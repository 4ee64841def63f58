/**
 * A CPU profile of the read and write paths the bench measures, split by where the time goes
 * (Express, Nest, TypeORM, pg, decimal.js, JSON, our code, GC). Not a test, not part of `npm run bench`:
 *
 *   npx ts-node --transpile-only test/bench/profile-reads.ts list|queue|approve /tmp/list.cpuprofile
 *   node test/bench/support/profile-split.js /tmp/list.cpuprofile
 *
 * Only the measured calls are profiled (node:inspector), not the boot and the seeding. The 400
 * calls come one after the other from autocannon in a worker thread (as in the bench), so the
 * profile of this thread is the service's work alone; the database is another process.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DataSource } from 'typeorm';
import { BENCH_PASSWORD, startBenchApp, U } from './support/bench-app';
import { createPostgresBenchDatabase } from './support/databases';
import { makeFunds, seedSubmittedRequests } from './support/seed';
import { cannon } from './support/cannon';
import { webLogin } from './support/web-login';

async function main(): Promise<void> {
  const db = await createPostgresBenchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const b = await startBenchApp(db.url);
  try {
    const ds = b.app.get(DataSource);
    const [fund] = await makeFunds(b, 1, '100000000.00', 'prof');
    const ids = await seedSubmittedRequests(ds, b, fund, 600, 'p');
    await ds.query('ANALYZE');
    const auth = { authorization: `Bearer ${await b.tokenFor(U.bh)}` };
    const list = `${b.baseUrl}/api/v1/requests?status=submitted&limit=50`;
    const which = process.argv[2] ?? 'list';
    const cookie = which === 'queue' ? await webLogin(b.baseUrl, U.bh, BENCH_PASSWORD) : '';
    const run = (amount: number, offset = 0) =>
      which === 'approve'
        ? cannon({
            url: b.baseUrl, connections: 1, seconds: 60, amount, method: 'POST', body: '{}',
            headers: { ...auth, 'content-type': 'application/json' },
            paths: ids.slice(offset, offset + amount).map((id) => `/api/v1/requests/${id}/approve`),
          })
        : cannon({ url: which === 'queue' ? `${b.baseUrl}/queue` : list, connections: 1, seconds: 60, amount, headers: which === 'queue' ? { cookie } : auth });
    const warm = await run(50);
    if (warm.ok !== 50) throw new Error(`warm-up: ${JSON.stringify(warm.statuses)}`);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const t = performance.now();
    const measured = await run(400, 50);
    if (measured.ok !== 400) throw new Error(`measured: ${JSON.stringify(measured.statuses)}`);
    console.log(`${which}: 400 sequential calls in ${Math.round(performance.now() - t)} ms (p50 ${measured.p50} ms, p99 ${measured.p99} ms)`);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.argv[3] ?? `${which}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  } finally {
    await b.close();
    await db.drop();
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
