import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const MONTH = 31 * 24 * 3600_000;

describe('retention of case narratives (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let fundId: string;
  let oldCase: { id: string; code: string };
  let recentCase: { id: string; code: string };
  let paidId: string;
  let rejectedId: string;

  const narrative = (id: string) =>
    db.query(
      `SELECT r.justification, r.resident_wish, r.info_question, r.existing_provisions, r.amount::text AS amount, r.status, r.title,
              (SELECT array_agg(coalesce(l.note, '') ORDER BY l.position) FROM request_cost_lines l WHERE l.request_id = r.id) AS notes,
              (SELECT array_agg(a.comment) FROM request_approvals a WHERE a.request_id = r.id) AS comments
         FROM requests r WHERE r.id = $1`,
      [id],
    ).then((rows: Record<string, any>[]) => rows[0]);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    fundId = await makeFund(t);
    oldCase = await makeCase(t, U.pro, { neighbourhood: 'Centrum' });
    const paid = await makeRequest(t, oldCase.id, fundId, { amount: '1200.00' });
    paidId = paid.id;
    await act(t, paidId, 'submit', U.pro);
    await act(t, paidId, 'approve', U.bh, { comment: 'Akkoord: bewoner vertelde over schulden' });
    ok(await t.api('POST', `/api/v1/requests/${paidId}/pay`, { as: U.admin, body: { reference: 'BET-2026-1' } }));
    rejectedId = (await makeRequest(t, oldCase.id, fundId, { justification: 'Tweede verhaal', amount: '900.00' })).id;
    await act(t, rejectedId, 'submit', U.pro);
    await act(t, rejectedId, 'reject', U.bh, { reason: 'Past niet binnen het fonds' });
    ok(await t.api('POST', `/api/v1/cases/${oldCase.id}/close`, { as: U.pro }));
    // 25 months later, a second case is closed: it is not yet expired
    t.app.get(Clock).advance(25 * MONTH);
    recentCase = await makeCase(t, U.pro, { neighbourhood: 'Noord' });
    await makeRequest(t, recentCase.id, fundId, { justification: 'Recent verhaal' });
    ok(await t.api('POST', `/api/v1/cases/${recentCase.id}/close`, { as: U.pro }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows in a dry run which narratives would go, and changes nothing', async () => {
    const before = await narrative(paidId);
    const preview = ok(await t.api('GET', '/api/v1/retention/preview', { as: U.admin })).body;
    expect(preview.dryRun).toBe(true);
    expect(preview.retentionMonths).toBe(24);
    expect(preview.cases.map((c: { caseCode: string }) => c.caseCode)).toEqual([oldCase.code]);
    expect(preview.cases[0].fields).toMatchObject({
      'requests.justification': 2,
      'requests.resident_wish': 2,
      'requests.existing_provisions.note': 2,
      'request_cost_lines.note': 2,
      'request_approvals.comment': 1,
    });
    expect(await narrative(paidId)).toEqual(before);
    expect(await db.query(`SELECT * FROM retention_erasures`)).toEqual([]);
    expect((await t.api('GET', '/api/v1/retention/preview', { as: U.pro })).status).toBe(403);
  });

  it('erases the narratives of expired cases; amounts, ledger and steering figures stay verifiable', async () => {
    const fundBefore = await balances(t, fundId);
    const summaryBefore = ok(await t.api('GET', `/api/v1/reports/steering.pdf?fundId=${fundId}`, { as: U.admin })).status;
    const eventsBefore = await db.query(`SELECT id, reason, hash FROM request_events ORDER BY fund_id, chain_seq`);
    const recentBefore = await db.query(`SELECT justification FROM requests WHERE case_id = $1`, [recentCase.id]);

    const run = ok(await t.api('POST', '/api/v1/retention/runs', { as: U.admin })).body;
    expect(run.dryRun).toBe(false);
    expect(run.cases.map((c: { caseId: string }) => c.caseId)).toEqual([oldCase.id]);

    const after = await narrative(paidId);
    expect(after).toMatchObject({ justification: '', resident_wish: '', info_question: null, amount: '1200.00', status: 'paid', title: 'Jaarabonnement trein' });
    expect(after.existing_provisions).toEqual([{ provision: 'Wmo-vervoer', reason: 'not_eligible' }]);
    expect(after.notes).toEqual(['', '']);
    expect(after.comments).toEqual(['']);
    expect((await narrative(rejectedId)).justification).toBe('');
    expect(await db.query(`SELECT justification FROM requests WHERE case_id = $1`, [recentCase.id])).toEqual(recentBefore);

    expect(await balances(t, fundId)).toEqual(fundBefore);
    const verify = ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body;
    expect(verify.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(verify.ok).toBe(true);
    // the chained workflow events are append-only and untouched (their hashes cover their text)
    expect(await db.query(`SELECT id, reason, hash FROM request_events ORDER BY fund_id, chain_seq`)).toEqual(eventsBefore);
    expect(ok(await t.api('GET', `/api/v1/reports/steering.pdf?fundId=${fundId}`, { as: U.admin })).status).toBe(summaryBefore);
    const req = ok(await t.api('GET', `/api/v1/requests/${paidId}`, { as: U.admin })).body;
    expect(req.comparison.lines.length).toBe(2);
  });

  it('records what was erased and when, append-only, and erases a case once', async () => {
    const erasures = ok(await t.api('GET', '/api/v1/retention/erasures', { as: U.admin })).body;
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ caseId: oldCase.id, caseCode: oldCase.code, channel: 'api' });
    expect(erasures[0].fields['requests.justification']).toBe(2);
    expect(Math.abs(new Date(erasures[0].erasedAt).getTime() - t.app.get(Clock).now().getTime())).toBeLessThan(60_000);
    const again = ok(await t.api('POST', '/api/v1/retention/runs', { as: U.admin })).body;
    expect(again.cases).toEqual([]);
    await expect(db.query(`UPDATE retention_erasures SET channel = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM retention_erasures`)).rejects.toThrow(/append-only/);
  });

  it('runs as a command-line dry run that lists what would go', async () => {
    const later = new Date(t.app.get(Clock).now().getTime() + 25 * MONTH).toISOString();
    const { stdout } = await promisify(execFile)('npx', ['ts-node', '--transpile-only', 'src/retention/retention-cli.ts', '--dry-run', `--as-of=${later}`], {
      env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test' },
      timeout: 120_000,
    });
    expect(stdout).toContain('DRY RUN');
    expect(stdout).toContain(`would erase ${recentCase.code}`);
    expect(stdout).toContain('requests.justification: 1');
    expect(await db.query(`SELECT justification FROM requests WHERE case_id = $1`, [recentCase.id])).toEqual([{ justification: 'Recent verhaal' }]);
  });
});
