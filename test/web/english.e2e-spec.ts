import type { Browser, Page } from 'playwright-core';
import { U } from '../support/users';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { BrowserSessions, launchBrowser, LAPTOP, overflowing, PageChecker, PHONE_390 } from './support/browser';

const ADMIN = U.admin;
const PRO = U.pro;
const HOLDER = U.bh;
const PHONE = PHONE_390;

/** English pages say everything in English, history included; malformed ids give the 404 page. */
describe('web: English and page addresses', () => {
  let t: TestApp;
  let browser: Browser;
  let requestId: string;
  const checker = new PageChecker();
  const sessions = new BrowserSessions(() => browser, () => t.baseUrl, TEST_PASSWORD);
  const as = (email: string, viewport = LAPTOP): Promise<Page> => sessions.as(email, viewport);


  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fund = await t.api('POST', '/api/v1/funds', {
      as: ADMIN,
      body: {
        name: 'Fonds Oost', periodStart: '2026-01-01', periodEnd: '2030-12-31',
        rules: { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '20000.00', urgentDecisionHours: 24 },
        holderIds: [t.seeded.users[HOLDER].id],
      },
    });
    const orgId = Object.values(t.seeded.organisations)[0].id;
    await t.api('POST', `/api/v1/funds/${fund.body.id}/contributions`, { as: ADMIN, body: { organisationId: orgId, amount: '10000.00', note: 'start' } });
    const c = await t.api('POST', '/api/v1/cases', { as: PRO, body: { neighbourhood: 'Oost', lifeDomains: ['safety'] } });
    const r = await t.api('POST', '/api/v1/requests', {
      as: PRO,
      body: {
        caseId: c.body.id, fundId: fund.body.id, title: 'Rail pass', justification: 'Avoids detention.', amount: '3000.00', payee: 'NS', lifeDomain: 'safety',
        conventionalRoute: [{ costItemKey: 'detention_day', quantity: '30', probability: '0.5' }],
      },
    });
    requestId = r.body.id;
    expect((await t.api('POST', `/api/v1/requests/${requestId}/submit`, { as: PRO })).status).toBe(200);
    expect((await t.api('POST', `/api/v1/requests/${requestId}/approve`, { as: HOLDER, body: {} })).status).toBe(200);
  });

  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('shows the request in English: decision level, units, amounts, history reasons, product name', async () => {
    for (const [vp, name] of [[LAPTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const page = await as(PRO, vp);
      await page.goto(`${t.baseUrl}/requests/${requestId}?lang=en`);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain("is more than the requester's mandate");
      expect(main).toContain('one budget holder decides');
      expect(main).toContain('per day');
      expect(main).toContain('€ 3,000.00');
      expect(main).toContain('approved (one budget holder)');
      expect(main).toContain('request created');
      expect(main).not.toMatch(/budgethouder beslist|aanvraag aangemaakt|ingediend|per dag/);
      await expect(page.title()).resolves.toContain('Doorbraakbudget');
      await checker.check(page, `en-request-${name}`);
      await expect(overflowing(page)).resolves.toEqual([]);
    }
  });

  it('answers a malformed id in a page address with the 404 page, in Dutch or English', async () => {
    const page = await as(HOLDER);
    for (const path of ['/requests/not-a-uuid', '/approvals/123', '/funds/abc']) {
      const res = await page.goto(`${t.baseUrl}${path}?lang=nl`);
      expect([path, res?.status()]).toEqual([path, 404]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina niet gevonden');
      await expect(page.locator('main').textContent()).resolves.not.toContain('UUID');
    }
    await page.goto(`${t.baseUrl}/requests/not-a-uuid?lang=en`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await checker.check(page, 'en-404');
  });

  it('passes axe on every page visited, with no CSP violations', async () => {
    await sessions.closeAll();
    expect(checker.failures()).toEqual([]);
    expect(sessions.problems).toEqual([]);
  });
});
