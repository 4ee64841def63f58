import { WebSession } from '../reliability/support/web';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { userId } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** Issue 14.3 and 14.4: administrators cannot be locked out; tokens and sessions die with the credentials. */
describe('user accounts: admin lockout and token revocation (e2e)', () => {
  let t: TestApp;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminId = await userId(t, U.admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newUser(roles: string[], email = `u-${Math.random().toString(36).slice(2)}@test.local`): Promise<{ id: string; email: string }> {
    const organisationId = t.seeded.organisations.gemeente.id;
    const u = ok(await t.api('POST', '/api/v1/users', { as: U.admin, body: { email, displayName: 'Test', password: TEST_PASSWORD, organisationId, roles } }), 201).body;
    return { id: u.id, email };
  }

  const bearer = async (token: string, path = '/api/v1/me') => (await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
  const login = async (email: string, password = TEST_PASSWORD): Promise<string> => {
    const res = await t.api('POST', '/api/v1/auth/token', { body: { email, password } });
    return ok(res).body.accessToken;
  };

  it('refuses an admin deactivating or demoting themself, with a 409 saying why', async () => {
    const off = await t.api('PATCH', `/api/v1/users/${adminId}`, { as: U.admin, body: { active: false } });
    expect(off.status).toBe(409);
    expect(off.body.detail).toMatch(/yourself|own admin/);
    const demote = await t.api('PATCH', `/api/v1/users/${adminId}`, { as: U.admin, body: { roles: ['professional'] } });
    expect(demote.status).toBe(409);
    expect(ok(await t.api('GET', `/api/v1/users/${adminId}`, { as: U.admin })).body).toMatchObject({ active: true, roles: expect.arrayContaining(['admin']) });
  });

  it.each([
    ['roles: []', { roles: [] }, 'roles'],
    ['organisationId: null', { organisationId: null }, 'organisationId'],
    ['active: null', { active: null }, 'active'],
  ])('refuses %s with a 400 naming the field', async (_l, body, field) => {
    const u = await newUser(['professional']);
    const res = await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(field);
    expect(ok(await t.api('GET', `/api/v1/users/${u.id}`, { as: U.admin })).body.roles).toEqual(['professional']);
  });

  it.each([
    ['a password change', { password: 'een-nieuw-wachtwoord-456' }],
    ['a role change', { roles: ['budget_holder'] }],
    ['a deactivation', { active: false }],
  ])('invalidates bearer tokens and web sessions on %s', async (_l, patch) => {
    const u = await newUser(['professional']);
    const token = await login(u.email);
    const web = new WebSession();
    await web.login(t.baseUrl, u.email, TEST_PASSWORD);
    expect(await bearer(token)).toBe(200);
    expect((await web.get(`${t.baseUrl}/notifications`)).status).toBe(200);
    ok(await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body: patch }));
    expect(await bearer(token)).toBe(401);
    const page = await web.get(`${t.baseUrl}/notifications`);
    expect(page.status).toBe(303);
    expect(page.location).toContain('/login');
  });

  it('keeps old tokens dead after reactivation', async () => {
    const u = await newUser(['professional']);
    const token = await login(u.email);
    ok(await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body: { active: false } }));
    ok(await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body: { active: true } }));
    expect(await bearer(token)).toBe(401);
    expect(await bearer(await login(u.email))).toBe(200);
  });

  it('keeps tokens alive on a change that touches neither credentials nor rights', async () => {
    const u = await newUser(['professional']);
    const token = await login(u.email);
    ok(await t.api('PATCH', `/api/v1/users/${u.id}`, { as: U.admin, body: { displayName: 'Andere naam' } }));
    expect(await bearer(token)).toBe(200);
  });

  it('refuses tokens with another algorithm or without exp', async () => {
    const u = await newUser(['professional']);
    const token = await login(u.email);
    const [, payload] = token.split('.');
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    expect(await bearer(none)).toBe(401);
    const { createHmac } = await import('node:crypto');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    delete claims.exp;
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64(claims);
    const secret = 'jwt:test-session-secret-that-is-long-enough-1234';
    const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
    expect(await bearer(`${head}.${body}.${sig}`)).toBe(401);
    // the same construction with exp is accepted, so the refusal above is about exp
    const withExp = b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 });
    const sig2 = createHmac('sha256', secret).update(`${head}.${withExp}`).digest('base64url');
    expect(await bearer(`${head}.${withExp}.${sig2}`)).toBe(200);
  });

  it('lets an admin demote another admin, but two admins demoting each other at once leave one admin', async () => {
    const a = await newUser(['admin']);
    const b = await newUser(['admin']);
    const [ta, tb] = [await login(a.email), await login(b.email)];
    const patch = (token: string, id: string) =>
      fetch(`${t.baseUrl}/api/v1/users/${id}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ roles: ['professional'] }),
      }).then((r) => r.status);
    // the seeded admin is out of the picture (deactivated by a), so a and b are the only active admins
    ok(await t.api('PATCH', `/api/v1/users/${adminId}`, { headers: { authorization: `Bearer ${ta}` }, body: { active: false } }));
    const statuses = (await Promise.all([patch(ta, b.id), patch(tb, a.id)])).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const remaining = await Promise.all([a, b].map(async (u) => (await t.api('POST', '/api/v1/auth/token', { body: { email: u.email, password: TEST_PASSWORD } })).body.accessToken as string));
    const admins: string[] = [];
    for (const tok of remaining) {
      const me = (await fetch(`${t.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${tok}` } }).then((r) => r.json())) as { roles: string[]; email: string };
      if (me.roles.includes('admin')) admins.push(me.email);
    }
    expect(admins).toHaveLength(1);
    // the survivor restores the seeded admin for the other tests
    const survivor = remaining[[a, b].findIndex((u) => u.email === admins[0])];
    ok(await t.api('PATCH', `/api/v1/users/${adminId}`, { headers: { authorization: `Bearer ${survivor}` }, body: { active: true } }));
  });
});
