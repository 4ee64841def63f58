import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { DESKTOP, launchBrowser, login, logout, newContext, overflowing, PageChecker, PHONE, shows, submitLogin } from './support/browser';

const PRO = 'professional@demo.local';
const HOLDER = 'budgethouder@demo.local';

/**
 * The whole journey in a real browser: a professional registers a case and an urgent request with
 * its conventional route, the budget holder finds it first in the queue and approves it, the fund's
 * available money drops by the amount; a rejection needs a reason; professionals cannot reach the
 * approval pages; user text is escaped. axe-core runs on every page visited.
 */
describe('web journey: request → queue → approval', () => {
  let t: TestApp;
  let browser: Browser;
  let fundId: string;
  let olderRequestId: string;
  let urgentRequestId: string;
  const checker = new PageChecker();
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  async function open(viewport = DESKTOP): Promise<Page> {
    const c = await newContext(browser, viewport);
    contexts.push(c.context);
    c.context.on('close', () => problems.push(...c.problems));
    const page = await c.context.newPage();
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    return page;
  }

  const flash = (page: Page) => page.locator('.app-flash').textContent();
  const figure = async (page: Page, name: string) => (await page.locator(`[data-figure="${name}"]`).textContent())?.trim();

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const holderId = t.seeded.users[HOLDER].id;
    const fund = await t.api('POST', '/api/v1/funds', {
      as: 'admin@demo.local',
      body: {
        name: 'Doorbraakfonds Zuidoost',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        rules: { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '20000.00', urgentDecisionHours: 24 },
        holderIds: [holderId],
      },
    });
    expect(fund.status).toBe(201);
    fundId = fund.body.id;
    const orgId = Object.values(t.seeded.organisations)[0].id;
    const contribution = await t.api('POST', `/api/v1/funds/${fundId}/contributions`, { as: 'admin@demo.local', body: { organisationId: orgId, amount: '10000.00', note: 'startbudget' } });
    expect(contribution.status).toBe(201);
    // an older, non-urgent request that is already waiting: the urgent one must still come first
    const c = await t.api('POST', '/api/v1/cases', { as: PRO, body: { neighbourhood: 'Noord', lifeDomains: ['income_debts'] } });
    const older = await t.api('POST', '/api/v1/requests', {
      as: PRO,
      body: {
        caseId: c.body.id, fundId, title: 'Schuldhulp overbrugging', justification: 'Afbetaling om uithuiszetting te voorkomen.', amount: '900.00',
        payee: 'Woonstichting', lifeDomain: 'income_debts', urgent: false, conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '2', probability: '0.5' }],
      },
    });
    expect(older.status).toBe(201);
    olderRequestId = older.body.id;
    expect((await t.api('POST', `/api/v1/requests/${olderRequestId}/submit`, { as: PRO })).status).toBe(200);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('lets a professional create a case and an urgent request, compare it with the conventional route and submit it', async () => {
    const page = await open();
    await login(page, t.baseUrl, PRO, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await checker.check(page, '01-professional-dashboard');

    await page.getByRole('link', { name: 'Nieuwe casus' }).first().click();
    await checker.check(page, '02-new-case');
    await page.getByLabel('Wijk').fill('Zuidoost');
    await page.getByLabel('Wonen').check();
    await page.getByLabel('Veiligheid').check();
    await page.getByRole('button', { name: 'Casus aanmaken' }).click();
    await shows(page, page.getByText(/Casus [A-Z]{2}-\d{4}-\d{4} aangemaakt/));
    await checker.check(page, '03-case');

    await page.getByRole('link', { name: 'Nieuwe aanvraag' }).first().click();
    await page.getByLabel('Fonds').selectOption({ label: 'Doorbraakfonds Zuidoost' });
    await page.getByLabel('Titel').fill('Jaarabonnement trein');
    await page.getByLabel('Bedrag (euro)').fill('3000,00');
    await page.getByLabel('Te betalen aan').fill('NS Reizigers');
    await page.getByLabel('Levensdomein').selectOption('safety');
    await page.getByLabel('Spoed: er moet binnen uren beslist worden').check();
    await page.getByLabel('Onderbouwing').fill('Meneer reist zonder kaartje; boete na boete eindigt in detentie. Een jaarabonnement doorbreekt dat.');
    await page.locator('#f-conventionalRoute-0-costItemKey').selectOption('detention_day');
    await page.locator('#f-conventionalRoute-0-quantity').fill('60');
    await page.locator('#f-conventionalRoute-0-percent').fill('50');
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    await shows(page, page.locator('#f-conventionalRoute-1-costItemKey'));
    await page.locator('#f-conventionalRoute-1-costItemKey').selectOption('case_meeting');
    await page.locator('#f-conventionalRoute-1-quantity').fill('4');
    await page.locator('#f-conventionalRoute-1-percent').fill('100');
    await checker.check(page, '04-request-form');

    await page.getByRole('button', { name: 'Bereken vergelijking' }).click();
    const preview = page.locator('section.app-preview');
    await expect(preview.isVisible()).resolves.toBe(true);
    await expect(preview.getByText('Berekend, nog niet opgeslagen').count()).resolves.toBeGreaterThan(0);
    await expect(preview.locator('tbody tr').first().textContent()).resolves.toContain('Dag detentie');
    // nothing was saved by calculating; the values typed are still there
    await expect(page.getByLabel('Titel').inputValue()).resolves.toBe('Jaarabonnement trein');
    await checker.check(page, '05-request-comparison');

    await page.getByRole('button', { name: 'Indienen' }).click();
    await shows(page, page.getByText('Aanvraag ingediend', { exact: true }));
    await expect(page.locator('.app-badges').textContent()).resolves.toContain('Ingediend');
    urgentRequestId = new URL(page.url()).pathname.split('/')[2];
    await checker.check(page, '06-request-submitted');
    await logout(page);
    await checker.check(page, '07-logged-out');
  });

  it('shows the queue and the request page well on a 375 px phone', async () => {
    const page = await open(PHONE);
    await login(page, t.baseUrl, HOLDER, TEST_PASSWORD);
    await expect(page.locator('table.app-queue tbody tr').count()).resolves.toBe(2);
    await checker.check(page, '15-phone-queue');
    await expect(overflowing(page)).resolves.toEqual([]);
    await page.goto(`${t.baseUrl}/approvals/${urgentRequestId}`);
    await checker.check(page, '16-phone-request');
    await expect(overflowing(page)).resolves.toEqual([]);
    await page.goto(`${t.baseUrl}/requests/${urgentRequestId}`);
    await checker.check(page, '17-phone-request-view');
    await expect(overflowing(page)).resolves.toEqual([]);

    const pro = await open(PHONE);
    await login(pro, t.baseUrl, PRO, TEST_PASSWORD);
    await checker.check(pro, '17b-phone-dashboard');
    await expect(overflowing(pro)).resolves.toEqual([]);
    await pro.goto(`${t.baseUrl}/requests/new`);
    await pro.locator('#f-conventionalRoute-0-costItemKey').selectOption('detention_day');
    await pro.locator('#f-conventionalRoute-0-quantity').fill('10');
    await pro.locator('#f-conventionalRoute-0-percent').fill('50');
    await pro.getByLabel('Bedrag (euro)').fill('500');
    await pro.getByRole('button', { name: 'Bereken vergelijking' }).click();
    await checker.check(pro, '17c-phone-request-form');
    await expect(overflowing(pro)).resolves.toEqual([]);
  });

  it('puts the urgent request first in the budget holder’s queue and approving it lowers the fund’s available money', async () => {
    const page = await open();
    await page.goto(`${t.baseUrl}/funds/${fundId}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await submitLogin(page, HOLDER, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe(`/funds/${fundId}`);
    await expect(figure(page, 'available')).resolves.toBe('€ 10.000,00');
    await checker.check(page, '08-fund-before');

    await page.getByRole('link', { name: 'Te beoordelen' }).click();
    const rows = page.locator('table.app-queue tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toContain('Jaarabonnement trein');
    await expect(rows.nth(0).textContent()).resolves.toMatch(/nog (23|24) uur/);
    await expect(rows.nth(1).textContent()).resolves.toContain('Schuldhulp overbrugging');
    await checker.check(page, '09-queue');

    // a second, similar request for the same person: the approver is warned, nothing is blocked
    const urgent = await t.api('GET', `/api/v1/requests/${urgentRequestId}`, { as: PRO });
    const similar = await t.api('POST', '/api/v1/requests', {
      as: PRO,
      body: {
        caseId: urgent.body.caseId, fundId, title: 'Treinabonnement (tweede aanvraag)', justification: 'Zelfde vraag via een collega.', amount: '2900.00',
        payee: 'ns reizigers', lifeDomain: 'safety', conventionalRoute: [],
      },
    });
    expect(similar.status).toBe(201);

    await rows.nth(0).getByRole('link').click();
    expect(new URL(page.url()).pathname).toBe(`/approvals/${urgentRequestId}`);
    await expect(page.locator('.utrecht-alert.app-duplicates').textContent()).resolves.toContain('Treinabonnement (tweede aanvraag)');
    await expect(page.locator('table').first().textContent()).resolves.toContain('Dag detentie');
    await checker.check(page, '10-approval-page');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await shows(page, page.getByText('Aanvraag goedgekeurd'));
    // on to the next request in the queue
    expect(new URL(page.url()).pathname).toBe(`/approvals/${olderRequestId}`);
    await expect(flash(page)).resolves.toContain('Volgende aanvraag in uw lijst');
    expect((await t.api('GET', `/api/v1/requests/${urgentRequestId}`, { as: HOLDER })).body.status).toBe('approved');
    await checker.check(page, '11-approved');

    await page.goto(`${t.baseUrl}/funds/${fundId}`);
    await expect(figure(page, 'available')).resolves.toBe('€ 7.000,00');
    await expect(figure(page, 'committed')).resolves.toBe('€ 3.000,00');
    await checker.check(page, '12-fund-after');
  });

  it('refuses a rejection without a reason with a message at the field and changes nothing', async () => {
    const page = await open();
    await login(page, t.baseUrl, HOLDER, TEST_PASSWORD);
    await page.goto(`${t.baseUrl}/approvals/${olderRequestId}`);
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    const field = page.locator('#f-reason');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#f-reason-error').textContent()).resolves.toContain('Vul een reden in voor de afwijzing');
    await expect(page.locator('.app-error-summary').textContent()).resolves.toContain('Vul een reden in voor de afwijzing');
    await expect(page.locator('.app-badges').textContent()).resolves.toContain('Ingediend');
    await checker.check(page, '13-reject-without-reason');
    expect((await t.api('GET', `/api/v1/requests/${olderRequestId}`, { as: HOLDER })).body.status).toBe('submitted');

    await field.fill('Past beter binnen de reguliere schuldhulpverlening.');
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    // nothing irreversible on one click: a confirmation page first
    await shows(page, page.getByRole('heading', { name: 'Aanvraag afwijzen' }));
    await expect(page.locator('main').textContent()).resolves.toContain('Past beter binnen de reguliere schuldhulpverlening.');
    expect((await t.api('GET', `/api/v1/requests/${olderRequestId}`, { as: HOLDER })).body.status).toBe('submitted');
    await checker.check(page, '14a-reject-confirm');
    await page.getByRole('button', { name: 'Ja, afwijzen' }).click();
    await shows(page, page.getByText('Aanvraag afgewezen'));
    expect(new URL(page.url()).pathname).toBe('/queue');
    await expect(page.locator('main').textContent()).resolves.toContain('Geen aanvragen meer');
    expect((await t.api('GET', `/api/v1/requests/${olderRequestId}`, { as: HOLDER })).body.status).toBe('rejected');
    await checker.check(page, '14-rejected');
  });

  it('keeps professionals out of the approval pages with a 403 page', async () => {
    const page = await open();
    await login(page, t.baseUrl, PRO, TEST_PASSWORD);
    const res = await page.goto(`${t.baseUrl}/approvals/${olderRequestId}`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('U heeft geen toegang tot deze pagina');
    await checker.check(page, '18-forbidden');
    expect((await page.goto(`${t.baseUrl}/queue`))?.status()).toBe(403);
    expect(await page.getByRole('link', { name: 'Te beoordelen' }).count()).toBe(0);
  });

  it('shows a title with a script tag literally, without running it', async () => {
    const page = await open();
    await login(page, t.baseUrl, PRO, TEST_PASSWORD);
    await page.goto(`${t.baseUrl}/requests/new`);
    await page.getByLabel('Casus').selectOption({ index: 1 });
    await page.getByLabel('Fonds').selectOption({ label: 'Doorbraakfonds Zuidoost' });
    await page.getByLabel('Titel').fill('<script>alert(1)</script>');
    await page.getByLabel('Bedrag (euro)').fill('100');
    await page.getByLabel('Te betalen aan').fill('<b>vet</b>');
    await page.getByLabel('Levensdomein').selectOption('housing');
    await page.getByLabel('Onderbouwing').fill('"><img src=x onerror=alert(2)>');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await shows(page, page.getByText('Concept opgeslagen'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('<script>alert(1)</script>');
    await expect(page.locator('main script').count()).resolves.toBe(0);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await checker.check(page, '19-xss-escaped');
  });

  it('refuses a form post without a valid CSRF token with a Dutch 403 page', async () => {
    const page = await open();
    await login(page, t.baseUrl, PRO, TEST_PASSWORD);
    const res = await page.request.post(`${t.baseUrl}/cases`, { form: { neighbourhood: 'Oost' } });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('Het formulier is verlopen');
    const forged = await page.request.post(`${t.baseUrl}/cases`, { form: { neighbourhood: 'Oost', _csrf: 'vervalst.token' } });
    expect(forged.status()).toBe(403);
  });

  it('found no serious or critical accessibility problem and no CSP violation on any page', async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(checker.visited.length).toBeGreaterThanOrEqual(18);
    expect(checker.failures()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
