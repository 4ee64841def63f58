import type { Browser, Page } from 'playwright-core';
import { U } from '../support/users';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { BrowserSessions, launchBrowser, LAPTOP, overflowing, PageChecker, shows, PHONE_390 } from './support/browser';

const ADMIN = U.admin;
const HOLDER = U.bh;
const HOLDER2 = U.bh2;
const PHONE = PHONE_390;

/** Administrators change what they set up earlier: fund rules and holders, people, passwords; and check the ledger. */
describe('web: administration after creation', () => {
  let t: TestApp;
  let browser: Browser;
  let fundId: string;
  const checker = new PageChecker();
  const sessions = new BrowserSessions(() => browser, () => t.baseUrl, TEST_PASSWORD);
  const as = (email: string, viewport = LAPTOP): Promise<Page> => sessions.as(email, viewport);

  const flash = (page: Page) => page.locator('.app-flash').textContent();
  const both = async (path: string, name: string) => {
    for (const [vp, suffix] of [[LAPTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const p = await as(ADMIN, vp);
      await p.goto(`${t.baseUrl}${path}`);
      await checker.check(p, `admin-edit-${name}-${suffix}`);
      await expect(overflowing(p)).resolves.toEqual([]);
      await p.context().close();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fund = await t.api('POST', '/api/v1/funds', {
      as: ADMIN,
      body: {
        name: 'Fonds Zuid', periodStart: '2026-01-01', periodEnd: '2030-12-31',
        rules: { requesterMandate: '100.00', singleApproverLimit: '1000.00', personCapPerYear: '20000.00', urgentDecisionHours: 24 },
        holderIds: [t.seeded.users[HOLDER].id],
      },
    });
    expect(fund.status).toBe(201);
    fundId = fund.body.id;
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('edits a fund’s rules and budget holders after creation, with field errors for bad input', async () => {
    const page = await as(ADMIN);
    await page.goto(`${t.baseUrl}/funds/${fundId}`);
    await page.getByRole('link', { name: 'Regels en budgethouders wijzigen' }).click();
    await expect(page.getByLabel('Grens één budgethouder').inputValue()).resolves.toBe('1000,00');
    await page.getByLabel('Grens één budgethouder').fill('50');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await shows(page, page.locator('.app-error-summary'));
    await checker.check(page, 'admin-edit-fund-errors');
    const unchanged = await t.api('GET', `/api/v1/funds/${fundId}`, { as: ADMIN });
    expect(unchanged.body.rules.singleApproverLimit).toBe('1000.00');

    await page.getByLabel('Grens één budgethouder').fill('2.500,00');
    await page.getByLabel('Esra Budgethouder', { exact: false }).check();
    await page.getByLabel('Bram Budgethouder', { exact: false }).uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(flash(page)).resolves.toContain('Fonds bijgewerkt');
    const after = await t.api('GET', `/api/v1/funds/${fundId}`, { as: ADMIN });
    expect(after.body.rules.singleApproverLimit).toBe('2500.00');
    expect(after.body.holders.map((h: { id: string }) => h.id)).toEqual([t.seeded.users[HOLDER2].id]);
    await both(`/admin/funds/${fundId}/edit`, 'fund');
  });

  it('edits a user’s name, e-mail and organisation, and refuses an e-mail address that is taken', async () => {
    const page = await as(ADMIN);
    const id = t.seeded.users[HOLDER].id;
    await page.goto(`${t.baseUrl}/admin/users/${id}`);
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(HOLDER2);
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await shows(page, page.locator('#f-email-error'));
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('Er bestaat al een gebruiker');
    await page.getByRole('textbox', { name: 'Naam' }).fill('Bram de Budgethouder');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('bram@demo.local');
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await expect(flash(page)).resolves.toContain('Gebruiker bijgewerkt');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bram de Budgethouder');
    const users = await t.api('GET', '/api/v1/users', { as: ADMIN });
    const u = (users.body.items ?? users.body).find((x: { id: string }) => x.id === id);
    expect(u.email).toBe('bram@demo.local');
    await both(`/admin/users/${id}`, 'user');
  });

  it('resets a password after confirmation and shows the temporary password once', async () => {
    const page = await as(ADMIN);
    const id = t.seeded.users[HOLDER2].id;
    await page.goto(`${t.baseUrl}/admin/users/${id}`);
    await page.getByRole('button', { name: 'Tijdelijk wachtwoord maken' }).click();
    await shows(page, page.getByRole('heading', { name: 'Wachtwoord opnieuw instellen' }));
    expect((await fetch(`${t.baseUrl}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: HOLDER2, password: TEST_PASSWORD }) })).status).toBe(200);
    await page.getByRole('button', { name: 'Ja, tijdelijk wachtwoord maken' }).click();
    const temporary = ((await page.locator('[data-temporary-password]').textContent()) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await checker.check(page, 'admin-edit-password');
    const token = (pw: string) => fetch(`${t.baseUrl}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: HOLDER2, password: pw }) });
    expect((await token(TEST_PASSWORD)).status).toBe(401);
    expect((await token(temporary)).status).toBe(200);
    await page.goto(`${t.baseUrl}/admin/users/${id}`);
    await expect(page.locator('main').textContent()).resolves.not.toContain(temporary);
  });

  it('changes a catalogue item’s price year and source, listing labels and full sources instead of keys', async () => {
    const page = await as(ADMIN);
    await page.goto(`${t.baseUrl}/admin/catalogue`);
    const main = await page.locator('main').innerText();
    expect(main).not.toContain('detention_day');
    expect(main).toContain('Dag detentie volwassene');
    await page.getByRole('link', { name: /Bedrag, prijsjaar en bron wijzigen — Dag detentie volwassene/ }).click();
    await expect(page.getByLabel(/Prijsjaar/).inputValue()).resolves.toBe('2013');
    await page.getByLabel(/Prijsjaar/).fill('1850');
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await shows(page, page.locator('.app-error-summary'));
    await checker.check(page, 'admin-edit-catalogue-errors');
    const longSource = 'DJI, Kerncijfers gevangeniswezen 2024, tabel 3.2: gemiddelde kostprijs per plaats per dag, inclusief overhead, huisvesting en zorg, herberekend door de gemeente';
    await page.getByLabel(/Prijsjaar/).fill('2024');
    await page.getByLabel('Bron', { exact: true }).fill(longSource);
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await expect(flash(page)).resolves.toContain('Nieuwe versie van Dag detentie volwassene');
    const items = await t.api('GET', '/api/v1/cost-items', { as: ADMIN });
    const item = (items.body.items ?? items.body).find((i: { key: string }) => i.key === 'detention_day');
    expect([item.year, item.source]).toEqual([2024, longSource]);
    await expect(page.locator('main').innerText()).resolves.toContain(longSource);
    await both('/admin/catalogue/detention_day/edit', 'catalogue-item');
  });

  it('shows the ledger check as a readable Dutch page', async () => {
    const page = await as(ADMIN);
    await page.getByRole('link', { name: 'Grootboekcontrole' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/ledger');
    await expect(page.locator('[data-ledger-result]').textContent()).resolves.toContain('Alles klopt');
    await expect(page.locator('[data-check="hash_chain"]').textContent()).resolves.toContain('In orde');
    await expect(page.locator('main').textContent()).resolves.toContain('Keten van vingerafdrukken');
    await both('/admin/ledger', 'ledger');
  });

  it('passes axe on every page visited, with no CSP violations', async () => {
    await sessions.closeAll();
    expect(checker.failures()).toEqual([]);
    expect(sessions.problems).toEqual([]);
  });
});
