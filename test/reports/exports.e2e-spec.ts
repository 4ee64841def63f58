import { parse } from 'csv-parse/sync';
import { Dec } from '../../src/common/money';
import { POSTING_COLUMNS, REQUEST_COLUMNS } from '../../src/reports/exports/exports.service';
import { startTestApp, TestApp } from '../support/app';
import { buildScenario, download, ok, Scenario, U } from './report-world';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
const BOM = '\ufeff';

/** The CSV as Dutch Excel would see it: BOM, `;`, header row. */
function readCsv(bytes: Buffer): { raw: string; header: string[]; rows: Record<string, string>[] } {
  const raw = bytes.toString('utf8');
  const records: string[][] = parse(raw, { bom: true, delimiter: ';' });
  const [header, ...data] = records;
  return { raw, header, rows: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))) };
}

describe('GET /api/v1/exports/*.csv for the finance department', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('requests.csv', () => {
    it('has a BOM, a header row and one row per request submitted in the period, amounts with a decimal point', async () => {
      const res = await download(t, `/api/v1/exports/requests.csv?fundId=${s.fundId}&${PERIOD}`, U.admin);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="aanvragen-doorbraakfonds-zuidoost-rapportagetest-2026-2026-01-01-2026-12-31.csv"',
      );
      const csv = readCsv(res.bytes);
      expect(csv.raw.startsWith(BOM)).toBe(true);
      expect(csv.raw).toContain('\r\n');
      expect(csv.header).toEqual([...REQUEST_COLUMNS]);
      // rail pass, approved, rejected, pending, withdrawn, retroactive; not the draft, not the other fund
      expect(csv.rows).toHaveLength(6);
      const byId = new Map(csv.rows.map((r) => [r.request_id, r]));
      expect(byId.has(s.draftId)).toBe(false);
      const rail = byId.get(s.railPassId)!;
      const api = ok(await t.api('GET', `/api/v1/requests/${s.railPassId}`, { as: U.admin })).body;
      expect(rail).toMatchObject({
        status: 'evaluated',
        tier: 'single',
        payee: 'NS Reizigers B.V.',
        amount: '3000.00',
        committed: '0.00',
        paid: '3000.00',
        maatwerk_cost: api.comparison.maatwerkCost,
        avoided_cost_central: api.comparison.avoidedCost.central,
        net_benefit: api.comparison.netBenefit,
        urgent: 'false',
      });
      expect(byId.get(s.approvedId)).toMatchObject({ status: 'approved', amount: '1200.00', committed: '1200.00', paid: '0.00' });
      expect(byId.get(s.retroactiveId)).toMatchObject({ status: 'paid', tier: 'requester', retroactive: 'true', paid: '150.00' });
      expect(byId.get(s.pendingId)).toMatchObject({ status: 'submitted', urgent: 'true', decided_at: '' });
      for (const row of csv.rows) expect(row.amount).toMatch(/^\d+\.\d{2}$/);
    });

    it('has only the header for a period without requests', async () => {
      const res = await download(t, `/api/v1/exports/requests.csv?fundId=${s.fundId}&from=2025-01-01&to=2025-12-31`, U.admin);
      expect(res.status).toBe(200);
      expect(readCsv(res.bytes).rows).toHaveLength(0);
    });
  });

  describe('ledger-entries.csv', () => {
    it('has one row per posting; the postings of each entry sum to zero and match the fund balances', async () => {
      const res = await download(t, `/api/v1/exports/ledger-entries.csv?fundId=${s.fundId}&${PERIOD}`, U.bh);
      expect(res.status).toBe(200);
      const csv = readCsv(res.bytes);
      expect(csv.header).toEqual([...POSTING_COLUMNS]);
      // 3 contributions, rail pass reservation + payment, approved reservation, retroactive reservation + payment:
      // 8 entries of two postings each
      expect(csv.rows).toHaveLength(16);
      const perEntry = new Map<string, Dec>();
      for (const r of csv.rows) {
        expect(r.amount).toMatch(/^-?\d+\.\d{2}$/);
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        perEntry.set(r.entry_id, (perEntry.get(r.entry_id) ?? new Dec(0)).plus(r.amount));
      }
      expect(perEntry.size).toBe(8);
      for (const total of perEntry.values()) expect(total.isZero()).toBe(true);
      const sumOf = (account: string) => csv.rows.filter((r) => r.account === account).reduce((x, r) => x.plus(r.amount), new Dec(0)).toFixed(2);
      const fund = ok(await t.api('GET', `/api/v1/funds/${s.fundId}`, { as: U.admin })).body;
      expect(sumOf('available')).toBe(fund.available);
      expect(sumOf('committed')).toBe(fund.committed);
      expect(sumOf('spent')).toBe(fund.spent);
      const contributions = csv.rows.filter((r) => r.kind === 'contribution' && r.account === 'contribution');
      expect(contributions.map((r) => `${r.organisation} ${r.amount}`).sort()).toEqual([
        'GGZ-instelling De Brug -10000.00',
        'Gemeente Zuidoost -25000.00',
        'Politie basisteam Zuidoost -5000.00',
      ]);
      const payment = csv.rows.find((r) => r.kind === 'payment' && r.request_id === s.railPassId && r.account === 'spent');
      expect(payment).toMatchObject({ amount: '3000.00', organisation: 'Welzijn Op Maat', memo: 'NS-2026-0042' });
    });
  });

  describe('who may export', () => {
    it('refuses a budget holder a fund they do not hold (403) and a steering-group member altogether (403)', async () => {
      expect((await download(t, `/api/v1/exports/requests.csv?fundId=${s.fundId}`, U.bh2)).status).toBe(403);
      expect((await download(t, `/api/v1/exports/ledger-entries.csv?fundId=${s.fundId}`, U.sg)).status).toBe(403);
    });

    it('gives a budget holder without fundId only the funds they hold', async () => {
      const none = readCsv((await download(t, `/api/v1/exports/requests.csv?${PERIOD}`, U.bh2)).bytes);
      expect(none.rows).toHaveLength(0);
      const all = readCsv((await download(t, `/api/v1/exports/requests.csv?${PERIOD}`, U.admin)).bytes);
      expect(all.rows).toHaveLength(7);
    });

    it('answers 404 for an unknown fund and 400 naming the field for a bad date', async () => {
      expect((await download(t, '/api/v1/exports/requests.csv?fundId=00000000-0000-4000-8000-000000000000', U.admin)).status).toBe(404);
      const bad = await download(t, `/api/v1/exports/ledger-entries.csv?fundId=${s.fundId}&from=2026-02-30`, U.admin);
      expect(bad.status).toBe(400);
      expect(bad.problem.errors[0]).toMatchObject({ location: '#/from' });
    });
  });
});
