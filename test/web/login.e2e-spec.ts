import type { Browser } from 'playwright-core';
import { Client } from 'pg';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { launchBrowser, login, logout, newContext, PageChecker, shows } from './support/browser';

describe('web: login and sessions', () => {
  let t: TestApp;
  let browser: Browser;
  const checker = new PageChecker();
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_LIMIT_PER_ACCOUNT: '4' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function sessionRows(): Promise<number> {
    const c = new Client({ connectionString: t.db.url });
    await c.connect();
    try {
      return Number((await c.query('SELECT count(*) AS n FROM user_sessions')).rows[0].n);
    } finally {
      await c.end();
    }
  }

  it('shows a Dutch, accessible login page and refuses a wrong password with a clear message', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await checker.check(page, 'login');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('Vul uw e-mailadres in');
    await checker.check(page, 'login-empty');
    await page.getByLabel('E-mailadres').fill('professional@demo.local');
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await shows(page, page.getByText('E-mailadres of wachtwoord onjuist'));
    await checker.check(page, 'login-error');
    problems.push(...p);
    await context.close();
  });

  it('starts a new session id at login, keeps the session in PostgreSQL and ends it at logout', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/login`);
    await context.addCookies([{ name: 'dbb.sid', value: 's:planted.by-an-attacker', url: t.baseUrl }]);
    await login(page, t.baseUrl, 'budgethouder@demo.local', TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/queue');
    const sid = (await context.cookies()).find((c) => c.name === 'dbb.sid');
    expect(sid?.value).not.toContain('planted');
    expect(sid?.httpOnly).toBe(true);
    expect(sid?.sameSite).toBe('Lax');
    expect(await sessionRows()).toBeGreaterThanOrEqual(1);
    await logout(page);
    await shows(page, page.getByText('U bent uitgelogd.'));
    await page.goto(`${t.baseUrl}/queue`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/queue');
    problems.push(...p);
    await context.close();
  });

  it('switches to English with ?lang=en and remembers it', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/login?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shows(page, page.getByLabel('Email address'));
    await page.goto(`${t.baseUrl}/login`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Log in');
    await checker.check(page, 'login-en');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    problems.push(...p);
    await context.close();
  });

  it('can be used with the keyboard: a skip link first, visible focus, the form in a sensible order', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/login`);
    await page.keyboard.press('Tab');
    const skip = (await page.evaluate(
      `(() => { const a = document.activeElement; const r = a.getBoundingClientRect(); const s = getComputedStyle(a); return { text: a.textContent.trim(), w: r.width, h: r.height, outline: s.outlineStyle + ' ' + s.outlineWidth }; })()`,
    )) as { text: string; w: number; h: number; outline: string };
    expect(skip.text).toBe('Naar hoofdinhoud');
    expect(skip.w).toBeGreaterThan(40);
    expect(skip.h).toBeGreaterThanOrEqual(24);
    await checker.check(page, 'login-skip-link');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push((await page.evaluate(`(() => { const a = document.activeElement; return a.id || a.textContent.trim(); })()`)) as string);
    }
    expect(order).toEqual(['f-email', 'f-password', 'Inloggen']);
    const outline = await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
    expect(outline).not.toBe('none');
    await page.getByLabel('E-mailadres').fill('budgethouder@demo.local');
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByLabel('Wachtwoord').press('Enter');
    await page.waitForURL(/\/queue$/);
    problems.push(...p);
    await context.close();
  });

  it('rate-limits login attempts per account with a Dutch message', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    let status = 0;
    for (let i = 0; i < 6 && status !== 429; i++) {
      await page.goto(`${t.baseUrl}/login`);
      await page.getByLabel('E-mailadres').fill('stuurgroep@demo.local');
      await page.getByLabel('Wachtwoord').fill(`fout-${i}`);
      const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Inloggen' }).click()]);
      status = res.status();
    }
    expect(status).toBe(429);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Te veel pogingen');
    await checker.check(page, 'login-throttled');
    problems.push(...p);
    await context.close();
  });

  it('found no serious or critical accessibility problem and no CSP violation', () => {
    expect(checker.failures()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
