/**
 * The HTTP approval path under the microscope: the statements one `POST /api/v1/requests/:id/approve`
 * sends to the database (counted by wrapping `pg`'s Client.query in this process, so every
 * statement of the app is seen, BEGIN and COMMIT included), and a CPU profile of sequential or
 * concurrent approvals. Not a test, not part of `npm run bench`:
 *
 *   npx ts-node --transpile-only test/bench/profile-approve.ts statements
 *   npx ts-node --transpile-only test/bench/profile-approve.ts profile /tmp/approve.cpuprofile [connections]
 *   npx ts-node --transpile-only test/bench/profile-approve.ts service /tmp/service.cpuprofile [callers]   (RequestDecisionsService.approve in-process)
 *   npx ts-node --transpile-only test/bench/profile-approve.ts explain   (the plan of the decision step's read)
 *   node test/bench/support/profile-split.js /tmp/approve.cpuprofile
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RequestDecisionsService } from '../../src/requests/request-decisions.service';
import { RequestStepRepository } from '../../src/requests/request-step.repository';
import { UsersService } from '../../src/users/users.service';
import { startBenchApp, U } from './support/bench-app';
import { createPostgresBenchDatabase } from './support/databases';
import { makeFunds, seedSubmittedRequests } from './support/seed';

interface Seen {
  text: string;
}
const seen: Seen[] = [];
let recording = false;
const original = Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(Client.prototype as any).query = function (this: Client, ...args: any[]) {
  if (recording) {
    const q = args[0] as string | { text: string };
    seen.push({ text: (typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').trim() });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).apply(this, args);
};

async function main(): Promise<void> {
  const db = await createPostgresBenchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const b = await startBenchApp(db.url);
  try {
    const ds = b.app.get(DataSource);
    const [fund] = await makeFunds(b, 1, '100000000.00', 'prof');
    const ids = await seedSubmittedRequests(ds, b, fund, 1200, 'p');
    await ds.query('ANALYZE');
    const auth = { authorization: `Bearer ${await b.tokenFor(U.bh)}`, 'content-type': 'application/json' };
    const approve = async (id: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${b.baseUrl}/api/v1/requests/${id}/approve`, { method: 'POST', headers: { ...auth, ...headers }, body: '{}' });
      if (res.status !== 200) throw new Error(`approve ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // warm-up
    for (const id of ids.slice(0, 50)) await approve(id);
    const which = process.argv[2] ?? 'statements';
    if (which === 'statements') {
      for (const [label, headers] of [['without Idempotency-Key', {}], ['with Idempotency-Key', { 'idempotency-key': 'k-profile-1' }]] as const) {
        seen.length = 0;
        recording = true;
        await approve(ids[label.startsWith('with ') ? 61 : 60], headers);
        recording = false;
        const begin = seen.findIndex((s) => /^(START TRANSACTION|BEGIN)/i.test(s.text));
        const commit = seen.findIndex((s) => /^COMMIT/i.test(s.text));
        const lock = seen.findIndex((s) => /FROM "?funds"?.*FOR UPDATE/i.test(s.text));
        console.log(`\n${label}: ${seen.length} statements in all, ${commit - begin + 1} in the transaction, ${lock >= 0 ? commit - lock : 0} under the fund lock (lock … COMMIT)`);
        seen.forEach((s, i) => console.log(`${String(i + 1).padStart(3)}${i === lock ? ' L' : '  '} ${s.text.slice(0, 170)}`));
      }
      return;
    }
    if (which === 'explain') {
      // the plan of the decision step's read (RequestStepRepository), for one request and for a group of 32
      const repo = b.app.get(RequestStepRepository) as unknown as { statement(): string };
      const year = new Date().getUTCFullYear();
      const bh = b.seeded.users[U.bh].id;
      for (const n of [1, 32]) {
        const plan: { 'QUERY PLAN': string }[] = await ds.transaction((m) =>
          m.query(`EXPLAIN (ANALYZE, BUFFERS) ${repo.statement()}`, [ids.slice(70, 70 + n), `${year}-01-01`, `${year + 1}-01-01`, [bh], fund]),
        );
        console.log(`\n${n} request(s):\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      return;
    }
    const connections = Number(process.argv[4] ?? 1);
    const todo = ids.slice(100, 1100);
    const user = which === 'service' ? await b.app.get(UsersService).findActive(b.seeded.users[U.bh].id) : null;
    const decisions = b.app.get(RequestDecisionsService);
    const call = user ? (id: string) => decisions.approve(user, id) : (id: string) => approve(id);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const t = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (next < todo.length) await call(todo[next++]);
    }));
    const ms = performance.now() - t;
    console.log(`${which}: ${todo.length} calls on ${connections} connection(s) in ${Math.round(ms)} ms (${Math.round((todo.length / ms) * 1000)}/s)`);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.argv[3] ?? 'approve.cpuprofile', JSON.stringify(profile));
    session.disconnect();
  } finally {
    await b.close();
    await db.drop();
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
