import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { camt053 } from './camt';
import { approvedWithPayee, DEBTOR, painSchema, xmllint } from './world';

const verify = async (t: TestApp) => ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body;
const request = async (t: TestApp, id: string) => ok(await t.api('GET', `/api/v1/requests/${id}?expand=history`, { as: U.admin })).body;

describe('payments: SEPA batches (pain.001.001.09) and camt.053 reconciliation (e2e)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;
  let caseCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t, { budget: '50000.00' });
    const c = await makeCase(t);
    caseId = c.id;
    caseCode = c.code;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('payee account', () => {
    it('refuses an IBAN that fails the mod-97 check with a 400 naming the field, and stores nothing', async () => {
      const id = await approvedWithPayee(t, caseId, fundId, { iban: null });
      const res = await t.api('PUT', `/api/v1/requests/${id}/payee-account`, { as: U.pro, body: { name: 'NS', iban: 'NL20INGB0001234568' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toBe('iban: NL20INGB0001234568 fails the IBAN check (mod 97): check digits do not match');
      expect(res.body.errors[0]).toMatchObject({ in: 'body', location: '#/iban' });
      expect((await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.admin })).status).toBe(404);
      // a name of which nothing is left in the EPC Latin character set
      const noLetters = await t.api('PUT', `/api/v1/requests/${id}/payee-account`, { as: U.pro, body: { name: '€€€ 😀', iban: 'NL20INGB0001234567' } });
      expect(noLetters.status).toBe(400);
      expect(noLetters.body.detail).toMatch(/^name: "€€€ 😀" has no letters or digits that a SEPA transfer can carry/);
      expect((await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.admin })).status).toBe(404);
    });

    it('shows the IBAN in full to administrators and masked to everyone else', async () => {
      const id = await approvedWithPayee(t, caseId, fundId);
      const pro = ok(await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.pro })).body;
      const bh = ok(await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.bh })).body;
      const admin = ok(await t.api('GET', `/api/v1/requests/${id}/payee-account`, { as: U.admin })).body;
      expect(pro).toMatchObject({ name: 'NS Reizigers B.V.', iban: 'NL** **** **** **45 67', masked: true });
      expect(bh.iban).toBe('NL** **** **** **45 67');
      expect(admin).toMatchObject({ iban: 'NL20 INGB 0001 2345 67', masked: false });
      expect((await t.api('PUT', `/api/v1/requests/${id}/payee-account`, { as: U.pro2, body: { name: 'x', iban: 'NL20INGB0001234567' } })).status).toBe(404);
    });
  });

  describe('batches', () => {
    it('refuses a malformed amount, another currency, a duplicate request and a request without IBAN, naming the line', async () => {
      const a = await approvedWithPayee(t, caseId, fundId);
      const b = await approvedWithPayee(t, caseId, fundId, { iban: null });
      const post = (items: unknown[]) => t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items } });
      const bad = await post([{ requestId: a, amount: '12,50' }]);
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toContain('items.0.amount must be a decimal string');
      const usd = await post([{ requestId: a, currency: 'USD' }]);
      expect(usd.status).toBe(400);
      expect(usd.body.detail).toContain('items.0.currency must be EUR');
      const dup = await post([{ requestId: a }, { requestId: a }]);
      expect(dup.status).toBe(400);
      expect(dup.body.detail).toMatch(/^items\[1\]\.requestId: request .* occurs twice \(also items\[0\]\)/);
      const noIban = await post([{ requestId: a }, { requestId: b }]);
      expect(noIban.status).toBe(422);
      expect(noIban.body.detail).toMatch(/^items\[1\]\.requestId: request .* has no payee IBAN/);
      const wrongDebtor = await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, debtorIban: 'NL02ABNA0123456788', executionDate: '2026-12-04', items: [{ requestId: a }] } });
      expect(wrongDebtor.status).toBe(400);
      expect(wrongDebtor.body.detail).toMatch(/^debtorIban: /);
      // nothing moved
      expect((await request(t, a)).status).toBe('approved');
      expect(ok(await t.api('GET', '/api/v1/payment-batches', { as: U.admin })).body.items).toHaveLength(0);
      expect((await t.api('POST', '/api/v1/payment-batches', { as: U.bh, body: { ...DEBTOR, executionDate: '2026-12-04', all: true } })).status).toBe(403);
    });

    it('refuses a transfer above the SEPA maximum of 999999999.99, naming the item, and moves nothing', async () => {
      const big = await makeFund(t, { budget: '1000000000.00', rules: { singleApproverLimit: '1000000000.00', personCapPerYear: '1000000000.00' } });
      const id = await approvedWithPayee(t, caseId, big, { amount: '1000000000.00' });
      expect((await request(t, id)).status).toBe('approved');
      const res = await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: id }] } });
      expect(res.status).toBe(422);
      expect(res.body.detail).toBe(`items[0].amount: request ${id}: 1000000000.00 is more than one SEPA credit transfer can carry (999999999.99); pay it in parts with items[].amount`);
      expect(res.body.errors[0]).toMatchObject({ location: '#/items/0/amount', code: 'PAYMENT.ABOVE_SEPA_MAXIMUM' });
      expect(await balances(t, big)).toMatchObject({ committed: '1000000000.00', spent: '0.00' });
      // in parts it goes
      const part = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: id, amount: '999999999.99' }] } }), 201).body;
      const lint = xmllint(ok(await t.api('GET', `/api/v1/payment-batches/${part.id}/pain.001.xml`, { as: U.admin })).body as string);
      expect(lint.status).toBe(0);
      ok(await t.api('POST', `/api/v1/payment-batches/${part.id}/cancel`, { as: U.admin }));
    });

    it('moves the selected commitments to in_payment in one transaction and writes a pain.001.001.09 file that validates against the XSD', async () => {
      const a = await approvedWithPayee(t, caseId, fundId, { amount: '1234.56', title: 'Huurachterstand Schuldenvrij' });
      const b = await approvedWithPayee(t, caseId, fundId, { amount: '99.99', name: 'Bakkerij Ørsted & Zoë van ’t Hoff' });
      const before = await balances(t, fundId);
      const res = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: a }, { requestId: b, amount: '50.00' }] } }), 201);
      const batch = res.body;
      expect(batch).toMatchObject({ status: 'open', count: 2, total: '1284.56', paid: '0.00', debtorIban: 'NL02 ABNA 0123 4567 89' });
      expect(batch.items.map((i: { amount: string }) => i.amount)).toEqual(['1234.56', '50.00']);
      expect(batch.items[0].endToEndId).toMatch(/^[0-9A-F]{32}$/);
      // budget unchanged; the money is still committed, part of it in payment
      const after = await balances(t, fundId);
      expect(after).toEqual(before);
      const fund = ok(await t.api('GET', `/api/v1/funds/${fundId}/entries?limit=5`, { as: U.admin })).body;
      expect(fund.items.filter((e: { kind: string }) => e.kind === 'payment_order')).toHaveLength(2);
      expect((await verify(t)).ok).toBe(true);
      // a request in a batch cannot go into a second one, nor be paid by hand in full
      const again = await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: a }] } });
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain(`is already in payment batch ${batch.messageId}`);
      expect((await t.api('POST', `/api/v1/requests/${a}/pay`, { as: U.admin, body: { reference: 'hand' } })).status).toBe(409);
      const cancel = await t.api('POST', `/api/v1/requests/${a}/cancel`, { as: U.admin, body: { reason: 'toch niet' } });
      expect(cancel.status).toBe(409);
      expect((await request(t, a)).status).toBe('approved');
      expect(await balances(t, fundId)).toEqual(after);

      const file = await fetch(`${t.baseUrl}/api/v1/payment-batches/${batch.id}/pain.001.xml`, { headers: { authorization: `Bearer ${await t.tokenFor(U.admin)}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('application/xml');
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${batch.messageId}.xml"`);
      const xml = await file.text();
      const lint = xmllint(xml);
      expect(`${painSchema().path}: ${lint.output}`).toContain('validates');
      expect(lint.status).toBe(0);
      expect(xml).toContain("<Nm>Bakkerij Orsted + Zoe van 't Hoff</Nm>");
      expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"');
      expect(xml).toContain('<CtrlSum>1284.56</CtrlSum>');
      expect(xml).toContain('<InstdAmt Ccy="EUR">1234.56</InstdAmt>');
      expect(xml).toContain('<IBAN>NL20INGB0001234567</IBAN>');
      expect(xml).toContain(`<EndToEndId>${batch.items[0].endToEndId}</EndToEndId>`);
      // remittance: the request reference, nothing of the case
      expect(xml).toContain(`<Ustrd>Doorbraakbudget aanvraag ${a}</Ustrd>`);
      expect(xml).not.toContain(caseCode);
      expect(xml).not.toContain('Huurachterstand');
      expect(xml).not.toContain('Zuid-Oost');
    });

    it('refuses a file that breaks the schema (the XSD check can fail)', () => {
      const broken = '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr><MsgId>x</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>';
      expect(xmllint(broken).status).not.toBe(0);
    });

    it('cancels an open batch: the commitments are committed again and can be batched anew', async () => {
      const a = await approvedWithPayee(t, caseId, fundId, { amount: '300.00' });
      const batch = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: a }] } }), 201).body;
      const cancelled = ok(await t.api('POST', `/api/v1/payment-batches/${batch.id}/cancel`, { as: U.admin })).body;
      expect(cancelled).toMatchObject({ status: 'cancelled', items: [expect.objectContaining({ status: 'cancelled' })] });
      expect((await t.api('POST', `/api/v1/payment-batches/${batch.id}/cancel`, { as: U.admin })).status).toBe(409);
      expect((await verify(t)).ok).toBe(true);
      const next = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: a }] } }), 201).body;
      ok(await t.api('POST', `/api/v1/payment-batches/${next.id}/confirm`, { as: U.admin }));
      const late = await t.api('POST', `/api/v1/payment-batches/${next.id}/cancel`, { as: U.admin });
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('is confirmed');
    });
  });

  describe('bank statements', () => {
    let paidId: string;
    let otherId: string;
    let batch: { id: string; items: { requestId: string; endToEndId: string; amount: string }[] };

    beforeAll(async () => {
      paidId = await approvedWithPayee(t, caseId, fundId, { amount: '420.10' });
      otherId = await approvedWithPayee(t, caseId, fundId, { amount: '75.00' });
      batch = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: paidId }, { requestId: otherId }] } }), 201).body;
    });

    it('refuses a malformed amount, a foreign currency and a duplicate end-to-end id, naming the line, and changes nothing', async () => {
      const [x, y] = batch.items;
      const post = (xml: string) => t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } });
      const malformed = await post(camt053({ statementId: 'S-BAD-1', entries: [{ amount: '420.10', endToEndId: x.endToEndId }, { amount: '75,00', endToEndId: y.endToEndId }] }));
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/^xml: line \d+ \(entry 2 of statement S-BAD-1\): Ntry\/Amt "75,00" is not an amount/);
      const usd = await post(camt053({ statementId: 'S-BAD-2', entries: [{ amount: '420.10', currency: 'USD', endToEndId: x.endToEndId }] }));
      expect(usd.status).toBe(400);
      expect(usd.body.detail).toMatch(/entry 1 of statement S-BAD-2\): Ntry\/Amt is in USD; only EUR/);
      const dup = await post(camt053({ statementId: 'S-BAD-3', entries: [{ amount: '420.10', endToEndId: x.endToEndId }, { amount: '420.10', endToEndId: x.endToEndId }] }));
      expect(dup.status).toBe(400);
      expect(dup.body.detail).toMatch(new RegExp(`^xml: line (\\d+) \\(entry 2\\): end-to-end id ${x.endToEndId} occurs twice \\(first on line (\\d+), entry 1\\)`));
      expect((await request(t, paidId)).status).toBe('approved');
      expect(ok(await t.api('GET', '/api/v1/bank-statements', { as: U.admin })).body.items).toHaveLength(0);
    });

    it('books matching debits as paid, lists different amounts and unknown payments, and is idempotent', async () => {
      const [x, y] = batch.items;
      const before = await balances(t, fundId);
      const xml = camt053({
        statementId: 'S-2026-12-03',
        entries: [
          { amount: '420.10', endToEndId: x.endToEndId },
          { amount: '74.99', endToEndId: y.endToEndId },
          { amount: '10.00', endToEndId: 'SOMETHING-ELSE' },
          { amount: '500.00', direction: 'CRDT' },
        ],
      });
      const first = ok(await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } }), 201).body.statements[0];
      expect(first).toMatchObject({ alreadyImported: false, booked: 1, unmatched: 2 });
      expect(first.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['paid', 'amount_mismatch', 'unknown', 'ignored']);
      expect(first.lines[1].detail).toContain('bank boekte € 74,99, de batch vroeg € 75,00');
      const paid = await request(t, paidId);
      expect(paid).toMatchObject({ status: 'paid', paid: '420.10', committed: '0.00' });
      expect(paid.history.at(-1).reason).toContain('via bank (afschrift S-2026-12-03');
      expect((await request(t, otherId)).status).toBe('approved');
      const after = await balances(t, fundId);
      expect(after.spent).toBe((await import('decimal.js')).default.add(before.spent, '420.10').toFixed(2));
      expect(after.budget).toBe(before.budget);
      const b = ok(await t.api('GET', `/api/v1/payment-batches/${batch.id}`, { as: U.admin })).body;
      expect(b).toMatchObject({ status: 'confirmed', paid: '420.10' });

      const second = ok(await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } }), 201).body.statements[0];
      expect(second).toMatchObject({ id: first.id, alreadyImported: true, booked: 1 });
      expect(await balances(t, fundId)).toEqual(after);
      expect((await request(t, paidId)).history).toHaveLength(paid.history.length);
      const open = ok(await t.api('GET', '/api/v1/unmatched-statement-lines', { as: U.admin })).body;
      expect(open.map((l: { outcome: string }) => l.outcome)).toEqual(['amount_mismatch', 'unknown']);
      expect((await verify(t)).ok).toBe(true);
    });

    it('re-opens or releases a returned payment as the administrator chooses', async () => {
      const [x, y] = batch.items;
      const before = await balances(t, fundId);
      const xml = camt053({
        statementId: 'S-2026-12-05',
        entries: [
          { amount: '420.10', direction: 'CRDT', endToEndId: x.endToEndId, returnReason: 'AC04' },
          { amount: '75.00', direction: 'CRDT', endToEndId: y.endToEndId, returnReason: 'MS03' },
        ],
      });
      const s = ok(await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } }), 201).body.statements[0];
      expect(s.lines.map((l: { outcome: string; returnReason: string }) => [l.outcome, l.returnReason])).toEqual([['returned', 'AC04'], ['returned', 'MS03']]);
      const dismiss = await t.api('POST', `/api/v1/bank-statement-lines/${s.lines[0].id}/resolve`, { as: U.admin, body: { action: 'dismissed' } });
      expect(dismiss.status).toBe(400);
      expect(dismiss.body.detail).toMatch(/^action: /);

      const reopened = ok(await t.api('POST', `/api/v1/bank-statement-lines/${s.lines[0].id}/resolve`, { as: U.admin, body: { action: 'reopen', note: 'IBAN gecorrigeerd' } })).body;
      expect(reopened).toMatchObject({ resolution: 'reopen', needsResolution: false, requestId: paidId });
      expect(await request(t, paidId)).toMatchObject({ status: 'approved', committed: '420.10', paid: '0.00' });
      expect((await t.api('POST', `/api/v1/bank-statement-lines/${s.lines[0].id}/resolve`, { as: U.admin, body: { action: 'reopen' } })).status).toBe(409);

      ok(await t.api('POST', `/api/v1/bank-statement-lines/${s.lines[1].id}/resolve`, { as: U.admin, body: { action: 'release' } }));
      expect(await request(t, otherId)).toMatchObject({ status: 'cancelled', committed: '0.00' });
      const after = await balances(t, fundId);
      expect(after.available).toBe((await import('decimal.js')).default.add(before.available, '75.00').toFixed(2));
      expect(after.spent).toBe((await import('decimal.js')).default.sub(before.spent, '420.10').toFixed(2));
      expect(after.budget).toBe(before.budget);
      expect((await verify(t)).ok).toBe(true);

      // the re-opened commitment goes into a new batch
      const again = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-08', all: true } }), 201).body;
      expect(again.items.map((i: { requestId: string }) => i.requestId)).toContain(paidId);
    });

    it('books a statement once when it is uploaded twice at the same moment', async () => {
      const id = await approvedWithPayee(t, caseId, fundId, { amount: '61.25' });
      const b = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-09', items: [{ requestId: id }] } }), 201).body;
      const before = await balances(t, fundId);
      const xml = camt053({ statementId: 'S-TWICE', entries: [{ amount: '61.25', endToEndId: b.items[0].endToEndId }] });
      const [r1, r2] = await Promise.all([0, 1].map(() => t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } })));
      expect([r1.status, r2.status]).toEqual([201, 201]);
      expect([r1.body.statements[0].alreadyImported, r2.body.statements[0].alreadyImported].sort()).toEqual([false, true]);
      const after = await balances(t, fundId);
      expect(after.spent).toBe((await import('decimal.js')).default.add(before.spent, '61.25').toFixed(2));
      expect((await request(t, id)).paid).toBe('61.25');
      const changed = await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml: xml.replace('</Stmt>', '<AddtlStmtInf>x</AddtlStmtInf></Stmt>') } });
      expect(changed.status).toBe(409);
      expect((await verify(t)).ok).toBe(true);
    });

    it('answers a repeated batch request with the same Idempotency-Key with the first batch', async () => {
      const id = await approvedWithPayee(t, caseId, fundId, { amount: '12.00' });
      const body = { ...DEBTOR, executionDate: '2026-12-09', items: [{ requestId: id }] };
      const headers = { 'Idempotency-Key': `batch-${id}` };
      const first = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body, headers }), 201).body;
      const again = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body, headers }), 201).body;
      expect(again.id).toBe(first.id);
      expect((await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...body, executionDate: '2026-12-10' }, headers })).status).toBe(409);
    });

    it('describes the payment endpoints and their problems in the served OpenAPI document', async () => {
      const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
      for (const p of ['/payment-batches', '/payment-batches/{id}', '/payment-batches/{id}/pain.001.xml', '/payment-batches/{id}/cancel', '/bank-statements', '/bank-statement-lines/{id}/resolve', '/requests/{id}/payee-account', '/due-payments', '/unmatched-statement-lines']) {
        expect(doc.paths[p]).toBeDefined();
      }
      expect(doc.paths['/payment-batches'].post.responses['400'].content['application/problem+json']).toBeDefined();
      expect(doc.paths['/payment-batches'].post.responses['422'].content['application/problem+json']).toBeDefined();
      expect(doc.paths['/requests/{id}/payee-account'].put.responses['409']).toBeDefined();
    });
  });
});
