import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const ROOT = join(__dirname, '..', '..');

/** `npm run ledger:verify` against the test database and DATA_DIR: exit code and output. */
function verifyCli(databaseUrl: string, dataDir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', join(ROOT, 'src', 'ledger', 'verify-cli.ts')],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'error' }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

/**
 * Issue 14.8: the chain's tail is anchored outside the database. A steering report writes (and
 * prints) a signed checkpoint; cutting the last records of a fund's chain as a database superuser,
 * even with the fund's stored head moved back to match, is then detected by ledger:verify.
 */
describe('ledger checkpoints anchor the chain tail (e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let fundId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dbb-checkpoint-'));
    t = await startTestApp({ env: { DATA_DIR: dataDir } });
    fundId = await makeFund(t);
    for (let i = 0; i < 2; i++) {
      const kase = await makeCase(t);
      const r = await makeRequest(t, kase.id, fundId, { amount: '100.00' });
      await act(t, r.id, 'submit', U.pro);
    }
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const verify = async () => ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
  const checkpointCheck = async () => (await verify()).checks.find((c) => c.name === 'checkpoints')!;

  it('writes a signed checkpoint for a steering report and prints it in the report', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/reports/steering.pdf?fundId=${fundId}`, { headers: { authorization: `Bearer ${await t.tokenFor(U.admin)}` } });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    mkdirSync(join(ROOT, 'test', '.tmp'), { recursive: true });
    writeFileSync(join(ROOT, 'test', '.tmp', 'checkpoint-report.pdf'), pdf); // to look at (git-ignored)
    const lines = readFileSync(join(dataDir, 'ledger-checkpoints.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const cp = JSON.parse(lines[0]) as { funds: Record<string, { seq: string; head: string }>; mac: string };
    expect(cp.mac).toMatch(/^[0-9a-f]{64}$/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toMatch(/Checkpoint \d{4}-\d{2}-\d{2}T/);
    expect(text).toContain(`seq ${cp.funds[fundId].seq}`);
    expect(text).toContain(cp.mac.slice(0, 32));
    const check = await checkpointCheck();
    expect(check.ok).toBe(true);
    expect(check.detail).toContain('1 of');
  });

  it('does not append a new line while no chain moved', async () => {
    ok(await t.api('GET', `/api/v1/reports/steering.pdf?fundId=${fundId}`, { as: U.admin }));
    expect(readFileSync(join(dataDir, 'ledger-checkpoints.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('detects a tail cut by a database superuser who also moved the stored head back', async () => {
    const admin = new Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      const fund = (await admin.query('SELECT chain_seq::text AS seq FROM funds WHERE id = $1', [fundId])).rows[0] as { seq: string };
      const last = (await admin.query('SELECT id, prev_hash FROM request_events WHERE fund_id = $1 ORDER BY chain_seq DESC LIMIT 1', [fundId])).rows[0] as { id: string; prev_hash: string };
      // the last record is a workflow event (the submit): removing it leaves balances and the rest of the chain intact
      await admin.query('ALTER TABLE request_events DISABLE TRIGGER USER');
      await admin.query('DELETE FROM notification_outbox WHERE event_id = $1', [last.id]).catch(() => undefined);
      await admin.query('DELETE FROM request_events WHERE id = $1', [last.id]);
      await admin.query('ALTER TABLE request_events ENABLE TRIGGER USER');
      await admin.query('UPDATE funds SET chain_seq = chain_seq - 1, chain_head = $2 WHERE id = $1', [fundId, last.prev_hash]);
      expect(BigInt(fund.seq)).toBeGreaterThan(1n);
    } finally {
      await admin.end();
    }
    const result = await verify();
    expect(result.ok).toBe(false);
    // every other check is fooled: only the checkpoint sees the cut
    expect(result.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['checkpoints']);
    expect(result.checks.find((c) => c.name === 'checkpoints')!.detail).toMatch(/removed from its tail/);

    const cli = await verifyCli(t.db.url, dataDir);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('FAIL checkpoints');
  });

  it('flags a checkpoint line whose signature does not match (a forged or edited file)', async () => {
    const file = join(dataDir, 'ledger-checkpoints.jsonl');
    const cp = JSON.parse(readFileSync(file, 'utf8').trim().split('\n')[0]) as { funds: Record<string, { seq: string }> };
    cp.funds[fundId].seq = '1';
    writeFileSync(file, `${JSON.stringify(cp)}\n`);
    const check = await checkpointCheck();
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('valid signature');
  });
});
