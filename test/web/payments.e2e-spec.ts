import type { Browser, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { camt053 } from '../payments/camt';
import { approvedWithPayee } from '../payments/world';
import { BrowserSessions, LAPTOP, launchBrowser, overflowing, PageChecker, shows, PHONE_390 } from './support/browser';

const DESKTOP = LAPTOP;
const PHONE = PHONE_390;

/** The administrator's payment batches and bank statements, and the professional's payee form, in a real browser. */
describe('web: SEPA payment batches and bank statements', () => {
  let t: TestApp;
  let browser: Browser;
  let fundId: string;
  let caseId: string;
  const checker = new PageChecker();
  const sessions = new BrowserSessions(() => browser, () => t.baseUrl, TEST_PASSWORD);
  const as = (email: string, viewport = DESKTOP): Promise<Page> => sessions.as(email, viewport);

  const flash = (page: Page) => page.locator('.app-flash').textContent();

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    fundId = await makeFund(t, { budget: '50000.00' });
    caseId = (await makeCase(t)).id;
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('lets the professional record the payee: a wrong IBAN is refused at the field, a saved one is shown masked', async () => {
    const id = await approvedWithPayee(t, caseId, fundId, { iban: null, title: 'Borg kamer' });
    const page = await as(U.pro);
    await page.goto(`${t.baseUrl}/requests/${id}`);
    await page.getByRole('link', { name: 'Begunstigde en IBAN' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: 'Begunstigde en IBAN' }));
    await page.getByLabel('Naam rekeninghouder').fill('Kamerverhuur Zuid');
    await page.getByLabel('IBAN', { exact: true }).fill('NL20 INGB 0001 2345 68');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await shows(page, page.locator('#f-iban-error'));
    expect(await page.locator('#f-iban-error').textContent()).toContain('Dit IBAN klopt niet (NL20INGB0001234568): de controlecijfers kloppen niet');
    expect(await page.content()).not.toContain('fails the IBAN check');
    await checker.check(page, 'payments-01-payee-invalid');
    await page.getByLabel('IBAN', { exact: true }).fill('NL20 INGB 0001 2345 67');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await flash(page)).toContain('Begunstigde opgeslagen');
    await page.goto(`${t.baseUrl}/requests/${id}/payee-account`);
    await shows(page, page.getByText('NL** **** **** **45 67'));
    expect(await page.content()).not.toContain('0001 2345 67');
    await checker.check(page, 'payments-02-payee-masked');
  });

  it('lets the administrator make a batch from the admin menu, download it, and book the bank statement', async () => {
    const a = await approvedWithPayee(t, caseId, fundId, { amount: '1250.00', title: 'Jaarabonnement trein' });
    await approvedWithPayee(t, caseId, fundId, { amount: '180.00', title: 'Fiets voor werk' });
    await approvedWithPayee(t, caseId, fundId, { amount: '640.00', title: 'Huurachterstand', iban: null });
    const page = await as(U.admin);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Betaalbatches' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: 'Betaalbatches (SEPA)' }));
    expect(await page.getByText('IBAN ontbreekt').count()).toBeGreaterThan(0);
    await checker.check(page, 'payments-03-batches');
    await page.getByRole('button', { name: 'Batch maken van selectie' }).click();
    await shows(page, page.locator('#error-summary'));
    expect(await page.locator('#error-summary').textContent()).toContain('Kies minstens één aanvraag');
    await checker.check(page, 'payments-04-batches-error');
    // a wrong debtor IBAN and BIC: refused at the fields, in Dutch
    await page.getByLabel('Naam rekeninghouder').fill('Gemeente Zuidoost');
    await page.getByLabel('IBAN van de gemeente').fill('NL02 ABNA 0123 4567 88');
    await page.getByLabel('Selecteer Jaarabonnement trein').check();
    await page.getByRole('button', { name: 'Batch maken van selectie' }).click();
    await shows(page, page.locator('#f-debtorIban-error'));
    expect(await page.locator('#f-debtorIban-error').textContent()).toContain('Dit IBAN klopt niet (NL02ABNA0123456788): de controlecijfers kloppen niet');
    await page.getByLabel('IBAN van de gemeente').fill('NL02 ABNA 0123 4567 89');
    await page.getByLabel(/^BIC/).fill('ABN');
    await page.getByRole('button', { name: 'Batch maken van selectie' }).click();
    await shows(page, page.locator('#f-debtorBic-error'));
    expect(await page.locator('#f-debtorBic-error').textContent()).toContain('Dit is geen BIC');
    expect(await page.locator('#error-summary').textContent()).not.toMatch(/is not|must be/);
    await checker.check(page, 'payments-04b-batches-debtor-error');
    await page.getByLabel(/^BIC/).fill('');
    await page.getByLabel('IBAN van de gemeente').fill('NL02 ABNA 0123 4567 89');
    await page.getByLabel('Selecteer Jaarabonnement trein').check();
    await page.getByLabel('Selecteer Fiets voor werk').check();
    await page.getByRole('button', { name: 'Batch maken van selectie' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: /^Betaalbatch DBB-/ }));
    expect(await flash(page)).toContain('aangemaakt');
    await checker.check(page, 'payments-05-batch');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download betaalbestand/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^DBB-\d{8}-[0-9A-F]{8}\.xml$/);

    const batches = ok(await t.api('GET', '/api/v1/payment-batches', { as: U.admin })).body.items;
    const items = batches[0].items as { requestId: string; endToEndId: string; amount: string }[];
    const x = items.find((i) => i.requestId === a)!;
    const y = items.find((i) => i.requestId !== a)!;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bankafschriften' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: 'Bankafschriften (camt.053)' }));
    const statementFile = (name: string, xml: string | Buffer) => ({ name, mimeType: 'application/xml', buffer: Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8') });
    // nothing chosen
    await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
    await shows(page, page.locator('#f-file-error'));
    expect(await page.locator('#f-file-error').textContent()).toContain('Kies het camt.053-bestand van de bank, of plak de XML-tekst');
    // a file with a malformed amount: refused at the file field, in Dutch, naming the line
    await page.getByLabel('Bankafschrift (camt.053-bestand)').setInputFiles(statementFile('WEB-1.xml', camt053({ statementId: 'WEB-1', entries: [{ amount: '1250,00', endToEndId: x.endToEndId }] })));
    await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
    await shows(page, page.locator('#f-file-error'));
    const refused = await page.locator('#f-file-error').textContent();
    expect(refused).toMatch(/Afschrift geweigerd, er is niets geboekt\. Regel \d+ \(post 1 van afschrift WEB-1\): Ntry\/Amt "1250,00" is geen bedrag/);
    expect(await page.locator('main').textContent()).not.toMatch(/is not an amount|entry 1 of statement/);
    await checker.check(page, 'payments-06-statement-error');
    // a file above the limit: 413, said in Dutch
    await page.getByLabel('Bankafschrift (camt.053-bestand)').setInputFiles(statementFile('groot.xml', Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)));
    const [tooLarge] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/admin/bank-statements') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Afschrift inlezen' }).click()]);
    expect(tooLarge.status()).toBe(413);
    await shows(page, page.locator('#f-file-error'));
    expect(await page.locator('#f-file-error').textContent()).toContain('Het bestand is groter dan 5 MB');
    await checker.check(page, 'payments-06b-statement-too-large');
    const web2 = camt053({
      statementId: 'WEB-2',
      entries: [{ amount: '1250.00', endToEndId: x.endToEndId }, { amount: '180.00', endToEndId: y.endToEndId }, { amount: '180.00', direction: 'CRDT', endToEndId: y.endToEndId, returnReason: 'AC04' }],
    });
    await page.getByLabel('Bankafschrift (camt.053-bestand)').setInputFiles(statementFile('WEB-2.xml', web2));
    await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: 'Afschrift WEB-2' }));
    expect(await flash(page)).toContain('2 betaald geboekt, 1 om na te kijken');
    await checker.check(page, 'payments-07-statement');
    // the same statement pasted as text: recognised, nothing changes
    await page.goto(`${t.baseUrl}/admin/bank-statements`);
    await page.getByText('Of plak de XML-tekst van het afschrift').click();
    await page.getByLabel('XML-tekst van het afschrift (camt.053)').fill(web2);
    await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: 'Afschrift WEB-2' }));
    expect(await flash(page)).toContain('was al ingelezen; er is niets veranderd');
    await page.goto(`${t.baseUrl}/admin/bank-statements`);
    await shows(page, page.getByRole('button', { name: 'Weer openzetten' }));
    await checker.check(page, 'payments-08-statements-open');
    await page.getByRole('button', { name: 'Weer openzetten' }).click();
    expect(await flash(page)).toContain('Regel verwerkt');
    expect(ok(await t.api('GET', `/api/v1/requests/${y.requestId}`, { as: U.admin })).body.status).toBe('approved');
    expect(ok(await t.api('GET', `/api/v1/requests/${a}`, { as: U.admin })).body.status).toBe('paid');

    await page.goto(`${t.baseUrl}/admin/payment-batches?lang=en`);
    await shows(page, page.getByRole('heading', { level: 1, name: 'Payment batches (SEPA)' }));
    await checker.check(page, 'payments-09-batches-en');
    await page.goto(`${t.baseUrl}/admin/payment-batches?lang=nl`);
  });

  it('fits the payment pages on a phone', async () => {
    const page = await as(U.admin, PHONE);
    for (const [path, name] of [['/admin/payment-batches', 'payments-10-batches-phone'], ['/admin/bank-statements', 'payments-11-statements-phone']] as const) {
      await page.goto(`${t.baseUrl}${path}`);
      await checker.check(page, name);
      expect(await overflowing(page)).toEqual([]);
    }
    const batches = ok(await t.api('GET', '/api/v1/payment-batches', { as: U.admin })).body.items;
    await page.goto(`${t.baseUrl}/admin/payment-batches/${batches[0].id}`);
    await checker.check(page, 'payments-12-batch-phone');
    expect(await overflowing(page)).toEqual([]);
  });

  it('has no serious accessibility violations and no CSP or asset problems on any page visited', () => {
    expect(checker.failures()).toEqual([]);
    expect(sessions.problems).toEqual([]);
  });
});
