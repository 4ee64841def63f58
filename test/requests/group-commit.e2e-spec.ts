import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessService } from '../../src/access/access.service';
import type { AuthUser } from '../../src/auth/auth.decorators';
import { DecisionGroups, GroupFailedBeforeCommit } from '../../src/requests/decision-groups';
import { RequestDecisionsService } from '../../src/requests/request-decisions.service';
import { RequestStepAnswer } from '../../src/requests/request-step-answer';
import { RequestWorkflow } from '../../src/requests/request-workflow';
import { UsersService } from '../../src/users/users.service';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { userId } from '../factories/user.factory';
import { startTestApp, TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';

/**
 * Group commit: concurrent approvals on one fund share one transaction (RequestWorkflow.decideGrouped).
 * Whatever the grouping, no fund is overspent, every caller gets the answer or error it would have
 * had alone, and the chain verifies. `decideAll` runs a chosen group deterministically.
 */
describe('requests: group commit of concurrent approvals (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let workflow: RequestWorkflow;
  let decisions: RequestDecisionsService;
  const users = new Map<string, AuthUser>();

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    workflow = t.app.get(RequestWorkflow);
    decisions = t.app.get(RequestDecisionsService);
    for (const email of [U.bh, U.bh2, U.pro]) users.set(email, (await t.app.get(UsersService).findActive(await userId(t, email)))!);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (id: string, as: string = U.bh) => ok(await t.api('GET', `/api/v1/requests/${id}`, { as })).body;
  const submitted = async (fundId: string, caseId: string, amount: string, payee = `Leverancier ${randomUUID().slice(0, 6)}`) => {
    const r = await makeRequest(t, caseId, fundId, { amount, payee });
    await act(t, r.id, 'submit', U.pro);
    return r.id as string;
  };
  /** Transactions that wrote the fund's events, by xmin: approvals that shared one have the same. */
  const transactions = async (fundId: string, ids: string[]) =>
    Number(
      (
        await ds.query(`SELECT count(DISTINCT xmin::text) AS n FROM request_events WHERE fund_id = $1 AND request_id = ANY($2::uuid[]) AND actor_role <> 'professional'`, [
          fundId,
          ids,
        ])
      )[0].n,
    );
  const verified = async () => expect(ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);
  /** One group, in this order, as DecisionGroups would run it. */
  const group = async (fundId: string, steps: { email: string; id: string; comment?: string }[]) => {
    const jobs = [];
    for (const s of steps) {
      const user = users.get(s.email)!;
      const access = await t.app.get(AccessService).requireRequest(user, s.id, 'read', 'approve');
      jobs.push({ user, id: s.id, access, work: decisions.approval(user, s.comment ?? '') });
    }
    return workflow.decideAll(fundId, jobs);
  };

  it('lets exactly as many of 25 concurrent approvals through as the fund covers, each with its own answer', async () => {
    const f = await makeFund(t, { budget: '3000.00' });
    const c = await makeCase(t);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await submitted(f, c.id, '300.00'));
    // Hold the fund's first group transaction back (as a slow one would be) until all 25 approvals
    // have joined the fund's queue, so that grouping does not depend on how fast requests arrive.
    const submit = jest.spyOn(DecisionGroups.prototype, 'submit');
    const decideAll = workflow.decideAll.bind(workflow);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = jest.spyOn(workflow, 'decideAll').mockImplementationOnce(async (fundId, jobs) => (await gate, decideAll(fundId, jobs)));
    // (comments without ids: digits in a uuid can look like a BSN to the input guard)
    const answers = Promise.all(ids.map((id, i) => t.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: { comment: `akkoord nummer ${i + 1}` } })));
    try {
      for (let waited = 0; submit.mock.calls.length < 25 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(submit.mock.calls.length).toBe(25);
    } finally {
      open();
      submit.mockRestore();
    }
    const results = await answers;
    first.mockRestore();
    expect(results.filter((r) => r.status !== 200 && r.status !== 409).map((r) => [r.status, r.body])).toEqual([]);
    const approved = results.filter((r) => r.status === 200);
    expect(approved).toHaveLength(10);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(15).fill('LEDGER.INSUFFICIENT_FUNDS'));
    for (const [i, r] of results.entries()) {
      if (r.status !== 200) continue;
      expect(r.body).toMatchObject({ id: ids[i], status: 'approved', committed: '300.00' });
      expect(r.body.approvals.map((a: { comment: string }) => a.comment)).toEqual([`akkoord nummer ${i + 1}`]);
      expect(r.body).toEqual(await get(ids[i]));
    }
    for (const [i, r] of results.entries()) {
      if (r.status === 409) expect(await get(ids[i])).toMatchObject({ status: 'submitted', committed: '0.00', approvals: [] });
    }
    expect(await balances(t, f)).toMatchObject({ committed: '3000.00', available: '0.00' });
    // the approvals were grouped: the ones that queued behind the lock shared a transaction
    expect(await transactions(f, ids)).toBeLessThanOrEqual(2);
    await verified();
  });

  it('gives each step of one group its own outcome and undoes the ones that fail, in one transaction', async () => {
    const f = await makeFund(t, { budget: '3000.00' });
    const other = await makeFund(t);
    const a = await submitted(f, (await makeCase(t)).id, '1000.00');
    const b = await submitted(f, (await makeCase(t)).id, '1000.00');
    const d = await submitted(f, (await makeCase(t)).id, '2600.00'); // double tier
    const elsewhere = await submitted(other, (await makeCase(t)).id, '500.00');
    const outcomes = await group(f, [
      { email: U.bh, id: a }, // approved: 2000 left
      { email: U.bh, id: d, comment: 'eerste' }, // first of two
      { email: U.bh2, id: d, comment: 'tweede' }, // second: 2600 > 2000 → refused, undone
      { email: U.pro, id: b }, // the requester: four-eyes
      { email: U.bh2, id: a }, // already approved
      { email: U.bh, id: b }, // approved: 1000 left
      { email: U.bh, id: elsewhere }, // not a request of this fund
    ]);
    const errors = outcomes.map((o) => ('error' in o ? (o.error as { code?: string }).code ?? (o.error as Error).message : 'done' in o ? 'done' : 'alone'));
    expect(errors).toEqual(['done', 'done', 'LEDGER.INSUFFICIENT_FUNDS', 'REQUEST.OWN_REQUEST', 'REQUEST.ILLEGAL_TRANSITION', 'done', 'NOT_FOUND']);
    // each answer is its request after its own step, and what GET shows now (the refused second approval left no trace)
    const answers = t.app.get(RequestStepAnswer);
    for (const [i, id] of [[0, a], [1, d], [5, b]] as const) {
      const o = outcomes[i];
      if (!('done' in o)) throw new Error(`step ${i} has no answer`);
      expect(await answers.of(o.done)).toEqual(await get(id));
    }
    expect(await get(d)).toMatchObject({ status: 'submitted', committed: '0.00', approvals: [expect.objectContaining({ comment: 'eerste' })] });
    expect((await get(d)).history.at(-1)).toMatchObject({ from: 'submitted', to: 'submitted' });
    expect(await balances(t, f)).toMatchObject({ committed: '2000.00', available: '1000.00' });
    expect(await transactions(f, [a, b, d])).toBe(1);
    expect(await get(elsewhere)).toMatchObject({ status: 'submitted', approvals: [] });
    await verified();
  });

  it('undoes in memory a step that fails after it reserved and chained: the next steps see the fund as before it', async () => {
    const f = await makeFund(t, { budget: '3000.00' });
    const [a, b, c] = [await submitted(f, (await makeCase(t)).id, '1000.00'), await submitted(f, (await makeCase(t)).id, '1500.00'), await submitted(f, (await makeCase(t)).id, '1500.00')];
    const bh = users.get(U.bh)!;
    const access = (id: string) => t.app.get(AccessService).requireRequest(bh, id, 'read', 'approve');
    const outcomes = await workflow.decideAll(f, [
      { user: bh, id: a, access: await access(a), work: decisions.approval(bh) },
      {
        user: bh,
        id: b,
        access: await access(b),
        work: async ({ fund, request, now }) => {
          await fund.reserve({ requestId: request.id, amount: request.amount, actorId: bh.id, memo: 'wordt teruggedraaid' });
          await workflow.record(fund, request, bh, 'budget_holder', 'submitted', 'approved', 'wordt teruggedraaid', now);
          request.status = 'approved';
          throw new Error('the step failed after moving money');
        },
      },
      { user: bh, id: c, access: await access(c), work: decisions.approval(bh) },
    ]);
    expect(outcomes.map((o) => ('done' in o ? 'done' : 'error' in o ? (o.error as Error).message : 'alone'))).toEqual(['done', 'the step failed after moving money', 'done']);
    expect(await balances(t, f)).toMatchObject({ committed: '2500.00', available: '500.00' });
    expect(await get(b)).toMatchObject({ status: 'submitted', committed: '0.00' });
    expect((await get(b)).history.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted']);
    expect(Number((await ds.query('SELECT count(*) AS n FROM journal_entries WHERE request_id = $1', [b]))[0].n)).toBe(0);
    await verified();
  });

  it('counts earlier steps of the group in the person’s yearly cap', async () => {
    const f = await makeFund(t, { rules: { personCapPerYear: '1000.00' } });
    const person = await makeCase(t);
    const x = await submitted(f, person.id, '600.00');
    const y = await submitted(f, person.id, '600.00');
    const z = await submitted(f, (await makeCase(t)).id, '600.00'); // someone else
    expect((await get(y)).tier).toBe('single');
    const outcomes = await group(f, [{ email: U.bh, id: x }, { email: U.bh, id: y }, { email: U.bh, id: z }]);
    expect(outcomes.every((o) => 'done' in o)).toBe(true);
    expect(await get(x)).toMatchObject({ status: 'approved', committed: '600.00' });
    // 600 approved in the same transaction + 600 > 1000: y now needs a second approval
    expect(await get(y)).toMatchObject({ status: 'submitted', tier: 'double', committed: '0.00' });
    expect((await get(y)).approvals).toHaveLength(1);
    expect(await get(z)).toMatchObject({ status: 'approved' });
    await verified();
  });

  describe('when the group’s write fails', () => {
    beforeAll(async () => {
      await ds.query(`CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.comment = 'boom' THEN RAISE EXCEPTION 'boom refused by a test trigger'; END IF; RETURN NEW; END $$`);
      await ds.query('CREATE TRIGGER test_refuse_boom BEFORE INSERT ON request_approvals FOR EACH ROW EXECUTE FUNCTION test_refuse_boom()');
    });
    afterAll(async () => {
      await ds.query('DROP TRIGGER test_refuse_boom ON request_approvals');
      await ds.query('DROP FUNCTION test_refuse_boom()');
    });

    it('writes nothing of the group', async () => {
      const f = await makeFund(t);
      const c = await makeCase(t);
      const [p, q, r] = [await submitted(f, c.id, '400.00'), await submitted(f, c.id, '400.00'), await submitted(f, c.id, '400.00')];
      await expect(group(f, [{ email: U.bh, id: p }, { email: U.bh, id: q, comment: 'boom' }, { email: U.bh, id: r }])).rejects.toBeInstanceOf(GroupFailedBeforeCommit);
      for (const id of [p, q, r]) expect(await get(id)).toMatchObject({ status: 'submitted', approvals: [] });
      expect(await balances(t, f)).toMatchObject({ committed: '0.00' });
      await verified();
    });

    it('runs each step again alone, so only the failing one fails', async () => {
      const f = await makeFund(t);
      const c = await makeCase(t);
      const ids = [];
      for (let i = 0; i < 8; i++) ids.push(await submitted(f, c.id, '400.00'));
      const results = await Promise.all(ids.map((id, i) => t.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: { comment: i === 3 ? 'boom' : 'ok' } })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 500, 200, 200, 200, 200]);
      for (const [i, id] of ids.entries()) {
        if (i === 3) expect(await get(id)).toMatchObject({ status: 'submitted', approvals: [] });
        else expect(results[i].body).toEqual(await get(id));
      }
      expect(await balances(t, f)).toMatchObject({ committed: '2800.00' });
      await verified();
    });
  });

  it('runs approvals with an Idempotency-Key alone, next to grouped ones, and replays them', async () => {
    const f = await makeFund(t, { budget: '2000.00' });
    const c = await makeCase(t);
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await submitted(f, c.id, '400.00'));
    const call = (id: string, i: number) =>
      t.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: {}, headers: i % 2 ? { 'Idempotency-Key': `gc-${id}` } : {} });
    const first = await Promise.all(ids.map(call));
    expect(first.filter((r) => r.status === 200)).toHaveLength(5);
    expect(first.filter((r) => r.status === 409)).toHaveLength(1);
    expect(await balances(t, f)).toMatchObject({ committed: '2000.00', available: '0.00' });
    // a retry with the same key gets the first answer again and changes nothing
    for (const [i, id] of ids.entries()) {
      if (i % 2 === 0 || first[i].status !== 200) continue;
      const again = await call(id, i);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first[i].body);
    }
    expect(await balances(t, f)).toMatchObject({ committed: '2000.00' });
    await verified();
  });
});
