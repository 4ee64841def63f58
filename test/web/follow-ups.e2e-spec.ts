import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { U } from '../support/users';
import { launchBrowser, login, newContext, PageChecker } from './support/browser';

const DAY = 86_400_000;

/** The learning loop in the browser: follow-ups as the requester's work, calibration on the decision page. */
describe('web: follow-ups due and calibrated estimates', () => {
  let t: TestApp;
  let browser: Browser;
  let submittedId: string;
  const checker = new PageChecker();
  const contexts: BrowserContext[] = [];

  async function as(email: string): Promise<Page> {
    const c = await newContext(browser);
    contexts.push(c.context);
    const page = await c.context.newPage();
    await login(page, t.baseUrl, email, TEST_PASSWORD);
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const fundId = await makeFund(t, { rules: { singleApproverLimit: '5000.00' } });
    const caseId = (await makeCase(t)).id;
    const paid = await makeRequest(t, caseId, fundId, { title: 'Fiets voor werk', amount: '400.00' });
    await act(t, paid.id, 'submit', U.pro);
    await act(t, paid.id, 'approve', U.bh);
    await act(t, paid.id, 'pay', U.admin, { reference: 'BANK-FIETS' });
    t.app.get(Clock).advance(100 * DAY);
    const open = await makeRequest(t, caseId, fundId, { title: 'Jaarabonnement trein', amount: '3000.00' });
    await act(t, open.id, 'submit', U.pro);
    submittedId = open.id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  it("lists the 3-month follow-up that has fallen due on the professional's overview", async () => {
    const page = await as(U.pro);
    await page.goto(`${t.baseUrl}/dashboard`);
    await checker.check(page, 'followups-01-dashboard');
    const section = page.locator('h2:has-text("Follow-ups om in te vullen") + p + ul');
    await expect(section.textContent()).resolves.toContain('Fiets voor werk — follow-up na 3 maanden');
    await page.getByRole('link', { name: 'Fiets voor werk' }).first().click();
    await expect(page.locator('input[name="months"][value="3"]').isChecked()).resolves.toBe(true);
  });

  it('shows the calibration column on the decision page, saying the sample is too small', async () => {
    const page = await as(U.bh);
    await page.goto(`${t.baseUrl}/approvals/${submittedId}`);
    await checker.check(page, 'followups-02-decision');
    const table = page.locator('table', { hasText: 'Gekalibreerd' });
    await expect(table.textContent()).resolves.toContain('te weinig (n = 0)');
    await expect(page.locator('.app-figures').textContent()).resolves.toContain('Vermeden kosten na correctie');
    // the headline is the corrected figure, as in the reports; the requester's gross estimate stands beside it
    await expect(page.locator('.app-figure--accent dt').textContent()).resolves.toBe('Vermeden kosten na correctie');
    await expect(page.locator('.app-figures').textContent()).resolves.toContain('Vóór correctie (schatting aanvrager)');
    await expect(page.locator('[data-ratio-text]').textContent()).resolves.toContain('Vóór correctie voor wat toch al was vermeden');
  });

  it('passes axe on every page visited', () => {
    expect(checker.failures()).toEqual([]);
  });
});
