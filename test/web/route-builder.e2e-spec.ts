import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { join } from 'node:path';
import { launchBrowser, login, newContext, overflowing, PageChecker, SCREENSHOT_DIR, shows } from './support/browser';

const ADMIN = 'admin@demo.local';
const PRO = 'professional@demo.local';
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The conventional-route builder of the request form, with and without JavaScript. */
describe('web: conventional-route builder', () => {
  let t: TestApp;
  let browser: Browser;
  let fundId: string;
  const checker = new PageChecker();
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  async function as(email: string, viewport = LAPTOP, javaScriptEnabled = true): Promise<Page> {
    if (!javaScriptEnabled) {
      const context = await browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', javaScriptEnabled: false });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await login(page, t.baseUrl, email, TEST_PASSWORD);
      return page;
    }
    const c = await newContext(browser, viewport);
    contexts.push(c.context);
    c.context.on('close', () => problems.push(...c.problems));
    const page = await c.context.newPage();
    await login(page, t.baseUrl, email, TEST_PASSWORD);
    return page;
  }
  const lines = (page: Page) => page.locator('.app-route > .app-route__line');
  const comparison = (page: Page) => page.locator('[data-comparison]');

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fund = await t.api('POST', '/api/v1/funds', {
      as: ADMIN,
      body: {
        name: 'Doorbraakfonds Noord', periodStart: '2026-01-01', periodEnd: '2030-12-31',
        rules: { requesterMandate: '100.00', singleApproverLimit: '5000.00', personCapPerYear: '20000.00', urgentDecisionHours: 24 },
        holderIds: [t.seeded.users['budgethouder@demo.local'].id],
      },
    });
    expect(fund.status).toBe(201);
    fundId = fund.body.id;
    expect((await t.api('POST', '/api/v1/cases', { as: PRO, body: { neighbourhood: 'Noord', lifeDomains: ['safety'] } })).status).toBe(201);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('preselects the only fund, starts with one line and lets the user add and remove lines beyond four', async () => {
    const page = await as(PRO);
    await page.goto(`${t.baseUrl}/requests/new`);
    await expect(page.getByLabel('Fonds').inputValue()).resolves.toBe(fundId);
    await expect(lines(page).count()).resolves.toBe(1);
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Regel toevoegen' }).click();
      await shows(page, page.locator(`#route-line-${i + 2}`));
    }
    await expect(lines(page).count()).resolves.toBe(6);
    // the page comes back at the new line, not at the top
    expect(new URL(page.url()).hash).toBe('#route-line-6');
    await page.locator('#f-conventionalRoute-1-costItemKey').selectOption('case_meeting');
    await page.getByRole('button', { name: 'Verwijder regel 1' }).click();
    await shows(page, page.locator('#route-line-5'));
    await expect(lines(page).count()).resolves.toBe(5);
    await expect(page.locator('#f-conventionalRoute-0-costItemKey').inputValue()).resolves.toBe('case_meeting');
  });

  it('groups the catalogue by kind and bearer with nl-NL amounts and price years, and searches it', async () => {
    const page = await as(PRO);
    await page.goto(`${t.baseUrl}/requests/new`);
    const select = page.locator('#f-conventionalRoute-0-costItemKey');
    const groups = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => (g as unknown as { label: string }).label));
    expect(groups).toContain('Fiscaal — Justitie (DJI)');
    expect(groups.some((g) => g.startsWith('Maatschappelijk'))).toBe(true);
    const juvenile = await select.locator('option[value="detention_day_juvenile"]').textContent();
    expect(juvenile).toBe('Dag detentie minderjarige (justitiële jeugdinrichting) — € 547,00 per dag (prijs 2013)');
    const shelter = await select.locator('option[value="shelter_place_year"]').textContent();
    expect(shelter).toContain('€ 15.000,00 per jaar (prijs 2025)');
    await page.getByLabel('Zoek in de catalogus').fill('detentie minderjarige');
    const visible = await select.locator('option:not([hidden])').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(visible).toEqual(['', 'detention_day_juvenile']);
    await checker.check(page, 'builder-01-search');
  });

  it('updates the comparison as lines change, warns about implausible choices and explains the figures', async () => {
    const page = await as(PRO);
    await page.goto(`${t.baseUrl}/requests/new`);
    await page.getByLabel('Bedrag (euro)').fill('3000');
    await page.locator('#f-conventionalRoute-0-costItemKey').selectOption('detention_day_juvenile');
    await page.locator('#f-conventionalRoute-0-quantity').fill('400');
    await page.locator('#f-conventionalRoute-0-percent').fill('50');
    // no button pressed: the comparison arrives by itself
    await shows(page, comparison(page).locator('tbody tr', { hasText: 'Dag detentie minderjarige' }));
    const warnings = (await comparison(page).locator('[data-route-warnings]').textContent()) ?? '';
    expect(warnings).toContain('geldt voor minderjarigen');
    expect(warnings).toContain('meer dan 366 dagen');
    const indexed = (await comparison(page).locator('[data-indexed]').first().textContent()) ?? '';
    expect(indexed).toMatch(/^€ 547,00 in 2013 → € \d{1,3}(\.\d{3})*,\d{2} in 20\d\d, CPI$/);
    await expect(comparison(page).locator('[data-ratio-text]').textContent()).resolves.toMatch(/^€ \d+,\d{2} vermeden per uitgegeven euro; netto baat € /);
    await expect(comparison(page).locator('[data-low-high]').textContent()).resolves.toContain('Laag en hoog');
    await expect(comparison(page).locator('#cmp-note-1').textContent()).resolves.toContain('Betrouwbaarheid van de bron');
    await checker.check(page, 'builder-02-live-desktop');
    expect(problems).toEqual([]);

    const phone = await as(PRO, PHONE);
    await phone.goto(`${t.baseUrl}/requests/new`);
    await phone.getByLabel('Bedrag (euro)').fill('3000');
    await phone.locator('#f-conventionalRoute-0-costItemKey').selectOption('detention_day');
    await phone.locator('#f-conventionalRoute-0-quantity').fill('30');
    await phone.locator('#f-conventionalRoute-0-percent').fill('50');
    await shows(phone, comparison(phone).locator('tbody tr', { hasText: 'Dag detentie volwassene' }));
    await checker.check(phone, 'builder-03-live-phone');
    await expect(overflowing(phone)).resolves.toEqual([]);
  });

  it('without JavaScript brings the user back to the result after recalculating', async () => {
    const page = await as(PRO, LAPTOP, false);
    await page.goto(`${t.baseUrl}/requests/new`);
    await expect(page.locator('[data-route-search]').isVisible()).resolves.toBe(false);
    await page.getByLabel('Bedrag (euro)').fill('3000');
    await page.locator('#f-conventionalRoute-0-costItemKey').selectOption('detention_day');
    await page.locator('#f-conventionalRoute-0-quantity').fill('60');
    await page.locator('#f-conventionalRoute-0-percent').fill('50');
    await page.getByRole('button', { name: 'Bereken vergelijking' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).hash).toBe('#comparison');
    await shows(page, comparison(page).locator('tbody tr', { hasText: 'Dag detentie volwassene' }));
    // scrolled to the result: the comparison's heading is at the top of the viewport (page scripts are off, so no evaluate)
    const box = await page.locator('#comparison').boundingBox();
    expect(Math.abs(box?.y ?? 9999)).toBeLessThan(50);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'builder-04-nojs-result.png') });
  });

  it('saves the lines as entered', async () => {
    const page = await as(PRO);
    await page.goto(`${t.baseUrl}/requests/new`);
    await page.getByLabel('Casus').selectOption({ index: 1 });
    await page.getByLabel('Titel').fill('Jaarabonnement');
    await page.getByLabel('Bedrag (euro)').fill('3000');
    await page.getByLabel('Te betalen aan').fill('NS');
    await page.getByLabel('Levensdomein').selectOption('safety');
    await page.getByLabel('Onderbouwing').fill('Voorkomt detentie.');
    for (const [i, key] of ['detention_day', 'case_meeting', 'police_e33_incident', 'seh_visit', 'gp_consult'].entries()) {
      if (i > 0) {
        await page.getByRole('button', { name: 'Regel toevoegen' }).click();
        await shows(page, page.locator(`#route-line-${i + 1}`));
      }
      await page.locator(`#f-conventionalRoute-${i}-costItemKey`).selectOption(key);
      await page.locator(`#f-conventionalRoute-${i}-quantity`).fill(String(i + 1));
      await page.locator(`#f-conventionalRoute-${i}-percent`).fill('50');
    }
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await shows(page, page.locator('.app-badges'));
    const id = new URL(page.url()).pathname.split('/')[2];
    const r = await t.api('GET', `/api/v1/requests/${id}`, { as: PRO });
    expect(r.body.comparison.lines.map((l: { costItemKey: string }) => l.costItemKey)).toEqual(['detention_day', 'case_meeting', 'police_e33_incident', 'seh_visit', 'gp_consult']);
  });

  it('passes axe on every page visited, with no CSP violations', async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    expect(checker.failures()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
