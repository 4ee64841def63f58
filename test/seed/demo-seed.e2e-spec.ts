import { electronicFormatIBAN } from 'ibantools';
import { parseIban } from '../../src/payments/iban';
import { DemoSeeder } from '../../src/seed/demo-seeder';
import { DEMO_REQUESTS } from '../../src/seed/demo-scenarios';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { painSchema, xmllint } from '../payments/xsd';

/** The demo data as `DEMO_SEED=true` writes it, seen from the payments side. */
describe('demo seed: payees for a first payment batch', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    await t.app.get(DemoSeeder).seed(TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every demo request (but the one registered as already paid) a payee with a fictitious IBAN that passes the mod-97 check', () => {
    const ibans = DEMO_REQUESTS.filter((r) => !r.retroactive).map((r) => r.payeeIban);
    expect(ibans.every(Boolean)).toBe(true);
    for (const iban of ibans as string[]) {
      expect(parseIban(iban, 'payeeIban')).toBe(electronicFormatIBAN(iban));
      // bank code DEMO: no Dutch bank has it, so a demo payment file cannot move real money
      expect(electronicFormatIBAN(iban)).toMatch(/^NL\d{2}DEMO\d{10}$/);
    }
    expect(new Set(ibans).size).toBe(ibans.length);
  });

  it('stores them with the requests: administrators see them in full, the requester masked', async () => {
    const list = ok(await t.api('GET', '/api/v1/requests?limit=100', { as: U.admin })).body.items as { id: string; title: string }[];
    const withPayee = DEMO_REQUESTS.filter((r) => r.payeeIban && !r.retroactive);
    for (const r of withPayee) {
      const id = list.find((x) => x.title === r.title)?.id;
      expect({ title: r.title, found: Boolean(id) }).toEqual({ title: r.title, found: true });
      const admin = ok(await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.admin })).body;
      expect(admin).toMatchObject({ name: r.payee, iban: r.payeeIban, masked: false });
      const requester = r.requester as string;
      const own = ok(await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: requester })).body;
      expect(own.masked).toBe(true);
      expect(own.iban).toBe(`NL** **** **** **${r.payeeIban!.replace(/\s/g, '').slice(-4, -2)} ${r.payeeIban!.replace(/\s/g, '').slice(-2)}`);
    }
  });

  it('lets an administrator make a batch of everything due right away, and the file validates', async () => {
    const due = ok(await t.api('GET', '/api/v1/due-payments', { as: U.admin })).body as { requestId: string; payeeIban: string | null; due: string }[];
    expect(due.length).toBeGreaterThan(0);
    expect(due.filter((d) => !d.payeeIban)).toEqual([]);
    const batch = ok(await t.api('POST', '/api/v1/payment-batches', {
      as: U.admin,
      body: { debtorName: 'Gemeente Zuidoost', debtorIban: 'NL02 ABNA 0123 4567 89', executionDate: '2026-12-04', all: true },
    }), 201).body;
    expect(batch.items.map((i: { requestId: string }) => i.requestId).sort()).toEqual(due.map((d) => d.requestId).sort());
    const xml = ok(await t.api('GET', `/api/v1/payment-batches/${batch.id}/pain.001.xml`, { as: U.admin })).body as string;
    const lint = xmllint(xml);
    expect(`${painSchema().path}: ${lint.output}`).toContain('validates');
    expect(lint.status).toBe(0);
    expect(xml).toMatch(/<IBAN>NL\d{2}DEMO\d{10}<\/IBAN>/);
    expect(ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);
  });
});
