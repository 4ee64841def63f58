import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * A browser context that records what must never happen on our pages: Content-Security-Policy
 * violations (inline script or style), failed requests for our own assets, and page errors.
 */
export async function newContext(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

export function watch(page: Page, problems: string[]): void {
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (apply|execute|load)/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/assets/') && r.status() >= 400) problems.push(`asset ${r.url()} → ${r.status()}`);
  });
}

/**
 * Run axe-core on the page as it is now and return serious and critical violations. axe is
 * evaluated through the DevTools protocol, so the page keeps its strict CSP (no inline scripts).
 */
export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate('typeof axe !== "undefined"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const all = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')) })))`,
  )) as A11yViolation[];
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every page visited goes through this: axe check plus a screenshot for review. */
export class PageChecker {
  readonly visited: { name: string; url: string; violations: A11yViolation[] }[] = [];

  async check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('load');
    const violations = await axeViolations(page);
    this.visited.push({ name, url: page.url(), violations });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    // long phone pages also in readable slices, for reviewing the screenshots
    const viewport = page.viewportSize();
    if (viewport && viewport.width < 500) {
      const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      for (let y = 0, i = 1; y < height && i <= 6; y += 1200, i++) {
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-part${i}.png`), fullPage: true, clip: { x: 0, y, width: viewport.width, height: Math.min(1200, height - y) } });
      }
    }
  }

  /** Human-readable list of pages with serious/critical violations (empty when all pass). */
  failures(): string[] {
    return this.visited
      .filter((v) => v.violations.length)
      .map((v) => `${v.name} (${v.url}): ${v.violations.map((x) => `${x.impact} ${x.id} — ${x.help} @ ${x.nodes.join(' | ')}`).join('; ')}`);
  }
}

export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, email, password);
}

/** Fill in and send the login form the page shows now (e.g. after a redirect with ?next=). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForLoadState('load');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForLoadState('load');
}

/** Elements that stick out to the right of the viewport (for a readable failure on a phone). */
export async function overflowing(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0) out.push(el.tagName.toLowerCase() + '.' + (el.className || '').toString().split(' ').join('.') + ' right=' + Math.round(r.right));
    }
    return out.slice(0, 15);
  })()`)) as string[];
}

/**
 * Wait until the locator is visible. When it does not appear, fail with what the page shows
 * instead (address, heading, alerts, the start of the main text), so a failure in CI can be read
 * without a screenshot.
 */
export async function shows(page: Page, locator: Locator, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch (e) {
    const seen = (await page
      .evaluate(`(() => {
        const text = (el) => (el ? el.textContent.replace(/\\s+/g, ' ').trim() : '');
        return 'heading: ' + text(document.querySelector('h1')) + '\\nalerts: ' +
          [...document.querySelectorAll('.utrecht-alert, [role=alert]')].map(text).join(' | ') +
          '\\nmain: ' + text(document.querySelector('main') || document.body).slice(0, 600);
      })()`)
      .catch((err: unknown) => `(page could not be read: ${String(err)})`)) as string;
    throw new Error(`${(e as Error).message.split('\n')[0]}\nthe page at ${page.url()} shows instead:\n${seen}`);
  }
}

/** The viewports the UI issue asks screenshots at: a laptop and a current phone. */
export const LAPTOP = { width: 1366, height: 900 };
export const PHONE_390 = { width: 390, height: 844 };

/**
 * Browser sessions, each logged in as one user in a context of its own; what a context saw (CSP
 * violations, failed assets, console errors) lands in `problems` when it is closed.
 */
export class BrowserSessions {
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
    private readonly password: string,
  ) {}

  async as(email: string, viewport = LAPTOP): Promise<Page> {
    const c = await newContext(this.browser(), viewport);
    this.contexts.push(c.context);
    c.context.on('close', () => this.problems.push(...c.problems));
    const page = await c.context.newPage();
    await login(page, this.baseUrl(), email, this.password);
    return page;
  }

  /** Close every session (again is harmless), so that `problems` is complete. */
  async closeAll(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
  }
}
