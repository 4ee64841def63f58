import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { NotificationsWorker } from '../../src/notifications/notifications.worker';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { launchBrowser, login, newContext, PageChecker, PHONE, shows } from './support/browser';

/**
 * Without SMTP (the embedded default) notifications land in the in-app inbox, Meldingen: the
 * budget holder sees an urgent request there within seconds of its submission, with the count in
 * the menu, and an overdue request escalates.
 */
describe('Meldingen: the in-app inbox without SMTP', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const checker = new PageChecker();
  let fundId: string;
  let caseId: string;

  async function open(viewport?: { width: number; height: number }): Promise<Page> {
    const c = await newContext(browser, viewport);
    contexts.push(c.context);
    return c.context.newPage();
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFY_POLL_MS: '250' } });
    browser = await launchBrowser();
    fundId = await makeFund(t, { holders: [U.bh] });
    caseId = (await makeCase(t)).id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('shows an urgent request to the budget holder within seconds, counted in the menu', async () => {
    const page = await open();
    await login(page, t.baseUrl, U.bh, TEST_PASSWORD);
    const r = await makeRequest(t, caseId, fundId, { urgent: true, amount: '3000.00' });
    const submitted = Date.now();
    await act(t, r.id, 'submit', U.pro);
    // the worker polls: reload until the menu counts it (bounded)
    const link = page.getByRole('link', { name: /Meldingen 1 ongelezen/ });
    while ((await link.count()) === 0 && Date.now() - submitted < 10_000) await page.reload();
    await expect(link.count()).resolves.toBe(1);
    expect(Date.now() - submitted).toBeLessThan(10_000);

    await link.click();
    const subject = `[SPOED] Nieuwe aanvraag voor casus ${r.caseCode} wacht op uw beslissing (€ 3.000,00)`;
    await shows(page, page.getByRole('heading', { name: subject }));
    await expect(page.locator('.app-notification').first().textContent()).resolves.toContain('Alleen hier (geen e-mail ingesteld)');
    await checker.check(page, '30-notifications');

    await page.getByRole('link', { name: 'Bekijk de aanvraag' }).first().click();
    expect(new URL(page.url()).pathname).toBe(`/approvals/${r.id}`);

    const api = ok(await t.api('GET', '/api/v1/notifications', { as: U.bh })).body;
    expect(api.unread).toBe(1);
    expect(api.items[0]).toMatchObject({ kind: 'submitted', requestId: r.id, urgent: true, subject, link: `/approvals/${r.id}`, mail: 'none', readAt: null });
    // the requester gets nothing for their own submission
    expect(ok(await t.api('GET', '/api/v1/notifications', { as: U.pro })).body.items).toEqual([]);
  });

  it('escalates an overdue request into the inbox', async () => {
    const r = await makeRequest(t, caseId, fundId, { urgent: true, amount: '450.00' });
    await act(t, r.id, 'submit', U.pro);
    t.app.get(Clock).advance(25 * 3_600_000);
    await t.app.get(NotificationsWorker).runOnce({ schedule: true });
    const mine = ok(await t.api('GET', '/api/v1/notifications', { as: U.bh })).body.items as { kind: string; requestId: string; subject: string }[];
    expect(mine.filter((n) => n.requestId === r.id && n.kind === 'escalation').map((n) => n.subject)).toEqual([
      `[ESCALATIE] Beslistermijn verstreken voor casus ${r.caseCode} (€ 450,00)`,
    ]);
    const admin = ok(await t.api('GET', '/api/v1/notifications', { as: U.admin })).body.items as { kind: string; requestId: string; link: string }[];
    expect(admin.find((n) => n.requestId === r.id && n.kind === 'escalation')?.link).toBe(`/requests/${r.id}`);
  });

  it('marks everything read and keeps the mail choice, on a phone', async () => {
    const page = await open(PHONE);
    await login(page, t.baseUrl, U.bh, TEST_PASSWORD);
    await page.goto(`${t.baseUrl}/notifications`);
    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await shows(page, page.getByText('Alle meldingen zijn als gelezen gemarkeerd.'));
    await expect(page.getByRole('link', { name: /ongelezen/ }).count()).resolves.toBe(0);
    await expect(page.locator('.app-notification--unread').count()).resolves.toBe(0);

    await page.getByLabel('Eén keer per dag een overzicht').check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await shows(page, page.getByText('Uw keuze voor e-mail is opgeslagen.'));
    await expect(page.getByLabel('Eén keer per dag een overzicht').isChecked()).resolves.toBe(true);
    await checker.check(page, '31-notifications-phone');
    expect(ok(await t.api('GET', '/api/v1/me/notification-settings', { as: U.bh })).body).toEqual({ mode: 'daily_digest' });
    expect(ok(await t.api('GET', '/api/v1/notifications?unread=true', { as: U.bh })).body).toMatchObject({ items: [], unread: 0 });
  });

  it('found no serious or critical accessibility problem on the inbox pages', () => {
    expect(checker.visited.length).toBe(2);
    expect(checker.failures()).toEqual([]);
  });
});
