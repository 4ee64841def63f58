/**
 * A CPU profile of the read and write paths the bench measures, split by where the time goes
 * (Express, Nest, TypeORM, pg, decimal.js, JSON, our code, GC). Not a test, not part of `npm run bench`:
 *
 *   npx ts-node --transpile-only test/bench/profile-reads.ts list|approve /tmp/list.cpuprofile
 *   node test/bench/support/profile-split.js /tmp/list.cpuprofile
 *
 * Only the measured calls are profiled (node:inspector), not the boot and the seeding.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DataSource } from 'typeorm';
import { startBenchApp, U } from './support/bench-app';
import { createPostgresBenchDatabase } from './support/databases';
import { makeFunds, seedSubmittedRequests } from './support/seed';

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
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const t = performance.now();
    if (which === 'list') {
      for (let i = 0; i < 400; i++) await (await fetch(list, { headers: auth })).arrayBuffer();
    } else {
      for (const id of ids.slice(0, 400)) {
        const res = await fetch(`${b.baseUrl}/api/v1/requests/${id}/approve`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
        if (res.status !== 200) throw new Error(`approve ${res.status}`);
      }
    }
    console.log(`${which}: 400 sequential calls in ${Math.round(performance.now() - t)} ms`);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.argv[3] ?? `${which}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  } finally {
    await b.close();
    await db.drop();
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
