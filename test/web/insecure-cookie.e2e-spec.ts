import type { Browser } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { launchBrowser, newContext, PageChecker, shows } from './support/browser';

const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * With NODE_ENV=production the cookies are Secure; over plain http the browser drops them and a
 * login cannot hold. The login page says so instead of failing silently.
 */
describe('web: Secure cookies over plain http', () => {
  let t: TestApp;
  let browser: Browser;
  const checker = new PageChecker();

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', COOKIE_SECURE: 'true' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('warns on the login page that the session cookie cannot be set, and points to https or COOKIE_SECURE=false', async () => {
    for (const [vp, name] of [[LAPTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const { context, problems } = await newContext(browser, vp);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/login`);
      const warning = page.locator('[data-cookie-warning]');
      await shows(page, warning);
      const text = (await warning.textContent()) ?? '';
      expect(text).toContain('sessiecookie kan niet worden opgeslagen');
      expect(text).toContain('https');
      expect(text).toContain('COOKIE_SECURE=false');
      await checker.check(page, `login-insecure-cookie-${name}`);
      // trying anyway ends on a page that says the same, not on a silent login form
      await page.getByLabel('E-mailadres').fill('admin@demo.local');
      await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForLoadState('load');
      await shows(page, page.locator('[data-cookie-warning]'));
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(checker.failures()).toEqual([]);
  });

  it('does not warn when the proxy says the connection was https', async () => {
    const res = await fetch(`${t.baseUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('data-cookie-warning');
  });
});
