import { startTestApp, TestApp } from '../support/app';

describe('the platform contract (health, auth, problems, versioning)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /health with the database status and the API version header', async () => {
    const res = await t.api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect(res.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('issues a bearer token for a demo account and tells who is logged in', async () => {
    const me = await t.api('GET', '/api/v1/me', { as: 'budgethouder@demo.local' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'budgethouder@demo.local', roles: ['budget_holder'], organisation: { name: 'Gemeente Zuidoost' } });
  });

  it('refuses a wrong password with a 401 problem', async () => {
    const res = await t.api('POST', '/api/v1/auth/token', { body: { email: 'admin@demo.local', password: 'wrong-password' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', instance: '/api/v1/auth/token' });
  });

  it('answers a call without a token with 401 and with the wrong role with 403', async () => {
    expect((await t.api('GET', '/api/v1/me')).status).toBe(401);
    const res = await t.api('GET', '/api/v1/users', { as: 'professional@demo.local' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('admin');
  });

  it('names the field in a 400 for bad input', async () => {
    const res = await t.api('POST', '/api/v1/auth/token', { body: { email: 'not-an-email', password: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('email');
    expect(res.body.errors[0]).toMatchObject({ in: 'body', location: '#/email' });
  });

  it('answers malformed JSON and oversized bodies with 4xx problems, not 500', async () => {
    const bad = await t.api('POST', '/api/v1/auth/token', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const big = await t.api('POST', '/api/v1/auth/token', { body: JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(200_000) }) });
    expect(big.status).toBe(413);
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.api('GET', '/api/v1/does-not-exist', { as: 'admin@demo.local' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, instance: '/api/v1/does-not-exist' });
  });

  it('refuses a deactivated user at once, also with a token issued before', async () => {
    const token = await t.tokenFor('professional2@demo.local');
    const id = t.seeded.users['professional2@demo.local'].id;
    expect((await t.api('PATCH', `/api/v1/users/${id}`, { as: 'admin@demo.local', body: { active: false } })).status).toBe(200);
    const res = await fetch(`${t.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    const login = await t.api('POST', '/api/v1/auth/token', { body: { email: 'professional2@demo.local', password: t.seeded.password } });
    expect(login.status).toBe(401);
  });

  it('serves an OpenAPI 3 document with servers /api/v1 and contact details', async () => {
    const res = await t.api('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.servers).toEqual([{ url: '/api/v1' }]);
    expect(res.body.info.contact).toMatchObject({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
    expect(Object.keys(res.body.paths)).toContain('/auth/token');
  });
});
