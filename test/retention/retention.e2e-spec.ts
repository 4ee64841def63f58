import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { legacyRequestEventChainContent } from '../../src/ledger/hash-chain';
import { LedgerService } from '../../src/ledger/ledger.service';
import { RequestEventEntity } from '../../src/requests/request.entities';
import { CookieJar } from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const MONTH = 31 * 24 * 3600_000;
const PRIVACY = 'fg@demo.local';
const run = promisify(execFile);

interface EventRow {
  id: string;
  request_id: string;
  chain_format: number;
  reason: string;
  reason_code: string | null;
  reason_params: Record<string, string> | null;
  reason_salt: string | null;
  reason_erased_at: Date | null;
  hash: string;
  prev_hash: string;
  chain_seq: string;
}

describe('retention of case narratives (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let fundId: string;
  let oldCase: { id: string; code: string };
  let recentCase: { id: string; code: string };
  let paidId: string;
  let rejectedId: string;
  let legacyEventId: string;
  let privacyOfficerId: string;

  /** The workflow events of a case's requests, in chain order. */
  const eventsOf = (caseId: string): Promise<EventRow[]> =>
    db.query(
      `SELECT e.id, e.request_id, e.chain_format, e.reason, e.reason_code, e.reason_params, e.reason_salt, e.reason_erased_at, e.hash, e.prev_hash, e.chain_seq::text
         FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.case_id = $1 ORDER BY e.fund_id, e.chain_seq`,
      [caseId],
    );

  /** A web session over real HTTP (the login form with its CSRF token). */
  async function webLogin(email: string): Promise<CookieJar> {
    const jar = new CookieJar();
    const form = await (await jar.fetch(`${t.baseUrl}/login`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const res = await jar.fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password: t.seeded.password }).toString(),
    });
    expect(res.status).toBe(303);
    return jar;
  }

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
    privacyOfficerId = await makeUser(t, PRIVACY, 'gemeente', ['privacy_officer']);
    oldCase = await makeCase(t, U.pro, { neighbourhood: 'Centrum' });
    const paid = await makeRequest(t, oldCase.id, fundId, { amount: '1200.00' });
    paidId = paid.id;
    await act(t, paidId, 'submit', U.pro);
    await act(t, paidId, 'approve', U.bh, { comment: 'Akkoord: bewoner vertelde over schulden' });
    ok(await t.api('POST', `/api/v1/requests/${paidId}/pay`, { as: U.admin, body: { reference: 'BET-2026-1' } }));
    // an event chained before format 2 (its reason text itself in the hash), as databases from before the upgrade hold them
    await t.app.get(LedgerService).withFund(fundId, async (open) => {
      const legacy = {
        requestId: paidId, fundId, actorId: t.seeded.users[U.pro].id, actorRole: 'professional', fromStatus: 'paid', toStatus: 'paid',
        reason: 'Oude notitie: bewoner vertelde over de schuldeisers', createdAt: t.app.get(Clock).now(),
      };
      const link = open.chain(legacyRequestEventChainContent(legacy));
      const inserted = await t.app.get(TransactionRunner).manager.getRepository(RequestEventEntity).insert({ ...legacy, ...link, chainFormat: 1 });
      legacyEventId = (inserted.identifiers[0] as { id: string }).id;
    });
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
    // the workflow events' reasons of the case, typed and system-written, the legacy one among them
    const reasons = (await eventsOf(oldCase.id)).filter((e) => e.reason !== '');
    expect(reasons.length).toBeGreaterThanOrEqual(6);
    expect(reasons.map((e) => e.chain_format).sort()).toEqual([1, ...Array(reasons.length - 1).fill(2)]);
    expect(preview.cases[0].fields['request_events.reason']).toBe(reasons.length);
    expect(preview.skipped).toEqual([]);
    expect(await narrative(paidId)).toEqual(before);
    expect(await db.query(`SELECT * FROM retention_erasures`)).toEqual([]);
    expect((await t.api('GET', '/api/v1/retention/preview', { as: U.pro })).status).toBe(403);
  });

  it('erases the narratives of expired cases; amounts, ledger and steering figures stay verifiable', async () => {
    const fundBefore = await balances(t, fundId);
    const summaryBefore = ok(await t.api('GET', `/api/v1/reports/steering.pdf?fundId=${fundId}`, { as: U.admin })).status;
    const eventsBefore = await eventsOf(oldCase.id);
    const recentEventsBefore = await eventsOf(recentCase.id);
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
    // the events' reasons are gone; their hashes, places in the chain, codes and code parameters (without a typed comment) stay
    const eventsAfter = await eventsOf(oldCase.id);
    expect(eventsAfter.map((e) => [e.id, e.hash, e.prev_hash, e.chain_seq, e.reason_code])).toEqual(eventsBefore.map((e) => [e.id, e.hash, e.prev_hash, e.chain_seq, e.reason_code]));
    for (const [i, e] of eventsAfter.entries()) {
      const was = eventsBefore[i];
      expect(e.reason).toBe('');
      expect(e.reason_salt).toBeNull();
      expect(e.reason_erased_at === null).toBe(was.reason === '');
      const { comment, ...params } = was.reason_params ?? {};
      expect(e.reason_params).toEqual(was.reason_params === null ? null : params);
    }
    expect(eventsBefore.map((e) => e.reason)).toEqual(expect.arrayContaining(['Past niet binnen het fonds', 'Oude notitie: bewoner vertelde over de schuldeisers']));
    expect(JSON.stringify(eventsAfter)).not.toMatch(/schuld|Past niet binnen/);
    expect(await eventsOf(recentCase.id)).toEqual(recentEventsBefore);
    // the legacy event is vouched for by a seal in the same fund's chain
    const seals: { event_id: string; event_hash: string; chain_seq: string }[] = await db.query(`SELECT event_id, event_hash, chain_seq::text FROM chain_seals`);
    expect(seals).toEqual([{ event_id: legacyEventId, event_hash: eventsBefore.find((e) => e.id === legacyEventId)!.hash, chain_seq: expect.any(String) }]);
    expect(verify.checks.find((c: { name: string }) => c.name === 'hash_chain').detail).toMatch(/fund chains intact/);
    expect(ok(await t.api('GET', `/api/v1/reports/steering.pdf?fundId=${fundId}`, { as: U.admin })).status).toBe(summaryBefore);
    const req = ok(await t.api('GET', `/api/v1/requests/${paidId}`, { as: U.admin })).body;
    expect(req.comparison.lines.length).toBe(2);
  });

  it('says so where an erased reason was shown: the API, the request page and the justification PDF', async () => {
    const rejected = ok(await t.api('GET', `/api/v1/requests/${rejectedId}`, { as: U.admin })).body;
    const rejection = rejected.history.find((h: { to: string }) => h.to === 'rejected');
    expect(rejection).toMatchObject({ reason: '', reasonCode: null, reasonErasedAt: expect.any(String) });
    const paid = ok(await t.api('GET', `/api/v1/requests/${paidId}`, { as: U.admin })).body;
    const payment = paid.history.find((h: { reasonCode: string | null }) => h.reasonCode === 'paid');
    expect(payment).toMatchObject({ reason: '', reasonParams: { amount: '1200.00', reference: 'BET-2026-1' } });

    const jar = await webLogin(U.admin);
    const page = await jar.fetch(`${t.baseUrl}/requests/${rejectedId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('verwijderd na bewaartermijn');
    expect(html).not.toContain('Past niet binnen het fonds');
    // a coded reason is still said from its code
    const paidPage = await (await jar.fetch(`${t.baseUrl}/requests/${paidId}`)).text();
    expect(paidPage).toContain('referentie BET-2026-1');

    const dir = mkdtempSync(join(tmpdir(), 'retention-pdf-'));
    try {
      for (const [lang, text, wish] of [
        ['nl', 'verwijderd na bewaartermijn', 'Wens van de inwoner'],
        ['en', 'removed after the retention period', 'Resident’s wish'],
      ]) {
        const pdf = await fetch(`${t.baseUrl}/api/v1/requests/${rejectedId}/justification.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${await t.tokenFor(U.admin)}` } });
        expect(pdf.status).toBe(200);
        const file = join(dir, `${lang}.pdf`);
        writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
        await run('pdftotext', ['-layout', file, `${file}.txt`]);
        const words = readFileSync(`${file}.txt`, 'utf8').replace(/\s+/g, ' ');
        expect(words).toContain(text);
        // the erased narratives say so too, instead of standing blank
        expect(words).toContain(`${wish} ${text}`);
        expect(words).not.toContain('Past niet binnen');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('notices in ledger:verify when an erased legacy event is changed afterwards (its seal no longer matches)', async () => {
    const setRole = async (role: string) =>
      db.transaction(async (m) => {
        await m.query(`ALTER TABLE request_events DISABLE TRIGGER USER`);
        await m.query(`UPDATE request_events SET actor_role = $2 WHERE id = $1`, [legacyEventId, role]);
        await m.query(`ALTER TABLE request_events ENABLE TRIGGER USER`);
      });
    await setRole('admin');
    try {
      const verify = ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body;
      const chain = verify.checks.find((c: { name: string }) => c.name === 'hash_chain');
      expect(chain).toMatchObject({ ok: false, firstBroken: { table: 'request_events', id: legacyEventId } });
      expect(chain.detail).toContain('does not match its seal');
    } finally {
      await setRole('professional');
    }
    expect(ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);
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

  /** The retention command line against this test's database: exit code and output. */
  async function retentionCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/retention/retention-cli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test' },
        timeout: 120_000,
      });
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof x.code === 'number' ? x.code : -1, out: x.stdout ?? '', err: x.stderr ?? '' };
    }
  }

  it('runs as a command-line dry run that lists what would go, recorded in the access log under its operator', async () => {
    const later = new Date(t.app.get(Clock).now().getTime() + 25 * MONTH).toISOString();
    const { code, out: stdout } = await retentionCli(['--dry-run', `--as-of=${later}`, '--operator', PRIVACY]);
    expect(code).toBe(0);
    expect(stdout).toContain('DRY RUN');
    expect(stdout).toContain(`would erase ${recentCase.code}`);
    expect(stdout).toContain('requests.justification: 1');
    expect(stdout).toContain('request_events.reason: 1');
    expect(await db.query(`SELECT justification FROM requests WHERE case_id = $1`, [recentCase.id])).toEqual([{ justification: 'Recent verhaal' }]);
    const logged = await db.query(`SELECT user_id, user_email, channel, action, detail FROM access_log WHERE channel = 'cli'`);
    expect(logged).toEqual([{
      user_id: privacyOfficerId, user_email: PRIVACY, channel: 'cli', action: 'retention.preview',
      detail: `asOf=${later} cases=1 osUser=${userInfo().username} host=${hostname()}`,
    }]);
  });

  it('refuses the command line without an operator, and an erasure by the privacy officer (admins only), erasing nothing', async () => {
    const missing = await retentionCli(['--dry-run']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--operator is required');
    const officer = await retentionCli([`--operator=${PRIVACY}`]);
    expect(officer.code).toBe(1);
    expect(officer.err).toContain(`--operator ${PRIVACY}: erasing narratives needs the role admin; this account has privacy_officer`);
    expect(await db.query(`SELECT count(*)::int AS n FROM access_log WHERE channel = 'cli'`)).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM retention_erasures`)).toEqual([{ n: 1 }]);
  });

  it('records the API dry run and erasure run in the access log too', async () => {
    const rows: { action: string; channel: string; user_email: string }[] = await db.query(
      `SELECT action, channel, user_email FROM access_log WHERE action LIKE 'retention.%' AND channel = 'api' ORDER BY occurred_at, id`,
    );
    expect(rows).toEqual([
      { action: 'retention.preview', channel: 'api', user_email: U.admin },
      { action: 'retention.run', channel: 'api', user_email: U.admin },
      { action: 'retention.run', channel: 'api', user_email: U.admin },
    ]);
  });
});
