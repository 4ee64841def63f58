import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const PRIVACY = 'fg@demo.local';

/** Run a command line of the project against the test database; exit code and output. */
async function cli(script: string, args: string[], url: string): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
      timeout: 120_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

describe('access log (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let fundId: string;
  let caseId: string;
  let caseCode: string;
  let requestId: string;

  const rows = (where = 'true', params: unknown[] = []): Promise<Record<string, any>[]> =>
    db.query(`SELECT * FROM access_log WHERE ${where} ORDER BY occurred_at, id`, params);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    fundId = await makeFund(t);
    const c = await makeCase(t, U.pro, { neighbourhood: 'Centrum' });
    caseId = c.id;
    caseCode = c.code;
    requestId = (await makeRequest(t, caseId, fundId, { justification: 'Geheim verhaal over de bewoner' })).id;
    await makeUser(t, PRIVACY, 'gemeente', ['privacy_officer']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a case read through the API with who, which case, what and the channel', async () => {
    ok(await t.api('GET', `/api/v1/cases/${caseId}`, { as: U.pro }));
    const [row] = await rows(`action = 'case.read' AND case_id = $1`, [caseId]);
    expect(row).toMatchObject({ user_id: t.seeded.users[U.pro].id, user_email: U.pro, channel: 'api', case_id: caseId, detail: '' });
    expect(Math.abs(new Date(row.occurred_at).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('records a request read and a justification PDF with the case the request belongs to', async () => {
    ok(await t.api('GET', `/api/v1/requests/${requestId}`, { as: U.pro }));
    const pdf = await t.api('GET', `/api/v1/requests/${requestId}/justification.pdf`, { as: U.pro });
    expect(pdf.status).toBe(200);
    const got = await rows(`subject_id = $1`, [requestId]);
    expect(got.map((r) => [r.action, r.case_id, r.channel])).toEqual([
      ['request.read', caseId, 'api'],
      ['justification.pdf', caseId, 'api'],
    ]);
  });

  it('copies no case content into the log', async () => {
    const all = await db.query(`SELECT row_to_json(l)::text AS j FROM access_log l`);
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) expect(r.j).not.toContain('Geheim verhaal');
  });

  it('records exports with their parameters', async () => {
    const res = await t.api('GET', `/api/v1/exports/requests.csv?fundId=${fundId}&from=2026-01-01`, { as: U.admin });
    expect(res.status).toBe(200);
    const [row] = await rows(`action = 'export.requests_csv'`);
    expect(row).toMatchObject({ user_email: U.admin, channel: 'api', case_id: null });
    expect(row.detail).toBe(`fundId=${fundId} from=2026-01-01`);
  });

  it('records nothing for a read that was refused or not found', async () => {
    const before = (await rows()).length;
    expect((await t.api('GET', `/api/v1/cases/${caseId}`, { as: U.pro2 })).status).toBe(404);
    expect((await t.api('GET', `/api/v1/requests/00000000-0000-4000-8000-000000000000`, { as: U.pro })).status).toBe(404);
    expect((await rows()).length).toBe(before);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.query(`UPDATE access_log SET user_email = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
  });

  it('lets the privacy officer filter by case, user and period, and refuses others', async () => {
    const byCase = ok(await t.api('GET', `/api/v1/access-log?caseId=${caseId}`, { as: PRIVACY })).body;
    expect(byCase.items.length).toBeGreaterThanOrEqual(3);
    expect(byCase.items.every((i: { caseId: string; caseCode: string }) => i.caseId === caseId && i.caseCode === caseCode)).toBe(true);
    const byCode = ok(await t.api('GET', `/api/v1/access-log?caseCode=${caseCode}&userEmail=${U.pro}`, { as: U.admin })).body;
    expect(byCode.items.map((i: { action: string }) => i.action).sort()).toEqual(['case.read', 'justification.pdf', 'request.read']);
    const today = new Date().toISOString().slice(0, 10);
    expect(ok(await t.api('GET', `/api/v1/access-log?from=${today}&to=${today}`, { as: PRIVACY })).body.items.length).toBeGreaterThan(0);
    expect(ok(await t.api('GET', `/api/v1/access-log?from=2020-01-01&to=2020-12-31`, { as: PRIVACY })).body.items).toEqual([]);
    const page = ok(await t.api('GET', `/api/v1/access-log?limit=1`, { as: PRIVACY })).body;
    expect(page.items).toHaveLength(1);
    expect(page.next).toBe(1);
    expect((await t.api('GET', '/api/v1/access-log', { as: U.pro })).status).toBe(403);
    expect((await t.api('GET', '/api/v1/access-log', { as: U.bh })).status).toBe(403);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const bad = await t.api('GET', '/api/v1/access-log?from=2026-02-30', { as: PRIVACY });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('from');
    const reversed = await t.api('GET', '/api/v1/access-log?from=2026-03-01&to=2026-02-01', { as: PRIVACY });
    expect(reversed.status).toBe(400);
    expect(reversed.body.detail).toContain('to');
    const id = await t.api('GET', '/api/v1/access-log?caseId=nope', { as: PRIVACY });
    expect(id.status).toBe(400);
    expect(id.body.detail).toContain('caseId');
  });

  it('exports the filtered log as CSV and logs that export', async () => {
    const res = await t.api('GET', `/api/v1/access-log/entries.csv?caseId=${caseId}`, { as: PRIVACY });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = String(res.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('tijdstip;tijdstip_utc;gebruiker;naam;kanaal;handeling;casus;casus_id;aanvraag_id;details');
    expect(lines.slice(1).every((l) => l.includes(caseCode))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const [row] = await rows(`action = 'export.access_log_csv'`);
    expect(row).toMatchObject({ user_email: PRIVACY, channel: 'api', detail: `caseId=${caseId}` });
  });

  it('records a steering report made on the command line under the operator named with --operator, with the OS account and host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    try {
      const out = join(dir, 'stuurgroep.pdf');
      const res = await cli('src/reports/report-cli.ts', ['--operator', U.bh.toUpperCase(), '--fund', fundId, '--from', '2026-01-01', '--out', out], t.db.url);
      expect(res).toMatchObject({ code: 0 });
      expect(res.out.trim()).toBe(out);
      expect(existsSync(out)).toBe(true);
      const [row] = await rows(`channel = 'cli'`);
      expect(row).toMatchObject({ user_id: t.seeded.users[U.bh].id, user_email: U.bh, action: 'export.steering_pdf', case_id: null });
      expect(row.detail).toBe(`fundId=${fundId} from=2026-01-01 lang=nl osUser=${userInfo().username} host=${hostname()}`);
      // the API shows it like any other row, and a filter by user finds it
      const listed = ok(await t.api('GET', `/api/v1/access-log?userEmail=${U.bh}`, { as: PRIVACY })).body.items;
      expect(listed.find((i: { channel: string }) => i.channel === 'cli')).toMatchObject({ action: 'export.steering_pdf', userName: 'Bram Budgethouder' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a command-line report without an operator, or by an account that may not make it, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    try {
      const out = join(dir, 'x.pdf');
      const before = (await rows(`channel = 'cli'`)).length;
      const missing = await cli('src/reports/report-cli.ts', ['--fund', fundId, '--out', out], t.db.url);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('--operator is required');
      const professional = await cli('src/reports/report-cli.ts', ['--operator', U.pro, '--fund', fundId, '--out', out], t.db.url);
      expect(professional.code).toBe(1);
      expect(professional.err).toContain(`--operator ${U.pro}: the steering-group report needs the role steering_group or budget_holder or admin; this account has professional`);
      const unknown = await cli('src/reports/report-cli.ts', ['--operator=niemand@example.org', '--out', out], t.db.url);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('--operator niemand@example.org: there is no user with this e-mail address');
      expect(existsSync(out)).toBe(false);
      expect((await rows(`channel = 'cli'`)).length).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents the access log endpoints in the OpenAPI document', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/access-log', '/access-log/entries.csv']));
    expect(JSON.stringify(doc.components.schemas)).toContain('"privacy_officer"');
  });
});
