import { Client } from 'pg';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { U } from '../support/users';
import { TcpProxy } from './support/tcp-proxy';
import { csrfToken, WebSession } from './support/web';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * Issue 14.7: with the database unreachable every API route and every page answers 503 problem
 * details (an error page for the web UI), never a 500, and the instance recovers by itself.
 * Runs on both engines: the second instance reaches its database (PostgreSQL, or the PGlite
 * server of the embedded path) through a TCP proxy that the test cuts.
 */
describe('database unreachable: 503 on API and pages, recovery without restart (e2e)', () => {
  let direct: TestApp;
  let proxied: TestApp;
  let proxy: TcpProxy;
  let web: WebSession;
  let anonymous: WebSession;

  beforeAll(async () => {
    direct = await startTestApp();
    const url = new URL(direct.db.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    proxied = await startTestApp({ db: { url: url.toString(), engine: direct.db.engine, drop: async () => undefined } });
    await proxied.tokenFor(U.admin);
    await proxied.tokenFor(U.pro);
    web = new WebSession();
    await web.login(proxied.baseUrl, U.pro, TEST_PASSWORD);
    anonymous = new WebSession();
    await anonymous.get(`${proxied.baseUrl}/login`);
  });

  afterAll(async () => {
    await proxy?.restore();
    await proxied?.close();
    await proxy?.stop();
    await direct?.close();
  });

  const API = ['/api/v1/me', '/api/v1/funds', '/api/v1/requests', '/api/v1/cases', '/api/v1/cost-items', '/api/v1/notifications', '/api/v1/ledger/verify'];
  const PAGES = ['/dashboard', '/requests/new', '/notifications', '/cases/new'];

  it('answers 503 problem details on the API and a 503 error page on the web while the database is gone', async () => {
    expect((await web.get(`${proxied.baseUrl}/dashboard`)).status).toBe(200);
    await proxy.cut();
    for (const path of API) {
      const res = await proxied.api('GET', path, { as: path === '/api/v1/ledger/verify' ? U.admin : U.pro });
      expect({ path, status: res.status, type: res.headers.get('content-type'), code: res.body?.code }).toEqual({
        path, status: 503, type: expect.stringMatching(/^application\/problem\+json/), code: 'DATABASE_UNAVAILABLE',
      });
    }
    // a fresh login (token) needs the database too
    const login = await proxied.api('POST', '/api/v1/auth/token', { body: { email: U.pro, password: TEST_PASSWORD } });
    expect(login.status).toBe(503);
    for (const path of PAGES) {
      const page = await web.get(`${proxied.baseUrl}${path}`);
      expect({ path, status: page.status }).toEqual({ path, status: 503 });
      expect(page.html).toContain('<html');
    }
    const loginPage = await anonymous.get(`${proxied.baseUrl}/login`);
    expect([200, 503]).toContain(loginPage.status); // the login form itself needs no database
    expect((await proxied.api('GET', '/health')).status).toBe(503);
  });

  it('recovers by itself when the database is back', async () => {
    await proxy.restore();
    expect(await waitFor(async () => (await proxied.api('GET', '/health')).status === 200)).toBe(true);
    expect(await waitFor(async () => (await proxied.api('GET', '/api/v1/me', { as: U.pro })).status === 200)).toBe(true);
    expect(await waitFor(async () => (await web.get(`${proxied.baseUrl}/dashboard`)).status === 200)).toBe(true);
  });

  (onPostgres ? it : it.skip)('answers 503 when its database is dropped, and recovers when it is back (PostgreSQL)', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `dbb_gone_${Date.now()}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DB}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const app = await startTestApp({ db: { url: url.toString(), engine: 'postgres', drop: async () => undefined }, seed: false });
      try {
        const cookieless = new WebSession();
        expect((await app.api('GET', '/health')).status).toBe(200);
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        const res = await app.api('GET', '/api/v1/cost-items', { headers: { authorization: 'Bearer x' } });
        expect(res.status).toBe(401); // token check needs no database
        const token = await app.api('POST', '/api/v1/auth/token', { body: { email: U.admin, password: TEST_PASSWORD } });
        expect({ status: token.status, code: token.body?.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
        const form = await cookieless.get(`${app.baseUrl}/login`);
        const page = await cookieless.post(`${app.baseUrl}/login`, { _csrf: csrfToken(form.html), email: U.admin, password: TEST_PASSWORD });
        expect(page.status).toBe(503);
        expect((await app.api('GET', '/health')).status).toBe(503);
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DB}`);
        expect(await waitFor(async () => (await app.api('GET', '/health')).status === 200)).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
