import type { Browser, Page } from 'playwright-core';
import { U } from '../support/users';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { BrowserSessions, launchBrowser, LAPTOP, overflowing, PageChecker, shows, PHONE_390 } from './support/browser';

const ADMIN = U.admin;
const PRO = U.pro;
const HOLDER = U.bh;
const HOLDER2 = U.bh2;
const STEERING = U.sg;
const PHONE = PHONE_390;

/**
 * Two approvers, the steering group's second approval, moving on to the next request, and the
 * confirmation that every irreversible action asks for, in a real browser (axe on every page).
 */
describe('web: decisions by two approvers and the steering group', () => {
  let t: TestApp;
  let browser: Browser;
  let fundId: string;
  let bigId: string;
  let smallId: string;
  const checker = new PageChecker();
  const sessions = new BrowserSessions(() => browser, () => t.baseUrl, TEST_PASSWORD);
  const as = (email: string, viewport = LAPTOP): Promise<Page> => sessions.as(email, viewport);

  const flash = (page: Page) => page.locator('.app-flash').textContent();
  const status = async (id: string) => (await t.api('GET', `/api/v1/requests/${id}`, { as: ADMIN })).body.status as string;
  const both = async (email: string, path: string, name: string) => {
    for (const [vp, suffix] of [[LAPTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const p = await as(email, vp);
      await p.goto(`${t.baseUrl}${path}`);
      await checker.check(p, `decide-${name}-${suffix}`);
      await expect(overflowing(p)).resolves.toEqual([]);
      await p.context().close();
    }
  };

  async function submitted(title: string, amount: string): Promise<string> {
    const c = await t.api('POST', '/api/v1/cases', { as: PRO, body: { neighbourhood: 'Zuid', lifeDomains: ['safety'] } });
    const r = await t.api('POST', '/api/v1/requests', {
      as: PRO,
      body: {
        caseId: c.body.id, fundId, title, justification: 'Voorkomt detentie.', amount, payee: 'NS Reizigers', lifeDomain: 'safety',
        conventionalRoute: [{ costItemKey: 'detention_day', quantity: '30', probability: '0.5' }],
      },
    });
    expect(r.status).toBe(201);
    expect((await t.api('POST', `/api/v1/requests/${r.body.id}/submit`, { as: PRO })).status).toBe(200);
    return r.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fund = await t.api('POST', '/api/v1/funds', {
      as: ADMIN,
      body: {
        name: 'Doorbraakfonds West', periodStart: '2026-01-01', periodEnd: '2030-12-31',
        rules: { requesterMandate: '100.00', singleApproverLimit: '1000.00', personCapPerYear: '20000.00', urgentDecisionHours: 24 },
        holderIds: [t.seeded.users[HOLDER].id, t.seeded.users[HOLDER2].id],
      },
    });
    expect(fund.status).toBe(201);
    fundId = fund.body.id;
    const orgId = Object.values(t.seeded.organisations)[0].id;
    expect((await t.api('POST', `/api/v1/funds/${fundId}/contributions`, { as: ADMIN, body: { organisationId: orgId, amount: '20000.00', note: 'start' } })).status).toBe(201);
    bigId = await submitted('Jaarabonnement trein', '3000.00');
    smallId = await submitted('Borg kamer', '500.00');
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('after the first of two approvals shows 1 of 2, takes the request off the first approver’s list and says why he cannot approve again', async () => {
    const page = await as(HOLDER);
    await expect(page.locator('table.app-queue tbody tr').count()).resolves.toBe(2);
    await page.goto(`${t.baseUrl}/approvals/${bigId}`);
    await expect(page.locator('[data-approvals]').textContent()).resolves.toBe('0 van 2');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await shows(page, page.getByText('Eerste akkoord gegeven'));
    // on to the next request of the queue
    expect(new URL(page.url()).pathname).toBe(`/approvals/${smallId}`);
    await expect(flash(page)).resolves.toContain('Volgende aanvraag in uw lijst');
    expect(await status(bigId)).toBe('submitted');

    await page.goto(`${t.baseUrl}/queue`);
    const rows = page.locator('table.app-queue tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Borg kamer');

    await page.goto(`${t.baseUrl}/approvals/${bigId}`);
    await expect(page.locator('[data-progress]').textContent()).resolves.toBe(
      '1 van 2 akkoorden — wacht op een budgethouder van een andere organisatie (of de stuurgroep)',
    );
    await expect(page.getByRole('button', { name: 'Goedkeuren' }).count()).resolves.toBe(0);
    const why = (await page.locator('[data-why]').textContent()) ?? '';
    expect(why).toContain('U gaf het eerste akkoord');
    expect(why).not.toContain('rol');
    await checker.check(page, 'decide-01-first-approver');
  });

  it('shows the second budget holder the request with its approval progress in the queue and the justification PDF on the decision page', async () => {
    const page = await as(HOLDER2);
    const row = page.locator('table.app-queue tbody tr', { hasText: 'Jaarabonnement trein' });
    await expect(row.locator('[data-progress]').textContent()).resolves.toContain('1 van 2 akkoorden');
    await checker.check(page, 'decide-02-queue-second');
    await row.getByRole('link').click();
    const pdfHref = await page.getByRole('link', { name: /Verantwoording van deze aanvraag/ }).getAttribute('href');
    const pdf = await page.request.get(`${t.baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await both(HOLDER2, '/queue', 'queue');
    await both(HOLDER2, `/approvals/${bigId}`, 'approval');
  });

  it('gives the steering group a “Te beoordelen” page in the menu that opens the same decision page', async () => {
    const page = await as(STEERING);
    await page.getByRole('navigation').getByRole('link', { name: 'Te beoordelen' }).click();
    expect(new URL(page.url()).pathname).toBe('/review');
    const rows = page.locator('table.app-queue tbody tr');
    await expect(rows.count()).resolves.toBe(1); // the single-approver request is not the steering group's
    await expect(rows.first().textContent()).resolves.toContain('Jaarabonnement trein');
    await checker.check(page, 'decide-03-review');
    await both(STEERING, '/review', 'review');
    await rows.first().getByRole('link').click();
    expect(new URL(page.url()).pathname).toBe(`/approvals/${bigId}`);
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await shows(page, page.getByText('Aanvraag goedgekeurd'));
    expect(new URL(page.url()).pathname).toBe('/review');
    await expect(page.locator('main').textContent()).resolves.toContain('Geen aanvragen meer');
    expect(await status(bigId)).toBe('approved');
    await checker.check(page, 'decide-04-review-empty');
  });

  it('asks for confirmation before cancelling an approved request and changes nothing until confirmed', async () => {
    const page = await as(HOLDER);
    await page.goto(`${t.baseUrl}/approvals/${smallId}`);
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await shows(page, page.getByText('Aanvraag goedgekeurd'));
    expect(await status(smallId)).toBe('approved');
    await page.goto(`${t.baseUrl}/approvals/${smallId}`);
    await page.getByLabel(/Reden van annuleren/).fill('Dubbel aangevraagd.');
    await page.getByRole('button', { name: 'Goedgekeurde aanvraag annuleren' }).click();
    await shows(page, page.getByRole('heading', { name: 'Goedgekeurde aanvraag annuleren' }));
    await expect(page.locator('main').textContent()).resolves.toContain('€ 500,00');
    expect(await status(smallId)).toBe('approved');
    await checker.check(page, 'decide-05-cancel-confirm');
    await both(HOLDER, `/approvals/${smallId}`, 'approved');
    await page.getByRole('link', { name: 'Nee, ga terug' }).click();
    expect(new URL(page.url()).pathname).toBe(`/approvals/${smallId}`);
    expect(await status(smallId)).toBe('approved');
    await page.getByRole('button', { name: 'Goedgekeurde aanvraag annuleren' }).click();
    await page.getByRole('button', { name: 'Ja, annuleren' }).click();
    await expect(flash(page)).resolves.toContain('Aanvraag geannuleerd');
    expect(await status(smallId)).toBe('cancelled');
  });

  it('asks an administrator to confirm before cancelling a commitment on the payments page', async () => {
    const id = await submitted('Fiets', '400.00');
    expect((await t.api('POST', `/api/v1/requests/${id}/approve`, { as: HOLDER, body: {} })).status).toBe(200);
    const page = await as(ADMIN);
    await page.goto(`${t.baseUrl}/admin/payments`);
    await page.locator(`form[action="/admin/payments/${id}/cancel"] button`).click();
    await shows(page, page.getByRole('heading', { name: 'Reservering annuleren' }));
    expect(await status(id)).toBe('approved');
    await checker.check(page, 'decide-06-payment-cancel-confirm');
    await page.getByRole('button', { name: 'Ja, annuleren' }).click();
    await expect(flash(page)).resolves.toContain('Aanvraag geannuleerd');
    expect(await status(id)).toBe('cancelled');
  });

  it('keeps the header and menu of a 390 px phone within a fifth of the screen, behind a Menu button that opens', async () => {
    const page = await as(STEERING, PHONE);
    const header = await page.locator('header.app-header').boundingBox();
    expect(header?.height ?? 9999).toBeLessThanOrEqual(PHONE.height / 5);
    await expect(page.getByRole('link', { name: 'Te beoordelen' }).count()).resolves.toBe(0); // folded away
    await page.locator('summary', { hasText: 'Menu' }).click();
    await checker.check(page, 'decide-07-phone-menu-open');
    await page.getByRole('navigation').getByRole('link', { name: 'Te beoordelen' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/review');
    const desktop = await as(STEERING, LAPTOP);
    await expect(desktop.locator('summary', { hasText: 'Menu' }).isVisible()).resolves.toBe(false);
    await expect(desktop.getByRole('navigation').getByRole('link', { name: 'Te beoordelen' }).isVisible()).resolves.toBe(true);
  });

  it('passes axe on every page visited, with no CSP violations', async () => {
    await sessions.closeAll();
    expect(checker.failures()).toEqual([]);
    expect(sessions.problems).toEqual([]);
  });
});
