import fc from 'fast-check';
import { Client as Pg } from 'pg';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest, requestBody } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { U } from '../support/users';
import { Body, hostileBody, hostileQuery, hostileSegment } from './support/hostile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const YEAR = new Date().getUTCFullYear();

interface Endpoint {
  method: 'POST' | 'PATCH';
  /** with `:id` where a path parameter goes */
  path: string;
  template: Record<string, unknown>;
  ids?: string[];
}

/**
 * Property-based fuzzing of every write endpoint of the API (body, path parameter and query):
 * whatever comes in, the answer is a success or a 4xx problem (RFC 9457, naming what was wrong),
 * never a 5xx, and a refused request moves no money (every ledger balance and every fund's chain
 * head are unchanged). Bounded: FUZZ_RUNS (default 100) runs per endpoint.
 */
describe('hostile input on every write endpoint', () => {
  let t: TestApp;
  let pg: Pg;
  let endpoints: Endpoint[];
  const actors = [U.admin, U.bh, U.pro, null] as const;

  beforeAll(async () => {
    t = await startTestApp();
    pg = new Pg({ connectionString: t.db.url });
    await pg.connect();
    const fund = await makeFund(t, { budget: '100000.00', rules: { personCapPerYear: '1000000.00' } });
    const fund2 = await makeFund(t, { budget: '1000.00' });
    const kase = await makeCase(t);
    const closable = await makeCase(t);
    const draft = (await makeRequest(t, kase.id, fund)).id;
    const submitted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await makeRequest(t, kase.id, fund, { amount: '400.00' });
      await act(t, r.id, 'submit', U.pro);
      submitted.push(r.id);
    }
    const approved = (await makeRequest(t, kase.id, fund, { amount: '500.00' })).id;
    await act(t, approved, 'submit', U.pro);
    await act(t, approved, 'approve', U.bh);
    const paid = (await makeRequest(t, kase.id, fund, { amount: '300.00' })).id;
    await act(t, paid, 'submit', U.pro);
    await act(t, paid, 'approve', U.bh);
    await act(t, paid, 'pay', U.admin, { reference: 'F-1' });
    const throwaway = await makeUser(t, 'wegwerp@test.local', 'welzijn', ['professional']);
    const org = t.seeded.organisations.gemeente.id;
    const requests = [draft, ...submitted, approved, paid];
    endpoints = [
      { method: 'POST', path: '/api/v1/funds', template: { name: 'Fonds', periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, rules: { requesterMandate: '250.00', singleApproverLimit: '2500.00', personCapPerYear: '10000.00', urgentDecisionHours: 24 } } },
      { method: 'POST', path: '/api/v1/funds/:id/contributions', template: { organisationId: org, amount: '10.00', note: 'bijdrage' }, ids: [fund, fund2] },
      { method: 'POST', path: '/api/v1/funds/:id/transfers', template: { toFundId: fund2, amount: '1.00', note: 'overboeking' }, ids: [fund, fund2] },
      { method: 'POST', path: '/api/v1/cases', template: { neighbourhood: 'Zuidoost', lifeDomains: ['housing'] } },
      { method: 'POST', path: '/api/v1/cases/:id/close', template: { reason: 'afgesloten' }, ids: [closable.id] },
      { method: 'POST', path: '/api/v1/cases/:id/members', template: { userId: t.seeded.users[U.pro2].id }, ids: [kase.id] },
      { method: 'POST', path: '/api/v1/users', template: { email: 'nieuw@test.local', displayName: 'Nieuw', password: 'een-lang-wachtwoord', organisationId: org, roles: ['professional'] } },
      { method: 'PATCH', path: '/api/v1/users/:id', template: { displayName: 'Andere naam' }, ids: [throwaway] },
      { method: 'POST', path: '/api/v1/auth/token', template: { email: U.pro, password: 'fout-wachtwoord' } },
      { method: 'POST', path: '/api/v1/cost-items', template: { key: 'fuzz_item', label: 'Fuzz', labelEn: 'Fuzz', unit: 'per keer', amount: '10.00', priceYear: 2024, bearer: 'municipality', kind: 'fiscal', confidence: 'low', source: 'test' } },
      { method: 'PATCH', path: '/api/v1/cost-items/:id', template: { amount: '11.00' }, ids: ['case_meeting', 'detention_day'] },
      { method: 'POST', path: '/api/v1/organisations', template: { name: 'Partner', kind: 'welfare' } },
      { method: 'POST', path: '/api/v1/requests', template: requestBody(kase.id, fund) },
      { method: 'POST', path: '/api/v1/requests/retroactive', template: { ...requestBody(kase.id, fund), amount: '20.00', reference: 'KASSA-1' } },
      { method: 'PATCH', path: '/api/v1/requests/:id', template: { title: 'Nieuwe titel' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/submit', template: {}, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/approve', template: { comment: 'akkoord' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/reject', template: { reason: 'past niet' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/request-info', template: { question: 'waarom?' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/withdraw', template: { reason: 'niet meer nodig' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/cancel', template: { reason: 'vervallen' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/pay', template: { amount: '10.00', reference: 'BET-1' }, ids: requests },
      { method: 'POST', path: '/api/v1/requests/:id/outcome', template: { months: 3, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'no' }] }, ids: requests },
    ];
  });

  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  /** Every balance and every chain head: a refused request must leave this string unchanged. */
  async function ledgerSnapshot(): Promise<string> {
    const a = await pg.query(`SELECT string_agg(id || '=' || balance, ',' ORDER BY id) AS s FROM ledger_accounts`);
    const f = await pg.query(`SELECT string_agg(id || '=' || chain_seq, ',' ORDER BY id) AS s FROM funds`);
    const p = await pg.query(`SELECT count(*)::text AS n FROM payments`);
    return `${a.rows[0].s}|${f.rows[0].s}|${p.rows[0].n}`;
  }

  async function send(e: Endpoint, segment: string, query: string, body: Body, as: string | null) {
    const path = e.path.replace(':id', segment) + query;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await t.tokenFor(as)}`;
    const res = await fetch(`${t.baseUrl}${path}`, { method: e.method, headers, body: body.kind === 'json' ? JSON.stringify(body.value) : body.text });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text };
  }

  function problemOf(status: number, type: string, text: string): string | null {
    if (status >= 500) return `server error ${status}: ${text.slice(0, 300)}`;
    if (status < 400) return null;
    if (!type.startsWith('application/problem+json')) return `${status} without a problem body (${type}): ${text.slice(0, 200)}`;
    let p: { status?: unknown; title?: unknown; detail?: unknown };
    try {
      p = JSON.parse(text);
    } catch {
      return `${status} with a problem body that is not JSON: ${text.slice(0, 200)}`;
    }
    if (p.status !== status || typeof p.title !== 'string' || typeof p.detail !== 'string' || p.detail.trim() === '') return `bad problem body: ${text.slice(0, 300)}`;
    return null;
  }

  it('answers a success or a 4xx problem, never a 5xx, and refusals move no money', async () => {
    const started = Date.now();
    const tally: Record<string, Record<string, number>> = {};
    for (const e of endpoints) {
      const count = (tally[`${e.method} ${e.path}`] = {} as Record<string, number>);
      await fc.assert(
        fc.asyncProperty(
          hostileSegment(e.ids ?? ['x']),
          hostileQuery,
          hostileBody(e.template),
          fc.constantFrom(...actors),
          async (segment, query, body, as) => {
            const before = await ledgerSnapshot();
            const res = await send(e, segment, query, body, as);
            count[res.status] = (count[res.status] ?? 0) + 1;
            const problem = problemOf(res.status, res.type, res.text);
            if (problem) throw new Error(problem);
            if (res.status >= 400 && (await ledgerSnapshot()) !== before) throw new Error(`refused with ${res.status} but the ledger changed`);
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261122), endOnFailure: true },
      );
    }
    // the fuzzing reached the handlers, not only the validation pipe
    const statuses = new Set(Object.values(tally).flatMap((c) => Object.keys(c)));
    for (const s of ['200', '201', '400', '401', '403', '404', '409']) expect([...statuses]).toContain(s);
    process.stdout.write(`fuzzed ${endpoints.length} endpoints × ${RUNS} runs in ${Date.now() - started} ms\n`);
  });

  it('refuses bodies over 100 kB with a 413 problem on every write endpoint', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(150_000) });
    for (const e of endpoints) {
      const before = await ledgerSnapshot();
      const res = await fetch(`${t.baseUrl}${e.path.replace(':id', e.ids?.[0] ?? 'x')}`, {
        method: e.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor(U.admin)}` },
        body: big,
      });
      expect({ path: e.path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path: e.path, status: 413, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(await ledgerSnapshot()).toBe(before);
    }
  });
});
