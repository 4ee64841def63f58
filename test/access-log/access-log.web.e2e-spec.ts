import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { U } from '../support/users';
import { launchBrowser, login, newContext, overflowing, PageChecker, shows } from '../web/support/browser';

const PRIVACY = 'fg@demo.local';
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The access log in a real browser: reads through the web UI are recorded and the privacy officer filters them. */
describe('web: access log', () => {
  let t: TestApp;
  let browser: Browser;
  let caseInfo: { id: string; code: string };
  let requestId: string;
  const checker = new PageChecker();
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  async function as(email: string, viewport = WIDE): Promise<Page> {
    const c = await newContext(browser, viewport);
    contexts.push(c.context);
    c.context.on('close', () => problems.push(...c.problems));
    const page = await c.context.newPage();
    await login(page, t.baseUrl, email, TEST_PASSWORD);
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fundId = await makeFund(t);
    caseInfo = await makeCase(t, U.pro, { neighbourhood: 'Centrum' });
    requestId = (await makeRequest(t, caseInfo.id, fundId)).id;
    await makeUser(t, PRIVACY, 'gemeente', ['privacy_officer']);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('records the professional reading a case and a request in the web UI', async () => {
    const page = await as(U.pro);
    await page.goto(`${t.baseUrl}/cases/${caseInfo.id}`);
    await page.goto(`${t.baseUrl}/requests/${requestId}`);
    const rows: { action: string; channel: string; case_id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT action, channel, case_id FROM access_log WHERE user_email = $1 ORDER BY occurred_at`, [U.pro]);
    expect(rows).toEqual([
      { action: 'case.read', channel: 'web', case_id: caseInfo.id },
      { action: 'request.read', channel: 'web', case_id: caseInfo.id },
    ]);
  });

  it('lets the privacy officer filter by case, user and period and download CSV', async () => {
    const page = await as(PRIVACY);
    expect(new URL(page.url()).pathname).toBe('/admin/access-log');
    await shows(page, page.getByRole('heading', { name: 'Toegangslog', level: 1 }));
    await page.getByLabel('Casuscode').fill(caseInfo.code);
    await page.getByLabel('E-mailadres gebruiker').fill(U.pro);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    await page.getByLabel('Vanaf (JJJJ-MM-DD)').fill(today);
    await page.getByLabel('Tot en met (JJJJ-MM-DD)').fill(today);
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForLoadState('load');
    const cells = await page.locator('tbody tr').allTextContents();
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Aanvraag ingezien');
    expect(cells[1]).toContain('Casus ingezien');
    expect(cells.every((c) => c.includes(caseInfo.code) && c.includes('Web'))).toBe(true);
    await checker.check(page, 'access-log-01-filtered-1366');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download als CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^toegangslog-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.getByLabel('Vanaf (JJJJ-MM-DD)').fill('2026-13-01');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('#f-from-error, [id$="from-error"]').first().textContent()).resolves.toBeTruthy();
    await checker.check(page, 'access-log-02-error-1366');
  });

  it('shows the log in English and fits a phone', async () => {
    const page = await as(PRIVACY, PHONE);
    await page.goto(`${t.baseUrl}/admin/access-log?lang=en`);
    await shows(page, page.getByRole('heading', { name: 'Access log', level: 1 }));
    await checker.check(page, 'access-log-03-en-390');
    await page.goto(`${t.baseUrl}/admin/access-log?lang=nl`);
    expect(await overflowing(page)).toEqual([]);
    await checker.check(page, 'access-log-04-nl-390');
  });

  it('is closed to professionals', async () => {
    const page = await as(U.pro);
    const res = await page.goto(`${t.baseUrl}/admin/access-log`);
    expect(res?.status()).toBe(403);
  });

  it('passes axe on every page visited, without CSP problems', async () => {
    for (const c of contexts) await c.close();
    contexts.length = 0;
    expect(checker.failures()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
