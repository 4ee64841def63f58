import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { Client as Pg } from 'pg';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { U } from '../support/users';
import { hostileSegment } from './support/hostile';
import { csrfToken, WebSession } from './support/web';

const RUNS = Number(process.env.FUZZ_FORM_RUNS ?? 100);
const YEAR = new Date().getUTCFullYear();
const PAYLOAD = `<script>alert("xss")</script><img src=x onerror=alert(1)> & 'quote'`;

/** A form field value: strings of every kind, and the nested/array keys the urlencoded parser accepts. */
const hostileField = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '0', '-1', '1e309', 'NaN', '1.005', '999999999999,99', '<script>alert(1)</script>', "'; DROP TABLE cases; --", '\u0000', 'x'.repeat(5000), 'true', 'on', '2026-02-30'),
);

interface Form {
  path: string;
  as: 'pro' | 'bh' | 'admin';
  fields: Record<string, string>;
  ids?: string[];
}

/**
 * The server-rendered side of hostile input: every form endpoint (with a valid session and CSRF
 * token) takes fuzzed fields and path parameters without a 5xx or a money movement on refusal;
 * HTML and script typed into every text field come back escaped on every page that shows them,
 * and literally (as text) in the justification and steering PDFs.
 */
describe('hostile input through the web UI and into the PDFs', () => {
  let t: TestApp;
  let pg: Pg;
  const web: Record<'pro' | 'bh' | 'admin', WebSession> = { pro: new WebSession(), bh: new WebSession(), admin: new WebSession() };
  const tokens: Record<string, string> = {};
  let fund: string;
  let kase: { id: string; code: string };
  let hostile: string;

  beforeAll(async () => {
    t = await startTestApp();
    pg = new Pg({ connectionString: t.db.url });
    await pg.connect();
    fund = await makeFund(t, { budget: '50000.00', rules: { personCapPerYear: '1000000.00' } });
    kase = await makeCase(t, U.pro, { neighbourhood: PAYLOAD });
    for (const [who, email] of [['pro', U.pro], ['bh', U.bh], ['admin', U.admin]] as const) {
      await web[who].login(t.baseUrl, email, TEST_PASSWORD);
      const home = await web[who].get(`${t.baseUrl}${who === 'admin' ? '/admin/users' : who === 'bh' ? '/queue' : '/dashboard'}`);
      tokens[who] = csrfToken(home.html);
    }
    // every text field of a request carries the payload
    const r = await makeRequest(t, kase.id, fund, {
      title: `Titel ${PAYLOAD}`,
      justification: `Toelichting ${PAYLOAD}`,
      payee: `Begunstigde ${PAYLOAD}`,
      residentWish: `Wens ${PAYLOAD}`,
      amount: '750.00',
      existingProvisions: [{ provision: `Voorziening ${PAYLOAD}`, reason: 'not_eligible', note: `Notitie ${PAYLOAD}` }],
      conventionalRoute: [{ costItemKey: 'detention_day', quantity: '10', probability: '0.5', note: `Route ${PAYLOAD}` }],
    });
    hostile = r.id;
    await act(t, hostile, 'submit', U.pro);
    await act(t, hostile, 'request-info', U.bh, { question: `Vraag ${PAYLOAD}` });
    await act(t, hostile, 'submit', U.pro);
    await act(t, hostile, 'approve', U.bh, { comment: `Akkoord ${PAYLOAD}` });
  });

  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  async function ledgerSnapshot(): Promise<string> {
    const a = await pg.query(`SELECT string_agg(id || '=' || balance, ',' ORDER BY id) AS s FROM ledger_accounts`);
    const f = await pg.query(`SELECT string_agg(id || '=' || chain_seq, ',' ORDER BY id) AS s FROM funds`);
    return `${a.rows[0].s}|${f.rows[0].s}`;
  }

  it('takes fuzzed form fields and paths on every form without a 5xx, and refusals move no money', async () => {
    const others: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await makeRequest(t, kase.id, fund, { amount: '400.00' });
      await act(t, r.id, 'submit', U.pro);
      others.push(r.id);
    }
    const approved = (await makeRequest(t, kase.id, fund, { amount: '300.00' })).id;
    await act(t, approved, 'submit', U.pro);
    await act(t, approved, 'approve', U.bh);
    const requests = [...others, approved];
    const org = t.seeded.organisations.gemeente.id;
    const route = { 'conventionalRoute[0][costItemKey]': 'case_meeting', 'conventionalRoute[0][quantity]': '2', 'conventionalRoute[0][percent]': '100' };
    const requestForm = { caseId: kase.id, fundId: fund, title: 'Fiets', amount: '300,00', payee: 'Fietsenmaker', lifeDomain: 'daytime', justification: 'Om naar werk te gaan.', ...route };
    const forms: Form[] = [
      { path: '/cases', as: 'pro', fields: { neighbourhood: 'Zuidoost', lifeDomains: 'housing' } },
      { path: '/requests/new', as: 'pro', fields: requestForm },
      { path: '/requests/retroactive', as: 'pro', fields: { ...requestForm, amount: '20,00', reference: 'KASSA-9' } },
      { path: '/requests/:id/edit', as: 'pro', fields: requestForm, ids: requests },
      { path: '/requests/:id/submit', as: 'pro', fields: {}, ids: requests },
      { path: '/requests/:id/withdraw', as: 'pro', fields: { reason: 'niet nodig' }, ids: requests },
      { path: '/requests/:id/outcome', as: 'pro', fields: { months: '3', goalReached: 'yes', note: 'goed' }, ids: requests },
      { path: '/approvals/:id/approve', as: 'bh', fields: { comment: 'akkoord' }, ids: requests },
      { path: '/approvals/:id/reject', as: 'bh', fields: { reason: 'nee' }, ids: requests },
      { path: '/approvals/:id/request-info', as: 'bh', fields: { question: 'waarom?' }, ids: requests },
      { path: '/approvals/:id/cancel', as: 'bh', fields: { cancelReason: 'vervallen' }, ids: requests },
      { path: '/funds/:id/contributions', as: 'admin', fields: { organisationId: org, amount: '10,00', note: 'extra' }, ids: [fund] },
      { path: '/admin/funds', as: 'admin', fields: { name: 'Webfonds', periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, requesterMandate: '250', singleApproverLimit: '2500', personCapPerYear: '10000', urgentDecisionHours: '24' } },
      { path: '/admin/users', as: 'admin', fields: { email: 'web@test.local', displayName: 'Web', password: 'een-lang-wachtwoord', organisationId: org, roles: 'professional' } },
      { path: '/admin/catalogue', as: 'admin', fields: { key: 'web_item', label: 'Web', labelEn: 'Web', unit: 'per keer', amount: '10', bearer: 'municipality', kind: 'fiscal', confidence: 'low', source: 'test' } },
      { path: '/admin/catalogue/:id', as: 'admin', fields: { amount: '12' }, ids: ['case_meeting'] },
      { path: '/admin/payments/:id/pay', as: 'admin', fields: { amount: '10,00', reference: 'WEB-1' }, ids: requests },
      { path: '/admin/payments/:id/cancel', as: 'admin', fields: { reason: 'vervallen' }, ids: requests },
    ];
    for (const f of forms) {
      const keys = [...Object.keys(f.fields), '_csrf', 'extra', 'a[b][c]', 'x[]', '__proto__[polluted]'];
      await fc.assert(
        fc.asyncProperty(
          hostileSegment(f.ids ?? ['x']),
          fc.array(fc.record({ key: fc.constantFrom(...keys), value: hostileField }), { maxLength: 3 }),
          fc.constantFrom<'pro' | 'bh' | 'admin'>('pro', 'bh', 'admin', f.as, f.as),
          async (segment, changes, who) => {
            const fields: Record<string, string> = { ...f.fields, _csrf: tokens[who] };
            for (const c of changes) fields[c.key] = c.value;
            const before = await ledgerSnapshot();
            const res = await web[who].post(`${t.baseUrl}${f.path.replace(':id', segment)}`, fields);
            if (res.status >= 500) throw new Error(`${f.path}: ${res.status} ${res.html.slice(0, 300)}`);
            if (res.status >= 400 && (await ledgerSnapshot()) !== before) throw new Error(`${f.path}: refused with ${res.status} but the ledger changed`);
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261122), endOnFailure: true },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows markup typed into text fields as text on every page, never as markup', async () => {
    // [who, page, whether the page shows one of the fields]
    const pages: [WebSession, string, boolean][] = [
      [web.pro, `/requests/${hostile}`, true],
      [web.pro, `/cases/${kase.id}`, true],
      [web.pro, '/dashboard', true],
      [web.bh, `/approvals/${hostile}`, true],
      [web.bh, '/queue', false],
      [web.bh, `/funds/${fund}`, false],
      [web.admin, '/admin/payments', true],
    ];
    for (const [session, path, shows] of pages) {
      const page = await session.get(`${t.baseUrl}${path}`);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect({ path, raw: page.html.includes('<script>alert') || page.html.includes('<img src=x') }).toEqual({ path, raw: false });
      if (shows) expect({ path, escaped: page.html.includes('&lt;script&gt;alert(') }).toEqual({ path, escaped: true });
    }
  });

  it('prints markup literally in the justification and steering PDFs', async () => {
    const pdfText = async (path: string): Promise<string> => {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${await t.tokenFor(U.bh)}` } });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const pdf = Buffer.from(await res.arrayBuffer());
      return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
    };
    const justification = await pdfText(`/api/v1/requests/${hostile}/justification.pdf`);
    expect(justification).toContain('<script>alert("xss")</script>');
    expect(justification).toContain(`Titel <script>`);
    const steering = await pdfText(`/api/v1/reports/steering.pdf?fundId=${fund}&from=${YEAR}-01-01&to=${YEAR}-12-31`);
    expect(steering).toContain('<script>alert(');
  });
});
