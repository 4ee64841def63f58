import type { Browser } from 'playwright-core';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/app';
import { CookieJar, freePort, startOidcProvider, TestOidcProvider } from '../support/oidc-provider';
import { U } from '../support/users';
import { launchBrowser, newContext, PageChecker, shows } from './support/browser';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, in a child process on loopback):
 * in the browser, and the refusals over HTTP with a cookie jar.
 */
describe('web: single sign-on (OpenID Connect)', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  /** a second provider that a test stops halfway through a login */
  let flaky: TestOidcProvider;
  let browser: Browser;
  const checker = new PageChecker();
  const problems: string[] = [];
  const ACCOUNTS = {
    'sub-pro': { email: U.pro, email_verified: true, name: 'Petra bij de IdP' },
    'sub-pro2': { email: U.pro2.toUpperCase(), email_verified: true, name: 'Karim' },
    'sub-new': { email: 'nieuw.persoon@ggz.example', email_verified: true, name: 'Nina Nieuw' },
    'sub-new-browser': { email: 'browser.nieuw@ggz.example', email_verified: true, name: 'Bob Browser' },
    'sub-unverified': { email: 'onbevestigd@ggz.example', email_verified: false, name: 'Olaf Onbevestigd' },
    'sub-unverified-existing': { email: U.bh, email_verified: false, name: 'Niet Bram' },
    'sub-gone': { email: 'weg@ggz.example', email_verified: true, name: 'Willem Weg' },
    'sub-roles': { email: 'rollen@ggz.example', email_verified: true, name: 'Rita Rollen', roles: ['budget_holder', 'admin'] },
    'sub-deny': { email: 'weigeraar@ggz.example', email_verified: true, name: 'Wim Weigeraar', deny: true },
    'sub-stranger': { email: 'vreemde@partner.example', email_verified: true, name: 'Vera Vreemd' },
  };
  let issuers: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({ redirectUris: ['test-idp', 'partner-idp'].map((id) => `${publicUrl}/login/oidc/${id}/callback`), accounts: ACCOUNTS });
    flaky = await startOidcProvider({ redirectUris: [`${publicUrl}/login/oidc/flaky-idp/callback`], accounts: ACCOUNTS });
    // nothing listens on this port: a provider that is down
    const down = `http://127.0.0.1:${await freePort()}`;
    issuers = { 'test-idp': idp.issuer, 'partner-idp': idp.issuer, 'flaky-idp': flaky.issuer, 'down-idp': down };
    const providers = [
      { id: 'test-idp', label: 'Test-IdP', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, organisation: 'GGZ-instelling De Brug', rolesClaim: 'roles', allowedRoles: ['budget_holder'] },
      // the same provider as a partner's, without an organisation: it lets existing users in and provisions nobody
      { id: 'partner-idp', label: 'Partner-IdP', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
      { id: 'flaky-idp', label: 'Wankele IdP', issuer: flaky.issuer, clientId: flaky.clientId, clientSecret: flaky.clientSecret },
      { id: 'down-idp', label: 'Storing-IdP', issuer: down, clientId: 'doorbraakbudget', clientSecret: 'geheim-geheim-geheim' },
    ];
    t = await startTestApp({ port, env: { PUBLIC_URL: publicUrl, OIDC_PROVIDERS: JSON.stringify(providers) } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.stop();
    await flaky?.stop();
  });

  async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: t.db.url });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  /** POST the login button of `provider` (with the CSRF token of the login page); the answer unfollowed. */
  async function startLogin(jar: CookieJar, provider: string): Promise<Response> {
    // any page carries the CSRF token (a logged-in browser is sent on from /login to its home page)
    const { res: login } = await jar.follow(`${t.baseUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    return jar.fetch(`${t.baseUrl}/login/oidc/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
  }

  /**
   * Start a login as `sub` at the provider and stop before the callback: returns the callback URL
   * (code, state, iss; or error and state when the provider refused).
   */
  async function toCallback(jar: CookieJar, sub: string, provider = 'test-idp', expectCode = true): Promise<URL> {
    await jar.fetch(`${issuers[provider]}/__test/as?sub=${sub}`);
    const start = await startLogin(jar, provider);
    expect(start.status).toBe(303);
    const location = new URL(start.headers.get('location') as string);
    expect(location.origin).toBe(issuers[provider]);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const { url } = await jar.follow(location.href, {}, (u) => u.pathname === `/login/oidc/${provider}/callback`);
    expect(url.pathname).toBe(`/login/oidc/${provider}/callback`);
    if (expectCode) expect(url.searchParams.get('code')).toBeTruthy();
    return url;
  }

  /** A password login in a fresh jar; the answer unfollowed. */
  async function passwordLogin(email: string): Promise<{ jar: CookieJar; res: Response }> {
    const jar = new CookieJar();
    const form = await (await jar.fetch(`${t.baseUrl}/login`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const res = await jar.fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password: t.seeded.password }).toString(),
    });
    return { jar, res };
  }

  /** The callback as the browser would load it (on the app's address). */
  function callback(jar: CookieJar, url: URL, change: (q: URLSearchParams) => void = () => {}): Promise<Response> {
    const q = new URLSearchParams(url.search);
    change(q);
    return jar.fetch(`${t.baseUrl}${url.pathname}?${q.toString()}`);
  }

  async function refusal(res: Response): Promise<{ status: number; code: string | undefined; text: string }> {
    const html = await res.text();
    return {
      status: res.status,
      code: /data-refusal="([^"]+)"/.exec(html)?.[1],
      text: /<p class="utrecht-alert__message utrecht-paragraph"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? html.slice(0, 300),
    };
  }

  it('logs an existing user in through the provider in the browser, with an accessible login page', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${idp.issuer}/__test/as?sub=sub-pro`);
    await page.goto(`${t.baseUrl}/login`);
    await shows(page, page.getByRole('button', { name: 'Inloggen met Test-IdP' }));
    await checker.check(page, 'login-sso');
    await page.getByRole('button', { name: 'Inloggen met Test-IdP' }).click();
    await page.waitForURL(`${t.baseUrl}/dashboard`);
    await shows(page, page.getByText('Petra Wijkprofessional').first());
    const sid = (await context.cookies()).find((c) => c.name === 'dbb.sid');
    expect(sid?.httpOnly).toBe(true);
    // the link is stored: the next login finds the user by (issuer, subject)
    const links = await sql<{ issuer: string; subject: string }>(
      `SELECT i.issuer, i.subject FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = $1`,
      [U.pro],
    );
    expect(links).toEqual([{ issuer: idp.issuer, subject: 'sub-pro' }]);
    problems.push(...p);
    await context.close();
  });

  it('provisions a new user into the configured organisation without roles, who sees "uw account wacht op rollen" until an admin grants one', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${idp.issuer}/__test/as?sub=sub-new-browser`);
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('button', { name: 'Inloggen met Test-IdP' }).click();
    await page.waitForURL(`${t.baseUrl}/awaiting-roles`);
    await shows(page, page.getByRole('heading', { level: 1, name: 'Uw account wacht op rollen' }));
    await shows(page, page.getByText('GGZ-instelling De Brug').first());
    await checker.check(page, 'awaiting-roles');
    const [user] = await sql<{ id: string; roles: string[]; organisation: string; display_name: string }>(
      `SELECT u.id, u.roles, o.name AS organisation, u.display_name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = 'browser.nieuw@ggz.example'`,
    );
    expect(user).toMatchObject({ roles: [], organisation: 'GGZ-instelling De Brug', display_name: 'Bob Browser' });
    // a page that needs a role is refused, not an error
    await page.goto(`${t.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/awaiting-roles');

    // an admin grants a role: the session (older token version) ends, the next single sign-on goes to the work
    const granted = await t.api('PATCH', `/api/v1/users/${user.id}`, { as: U.admin, body: { roles: ['professional'] } });
    expect(granted.status).toBe(200);
    await page.goto(`${t.baseUrl}/awaiting-roles`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('button', { name: 'Inloggen met Test-IdP' }).click();
    await page.waitForURL(`${t.baseUrl}/dashboard`);
    problems.push(...p);
    await context.close();
  });

  it('matches a verified e-mail address case-insensitively and starts the same session as the password login', async () => {
    const jar = new CookieJar();
    const res = await callback(jar, await toCallback(jar, 'sub-pro2'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    const me = await jar.fetch(`${t.baseUrl}/dashboard`);
    expect(me.status).toBe(200);
    expect(await me.text()).toContain('Karim Wijkprofessional');
  });

  it('gives a new user only the roles from the roles claim that the provider may grant', async () => {
    const jar = new CookieJar();
    const res = await callback(jar, await toCallback(jar, 'sub-roles'));
    expect(res.headers.get('location')).toBe('/queue');
    const [u] = await sql<{ roles: string[] }>(`SELECT roles FROM users WHERE email = 'rollen@ggz.example'`);
    expect(u.roles).toEqual(['budget_holder']);
  });

  it('refuses a wrong or missing state (Dutch, and English with ?lang=en) and never redeems the code', async () => {
    const jar = new CookieJar();
    const url = await toCallback(jar, 'sub-pro');
    const wrong = await refusal(await callback(jar, url, (q) => q.set('state', 'forged-state')));
    expect(wrong).toMatchObject({ status: 400, code: 'OIDC.STATE_MISMATCH' });
    expect(wrong.text).toContain('hoort niet bij een inlogpoging in deze browser');

    const jar2 = new CookieJar();
    const url2 = await toCallback(jar2, 'sub-pro');
    const missing = await refusal(await callback(jar2, url2, (q) => {
      q.delete('state');
      q.set('lang', 'en');
    }));
    expect(missing).toMatchObject({ status: 400, code: 'OIDC.STATE_MISMATCH' });
    expect(missing.text).toContain('does not belong to a login started in this browser');

    // a callback in a browser that started no login at all
    const stranger = await refusal(await callback(new CookieJar(), url));
    expect(stranger).toMatchObject({ status: 400, code: 'OIDC.STATE_MISMATCH' });
    // nobody got logged in
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(303);
  });

  it('refuses a replayed authorization code', async () => {
    const jar = new CookieJar();
    const first = await toCallback(jar, 'sub-pro');
    expect((await callback(jar, first)).status).toBe(303);
    // the same answer again: its state was used up
    const again = await refusal(await callback(jar, first));
    expect(again).toMatchObject({ status: 400, code: 'OIDC.STATE_MISMATCH' });
    // the old code with the state of a new login: the provider refuses the used code
    const second = await toCallback(jar, 'sub-pro');
    const replay = await refusal(await callback(jar, second, (q) => q.set('code', first.searchParams.get('code') as string)));
    expect(replay).toMatchObject({ status: 400, code: 'OIDC.CODE_REJECTED' });
    expect(replay.text).toContain('de inlogcode is al gebruikt of verlopen');
  });

  it('refuses an answer from an unknown issuer and an unknown provider id', async () => {
    const jar = new CookieJar();
    const url = await toCallback(jar, 'sub-pro');
    expect(url.searchParams.get('iss')).toBe(idp.issuer);
    const evil = await refusal(await callback(jar, url, (q) => q.set('iss', 'https://evil.example')));
    expect(evil).toMatchObject({ status: 400, code: 'OIDC.ISSUER_MISMATCH' });
    expect(evil.text).toContain('onbekende inlogdienst');

    const login = await jar.fetch(`${t.baseUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    const unknown = await refusal(await jar.fetch(`${t.baseUrl}/login/oidc/nergens`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    }));
    expect(unknown).toMatchObject({ status: 404, code: 'OIDC.UNKNOWN_PROVIDER' });
    expect(unknown.text).toContain('Deze inlogmethode bestaat niet');
    const unknownCallback = await refusal(await jar.fetch(`${t.baseUrl}/login/oidc/nergens/callback?code=x&state=y&lang=en`));
    expect(unknownCallback).toMatchObject({ status: 404, code: 'OIDC.UNKNOWN_PROVIDER' });
    expect(unknownCallback.text).toContain('This login method does not exist');
  });

  it('refuses an e-mail address the provider has not verified, for new and for existing users', async () => {
    for (const sub of ['sub-unverified', 'sub-unverified-existing']) {
      const jar = new CookieJar();
      const r = await refusal(await callback(jar, await toCallback(jar, sub)));
      expect(r).toMatchObject({ status: 403, code: 'OIDC.EMAIL_UNVERIFIED' });
      expect(r.text).toContain('uw e-mailadres is bij de inlogdienst niet geverifieerd');
    }
    expect(await sql(`SELECT 1 FROM users WHERE email = 'onbevestigd@ggz.example'`)).toEqual([]);
    expect(await sql(`SELECT 1 FROM user_identities WHERE subject LIKE 'sub-unverified%'`)).toEqual([]);
  });

  it('refuses a deactivated user, also one linked before', async () => {
    const jar = new CookieJar();
    expect((await callback(jar, await toCallback(jar, 'sub-gone'))).headers.get('location')).toBe('/awaiting-roles');
    const [u] = await sql<{ id: string }>(`SELECT id FROM users WHERE email = 'weg@ggz.example'`);
    expect((await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body: { active: false } })).status).toBe(200);
    expect((await jar.fetch(`${t.baseUrl}/awaiting-roles`)).status).toBe(303);
    const jar2 = new CookieJar();
    const r = await refusal(await callback(jar2, await toCallback(jar2, 'sub-gone')));
    expect(r).toMatchObject({ status: 403, code: 'OIDC.DEACTIVATED' });
  });

  it('shows the same Dutch refusal in the browser, on an accessible login page', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${idp.issuer}/__test/as?sub=sub-unverified`);
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('button', { name: 'Inloggen met Test-IdP' }).click();
    await shows(page, page.getByText('uw e-mailadres is bij de inlogdienst niet geverifieerd'));
    await checker.check(page, 'login-sso-refused');
    problems.push(...p);
    await context.close();
  });

  it('shows a clear message when the provider denies the login (error=access_denied), and logs nobody in', async () => {
    const jar = new CookieJar();
    const url = await toCallback(jar, 'sub-deny', 'test-idp', false);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('code')).toBeNull();
    const denied = await refusal(await callback(jar, url));
    expect(denied).toMatchObject({ status: 403, code: 'OIDC.ACCESS_DENIED' });
    expect(denied.text).toContain('U bent niet ingelogd: het inloggen is bij de inlogdienst geannuleerd of geweigerd');
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(303);
    // the answer was used up with its state
    expect((await refusal(await callback(jar, url))).code).toBe('OIDC.STATE_MISMATCH');
    expect(await sql(`SELECT 1 FROM users WHERE email = 'weigeraar@ggz.example'`)).toEqual([]);
    expect(await sql(`SELECT 1 FROM user_identities WHERE subject = 'sub-deny'`)).toEqual([]);

    const jar2 = new CookieJar();
    const url2 = await toCallback(jar2, 'sub-deny', 'test-idp', false);
    const english = await refusal(await callback(jar2, url2, (q) => q.set('lang', 'en')));
    expect(english).toMatchObject({ status: 403, code: 'OIDC.ACCESS_DENIED' });
    expect(english.text).toContain('You are not logged in: the login was cancelled or refused at the identity provider');
  });

  it('says so on an accessible login page when the provider denies the login in the browser', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${idp.issuer}/__test/as?sub=sub-deny`);
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('button', { name: 'Inloggen met Test-IdP' }).click();
    await shows(page, page.getByText('het inloggen is bij de inlogdienst geannuleerd of geweigerd'));
    expect(new URL(page.url()).pathname).toBe('/login/oidc/test-idp/callback');
    await checker.check(page, 'login-sso-denied');
    await page.goto(`${t.baseUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/login');
    problems.push(...p);
    await context.close();
  });

  it('answers 503 with a clear message when a provider is down at login; the service, the other provider and passwords keep working', async () => {
    const jar = new CookieJar();
    const start = await startLogin(jar, 'down-idp');
    expect(start.headers.get('retry-after')).toBe('30');
    const html = await start.clone().text();
    const down = await refusal(start);
    expect(down).toMatchObject({ status: 503, code: 'OIDC.PROVIDER_UNREACHABLE' });
    expect(down.text).toContain('De inlogdienst is nu niet bereikbaar');
    // the same page still offers the other ways in
    expect(html).toContain('Inloggen met Test-IdP');
    expect(html).toMatch(/name="password"/);
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(303);

    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const viaOther = await callback(jar, await toCallback(jar, 'sub-pro2'));
    expect(viaOther.status).toBe(303);
    expect(viaOther.headers.get('location')).toBe('/dashboard');
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(200);
    const password = await passwordLogin(U.pro);
    expect(password.res.status).toBe(303);
    expect((await password.jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(200);
    // and the broken provider is tried again on the next login (no failure is remembered)
    expect((await startLogin(new CookieJar(), 'down-idp')).status).toBe(503);
  });

  it('shows the provider-down message in the browser on an accessible page', async () => {
    const { context, problems: p } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('button', { name: 'Inloggen met Storing-IdP' }).click();
    await shows(page, page.getByText('De inlogdienst is nu niet bereikbaar'));
    await shows(page, page.getByRole('button', { name: 'Inloggen met Test-IdP' }));
    await checker.check(page, 'login-sso-down');
    problems.push(...p);
    await context.close();
  });

  it('answers 503 when the provider goes down between the redirect and the callback, and logs nobody in', async () => {
    const jar = new CookieJar();
    const url = await toCallback(jar, 'sub-pro', 'flaky-idp');
    await flaky.stop();
    const res = await callback(jar, url);
    expect(res.headers.get('retry-after')).toBe('30');
    const gone = await refusal(res);
    expect(gone).toMatchObject({ status: 503, code: 'OIDC.PROVIDER_UNREACHABLE' });
    expect(gone.text).toContain('De inlogdienst is nu niet bereikbaar');
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(303);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });

  it('refuses an unknown user at a provider that provisions nobody, and creates no account', async () => {
    const jar = new CookieJar();
    const stranger = await refusal(await callback(jar, await toCallback(jar, 'sub-stranger', 'partner-idp')));
    expect(stranger).toMatchObject({ status: 403, code: 'OIDC.NO_ACCOUNT' });
    expect(stranger.text).toContain('Er is geen account voor u in Doorbraakbudget. Vraag een beheerder om u toe te voegen.');
    expect((await jar.fetch(`${t.baseUrl}/dashboard`)).status).toBe(303);
    expect(await sql(`SELECT 1 FROM users WHERE email = 'vreemde@partner.example'`)).toEqual([]);
    expect(await sql(`SELECT 1 FROM user_identities WHERE subject = 'sub-stranger'`)).toEqual([]);
    // the same user at the provider that does provision gets an account (so the refusal was the setting, not the user)
    const jar2 = new CookieJar();
    expect((await callback(jar2, await toCallback(jar2, 'sub-stranger', 'test-idp'))).headers.get('location')).toBe('/awaiting-roles');
    // and an existing user gets in through the provider that provisions nobody
    const jar3 = new CookieJar();
    const existing = await callback(jar3, await toCallback(jar3, 'sub-pro', 'partner-idp'));
    expect(existing.headers.get('location')).toBe('/dashboard');
  });

  it('with PASSWORD_LOGIN=false shows only the provider buttons and refuses passwords on the web and the API', async () => {
    const providers = [{ id: 'test-idp', label: 'Test-IdP', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }];
    const ssoOnly = await startTestApp({ db: t.db, env: { PASSWORD_LOGIN: 'false', OIDC_PROVIDERS: JSON.stringify(providers) } });
    try {
      const { context, problems: p } = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${ssoOnly.baseUrl}/login`);
      await shows(page, page.getByRole('button', { name: 'Inloggen met Test-IdP' }));
      expect(await page.getByLabel('Wachtwoord').count()).toBe(0);
      await checker.check(page, 'login-sso-only');
      problems.push(...p);
      await context.close();

      const jar = new CookieJar();
      const form = await (await jar.fetch(`${ssoOnly.baseUrl}/login`)).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const post = await jar.fetch(`${ssoOnly.baseUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email: U.pro, password: t.seeded.password }).toString(),
      });
      expect(post.status).toBe(403);
      expect(await post.text()).toContain('Inloggen met wachtwoord staat uit');
      const token = await fetch(`${ssoOnly.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: U.pro, password: t.seeded.password }),
      });
      expect(token.status).toBe(403);
      expect(((await token.json()) as { detail: string }).detail).toContain('PASSWORD_LOGIN=false');
      // the instance with password login on still accepts the same password
      expect((await t.api('GET', '/api/v1/me', { as: U.pro })).status).toBe(200);
    } finally {
      await ssoOnly.close();
    }
  });

  it('keeps the web routes of single sign-on out of the API document', async () => {
    const doc = (await t.api('GET', '/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => /oidc|login|awaiting/.test(p))).toEqual([]);
  });

  it('has no accessibility violations or browser errors', () => {
    expect(checker.failures()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
