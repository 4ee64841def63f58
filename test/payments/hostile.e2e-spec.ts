import fc from 'fast-check';
import { Client as Pg } from 'pg';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { Body, hostileBody, hostileQuery, hostileSegment } from '../reliability/support/hostile';
import { camt053 } from './camt';
import { approvedWithPayee, DEBTOR } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

interface Endpoint {
  method: 'POST' | 'PUT';
  path: string;
  template: Record<string, unknown>;
  ids?: string[];
}

/**
 * Property-based fuzzing of the payment write endpoints (body, path and query), as
 * test/reliability/hostile-input does for the others: a success or a 4xx problem, never a 5xx,
 * and a refused request moves no money and writes no batch, statement or payee row.
 */
describe('hostile input on the payment endpoints', () => {
  let t: TestApp;
  let pg: Pg;
  let endpoints: Endpoint[];
  const actors = [U.admin, U.bh, U.pro, null] as const;

  beforeAll(async () => {
    t = await startTestApp();
    pg = new Pg({ connectionString: t.db.url });
    await pg.connect();
    const fund = await makeFund(t, { budget: '100000.00', rules: { personCapPerYear: '1000000.00' } });
    const kase = await makeCase(t);
    const requests: string[] = [];
    for (let i = 0; i < 4; i++) requests.push(await approvedWithPayee(t, kase.id, fund, { amount: '400.00' }));
    const batch = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: requests[0] }, { requestId: requests[1] }] } }), 201).body;
    const xml = camt053({ statementId: 'FUZZ-1', entries: [{ amount: '400.00', endToEndId: batch.items[0].endToEndId }, { amount: '1.00', endToEndId: 'X' }] });
    const statement = ok(await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } }), 201).body.statements[0];
    const lines = statement.lines.map((l: { id: string }) => l.id);
    endpoints = [
      { method: 'PUT', path: '/api/v1/requests/:id/payee-account', template: { name: 'NS Reizigers', iban: 'NL20INGB0001234567' }, ids: requests },
      { method: 'POST', path: '/api/v1/payment-batches', template: { ...DEBTOR, executionDate: '2026-12-05', items: [{ requestId: requests[2], amount: '10.00', currency: 'EUR' }] } },
      { method: 'POST', path: '/api/v1/payment-batches/:id/cancel', template: {}, ids: [batch.id] },
      { method: 'POST', path: '/api/v1/payment-batches/:id/confirm', template: {}, ids: [batch.id] },
      { method: 'POST', path: '/api/v1/bank-statements', template: { xml: camt053({ statementId: 'FUZZ-2', entries: [{ amount: '400.00', endToEndId: batch.items[1].endToEndId }] }) } },
      { method: 'POST', path: '/api/v1/bank-statement-lines/:id/resolve', template: { action: 'dismissed', note: 'gebeld met de bank' }, ids: lines },
    ];
  });

  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  async function snapshot(): Promise<string> {
    const a = await pg.query(`SELECT string_agg(id || '=' || balance, ',' ORDER BY id) AS s FROM ledger_accounts`);
    const f = await pg.query(`SELECT string_agg(id || '=' || chain_seq, ',' ORDER BY id) AS s FROM funds`);
    const c = await pg.query(
      `SELECT (SELECT count(*) FROM payments) || '/' || (SELECT count(*) FROM payment_batches) || '/' || (SELECT count(*) FROM bank_statements)
              || '/' || (SELECT string_agg(request_id || iban, ',' ORDER BY request_id) FROM payee_accounts)
              || '/' || (SELECT string_agg(id || status, ',' ORDER BY id) FROM payment_batches) AS s`,
    );
    return `${a.rows[0].s}|${f.rows[0].s}|${c.rows[0].s}`;
  }

  async function send(e: Endpoint, segment: string, query: string, body: Body, as: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await t.tokenFor(as)}`;
    const res = await fetch(`${t.baseUrl}${e.path.replace(':id', segment)}${query}`, { method: e.method, headers, body: body.kind === 'json' ? JSON.stringify(body.value) : body.text });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  it('answers a success or a 4xx problem, never a 5xx, and refusals change nothing', async () => {
    const seen = new Set<number>();
    for (const e of endpoints) {
      await fc.assert(
        fc.asyncProperty(hostileSegment(e.ids ?? ['x']), hostileQuery, hostileBody(e.template), fc.constantFrom(...actors), async (segment, query, body, as) => {
          const before = await snapshot();
          const res = await send(e, segment, query, body, as);
          seen.add(res.status);
          if (res.status >= 500) throw new Error(`${e.method} ${e.path}: server error ${res.status}: ${res.text.slice(0, 300)}`);
          if (res.status >= 400) {
            if (!res.type.startsWith('application/problem+json')) throw new Error(`${res.status} without a problem body: ${res.text.slice(0, 200)}`);
            const p = JSON.parse(res.text) as { detail?: string };
            if (!p.detail?.trim()) throw new Error(`problem without detail: ${res.text.slice(0, 200)}`);
            if ((await snapshot()) !== before) throw new Error(`${e.method} ${e.path} refused with ${res.status} but something changed`);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261202), endOnFailure: true },
      );
    }
    for (const s of [200, 201, 400, 401, 403, 409]) expect([...seen]).toContain(s);
  });
});
