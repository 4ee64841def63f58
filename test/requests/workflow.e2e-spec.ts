import { Dec } from '../../src/common/money';
import { Clock } from '../../src/common/clock';
import { addWorkingDays } from '../../src/common/dutch-time';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const HOUR = 3_600_000;
/**
 * Truly concurrent transactions only on PostgreSQL: the embedded PGlite socket server interleaves
 * the extended-protocol messages of concurrent connections ("bind message supplies 1 parameters,
 * but prepared statement requires 2"), which is a limitation of the test engine, not of the app.
 */

describe('requests: workflow, tiers, four-eyes, deadlines (e2e)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t);
    caseId = (await makeCase(t)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a draft with a priced conventional route and a creation event', async () => {
    const r = await makeRequest(t, caseId, fundId);
    expect(r).toMatchObject({
      status: 'draft',
      amount: '1000.00',
      payee: 'NS Reizigers',
      tier: null,
      withinMandate: false,
      retroactive: false,
      committed: '0.00',
      paid: '0.00',
      submittedAt: null,
      decisionDue: null,
      overdue: false,
      hoursToDecision: null,
      approvals: [],
      outcomes: [],
      requester: { name: 'Petra Wijkprofessional', organisationName: 'Welzijn Op Maat' },
      barriers: ['rules_protocol'],
      existingProvisions: [{ provision: 'Wmo-vervoer', reason: 'not_eligible', note: 'geen indicatie' }],
    });
    expect(r.caseCode).toMatch(/^ZO-\d{4}-\d{4}$/);
    expect(r.comparison.maatwerkCost).toBe('1000.00');
    expect(r.comparison.lines.map((l: { costItemKey: string }) => l.costItemKey)).toEqual(['detention_day', 'case_meeting']);
    expect(r.comparison.lines[1]).toMatchObject({ unitAmount: expect.any(String), quantity: '4', probability: '1' });
    expect(r.history).toEqual([expect.objectContaining({ from: null, to: 'draft', actorName: 'Petra Wijkprofessional', actorRole: 'professional' })]);
  });

  it('runs draft → submitted → approved → paid → evaluated for a single-approver request, moving the money', async () => {
    const before = await balances(t, fundId);
    const r = await makeRequest(t, caseId, fundId, { amount: '1000.00', payee: 'Reisbureau Enkel' });
    const submitted = await act(t, r.id, 'submit', U.pro);
    expect(submitted).toMatchObject({ status: 'submitted', tier: 'single', withinMandate: false, committed: '0.00', overdue: false });
    expect(submitted.tierReason).toContain('één budgethouder');
    expect(submitted.decisionDue).toBe(addWorkingDays(new Date(submitted.submittedAt), 5).toISOString());

    const approved = await act(t, r.id, 'approve', U.bh, { comment: 'Goed onderbouwd' });
    expect(approved).toMatchObject({ status: 'approved', committed: '1000.00', paid: '0.00' });
    expect(approved.approvals).toEqual([
      expect.objectContaining({ approverName: 'Bram Budgethouder', organisationName: 'Gemeente Zuidoost', role: 'budget_holder', comment: 'Goed onderbouwd' }),
    ]);
    expect(typeof approved.hoursToDecision).toBe('number');
    expect(approved.decidedAt).not.toBeNull();
    expect((await balances(t, fundId)).committed).toBe(new Dec(before.committed).plus(1000).toFixed(2));

    const paid = await act(t, r.id, 'pay', U.admin, { reference: 'BANK-2026-001' });
    expect(paid).toMatchObject({ status: 'paid', committed: '0.00', paid: '1000.00' });
    expect(paid.comparison.maatwerkCost).toBe('1000.00');
    const after = await balances(t, fundId);
    expect(after.spent).toBe(new Dec(before.spent).plus(1000).toFixed(2));
    expect(after.available).toBe(new Dec(before.available).minus(1000).toFixed(2));

    const evaluated = await act(
      t,
      r.id,
      'outcome',
      U.pro,
      {
        months: 6,
        goalReached: 'yes',
        solvedWithoutMoney: false,
        lines: [
          { costItemKey: 'detention_day', happened: 'no' },
          { costItemKey: 'case_meeting', happened: 'partly', fraction: '0.25' },
        ],
        note: 'Geen nieuwe boetes.',
      },
      201,
    );
    expect(evaluated.status).toBe('evaluated');
    expect(evaluated.outcomes).toHaveLength(1);
    expect(evaluated.outcomes[0]).toMatchObject({ months: 6, goalReached: 'yes', note: 'Geen nieuwe boetes.' });
    // the 6-month follow-up covers half a year: half of the yearly estimate of 11371.50
    expect(evaluated.outcomes[0].realised).toMatchObject({ windowMonths: 6, windowShare: '0.5', estimated: '5685.75' });
    expect(evaluated.outcomes[0].realised.lines).toHaveLength(2);

    const second = await act(t, r.id, 'outcome', U.pro, { months: 12, goalReached: 'partly', lines: [
      { costItemKey: 'detention_day', happened: 'no' },
      { costItemKey: 'case_meeting', happened: 'yes' },
    ] }, 201);
    expect(second.status).toBe('evaluated');
    expect(second.outcomes.map((o: { months: number }) => o.months)).toEqual([6, 12]);
    const again = await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body: { months: 12, goalReached: 'no', lines: [
      { costItemKey: 'detention_day', happened: 'no' },
      { costItemKey: 'case_meeting', happened: 'yes' },
    ] } });
    expect(again.status).toBe(409);

    expect(second.history.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'null→draft', 'draft→submitted', 'submitted→approved', 'approved→paid', 'paid→evaluated', 'evaluated→evaluated',
    ]);
  });

  it('refuses an outcome that does not cover the route, naming lines, and changes nothing', async () => {
    const r = await makeRequest(t, caseId, fundId, { amount: '300.00', payee: 'Fietsenmaker' });
    await act(t, r.id, 'submit', U.pro);
    await act(t, r.id, 'approve', U.bh);
    await act(t, r.id, 'pay', U.admin, { reference: 'BANK-2' });
    const res = await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body: { months: 3, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'no' }] } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('lines');
    const partlyWithoutFraction = await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body: { months: 3, goalReached: 'yes', lines: [
      { costItemKey: 'detention_day', happened: 'partly' },
      { costItemKey: 'case_meeting', happened: 'yes' },
    ] } });
    expect(partlyWithoutFraction.status).toBe(400);
    expect(ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.pro })).body.status).toBe('paid');
  });

  it('refuses illegal transitions with a 409 that names the current state', async () => {
    const r = await makeRequest(t, caseId, fundId, { amount: '900.00', payee: 'Kringloop' });
    const approveDraft = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: {} });
    expect(approveDraft.status).toBe(409);
    expect(approveDraft.body.detail).toBe('request is draft; cannot approve');
    expect((await t.api('POST', `/api/v1/requests/${r.id}/pay`, { as: U.admin, body: { reference: 'x' } })).body.detail).toBe('request is draft; cannot pay');
    expect((await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body: { months: 3, goalReached: 'yes', lines: [] } })).body.detail).toBe(
      'request is draft; cannot record an outcome',
    );

    await act(t, r.id, 'submit', U.pro);
    expect((await t.api('POST', `/api/v1/requests/${r.id}/submit`, { as: U.pro })).body.detail).toBe('request is submitted; cannot submit');
    expect((await t.api('PATCH', `/api/v1/requests/${r.id}`, { as: U.pro, body: { title: 'anders' } })).body.detail).toBe('request is submitted; cannot edit');
    expect((await t.api('POST', `/api/v1/requests/${r.id}/cancel`, { as: U.admin, body: {} })).body.detail).toBe('request is submitted; cannot cancel');

    await act(t, r.id, 'reject', U.bh, { reason: 'Past niet binnen het fonds' });
    for (const [action, as, body] of [
      ['approve', U.bh, {}],
      ['reject', U.bh, { reason: 'nogmaals' }],
      ['request-info', U.bh, { question: 'waarom?' }],
      ['submit', U.pro, {}],
      ['withdraw', U.pro, {}],
      ['cancel', U.admin, {}],
    ] as const) {
      const res = await t.api('POST', `/api/v1/requests/${r.id}/${action}`, { as, body });
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/^request is rejected; cannot /);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const final = ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.pro })).body;
    expect(final.history.at(-1)).toMatchObject({ from: 'submitted', to: 'rejected', reason: 'Past niet binnen het fonds', actorRole: 'budget_holder' });
    expect(final.decidedAt).not.toBeNull();
  });

  it('approves and reserves within the requester mandate on submit, still visible to budget holders', async () => {
    const before = await balances(t, fundId);
    const r = await makeRequest(t, caseId, fundId, { amount: '250.00', payee: 'Huisraad BV' });
    const s = await act(t, r.id, 'submit', U.pro);
    expect(s).toMatchObject({ status: 'approved', tier: 'requester', withinMandate: true, committed: '250.00', hoursToDecision: 0 });
    expect(s.tierReason).toContain('Binnen mandaat');
    expect(s.history.map((h: { to: string; actorRole: string }) => `${h.to}:${h.actorRole}`)).toEqual(['draft:professional', 'submitted:professional', 'approved:professional']);
    expect((await balances(t, fundId)).committed).toBe(new Dec(before.committed).plus(250).toFixed(2));
    const queue = ok(await t.api('GET', `/api/v1/requests?fundId=${fundId}&status=approved&limit=100`, { as: U.bh })).body;
    expect(queue.items.find((x: { id: string }) => x.id === r.id)).toMatchObject({ withinMandate: true });
  });

  it('uses a personal mandate over the fund mandate', async () => {
    await makeUser(t, 'ruim.mandaat@demo.local', 'welzijn', ['professional'], '600.00');
    const c = await makeCase(t, 'ruim.mandaat@demo.local');
    const r = await makeRequest(t, c.id, fundId, { amount: '550.00' }, 'ruim.mandaat@demo.local');
    expect((await act(t, r.id, 'submit', 'ruim.mandaat@demo.local')).tier).toBe('requester');
  });

  it('needs two budget holders of different organisations above the single-approver limit (four-eyes)', async () => {
    await makeUser(t, 'bh.gemeente2@demo.local', 'gemeente', ['budget_holder']);
    const fund2 = await makeFund(t, { holders: [U.bh, U.bh2, 'bh.gemeente2@demo.local'] });
    const c = await makeCase(t);
    const before = await balances(t, fund2);
    const r = await makeRequest(t, c.id, fund2, { amount: '3000.00' });
    const s = await act(t, r.id, 'submit', U.pro);
    expect(s).toMatchObject({ status: 'submitted', tier: 'double' });
    expect(s.tierReason).toContain('twee budgethouders');

    const first = await act(t, r.id, 'approve', U.bh, { comment: 'eerste' });
    expect(first).toMatchObject({ status: 'submitted', committed: '0.00' });
    expect(first.approvals).toHaveLength(1);
    expect(first.history.at(-1)).toMatchObject({ from: 'submitted', to: 'submitted' });

    const twice = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: {} });
    expect(twice.status).toBe(403);
    expect(twice.body.detail).toContain('four-eyes');
    const sameOrg = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: 'bh.gemeente2@demo.local', body: {} });
    expect(sameOrg.status).toBe(403);
    expect(sameOrg.body.detail).toContain('another organisation');
    expect((await balances(t, fund2)).committed).toBe(before.committed);

    const second = await act(t, r.id, 'approve', U.bh2, { comment: 'tweede' });
    expect(second).toMatchObject({ status: 'approved', committed: '3000.00' });
    expect(second.approvals.map((a: { organisationName: string }) => a.organisationName)).toEqual(['Gemeente Zuidoost', 'GGZ-instelling De Brug']);
    expect((await balances(t, fund2)).committed).toBe(new Dec(before.committed).plus(3000).toFixed(2));
  });

  it('accepts a steering-group member as the second approver, but not as the first', async () => {
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, fundId, { amount: '2600.00' });
    await act(t, r.id, 'submit', U.pro);
    const sgFirst = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.sg, body: {} });
    expect(sgFirst.status).toBe(403);
    await act(t, r.id, 'approve', U.bh2);
    const done = await act(t, r.id, 'approve', U.sg, { comment: 'stuurgroep akkoord' });
    expect(done.status).toBe('approved');
    expect(done.approvals.map((a: { role: string }) => a.role)).toEqual(['budget_holder', 'steering_group']);
  });

  it('refuses approving one’s own request (four-eyes) with a 403', async () => {
    await makeUser(t, 'dubbelrol@demo.local', 'gemeente', ['professional', 'budget_holder']);
    const f = await makeFund(t, { holders: [U.bh, 'dubbelrol@demo.local'] });
    const c = await makeCase(t, 'dubbelrol@demo.local');
    const r = await makeRequest(t, c.id, f, { amount: '800.00' }, 'dubbelrol@demo.local');
    await act(t, r.id, 'submit', 'dubbelrol@demo.local');
    const own = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: 'dubbelrol@demo.local', body: {} });
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('own request');
    const ownReject = await t.api('POST', `/api/v1/requests/${r.id}/reject`, { as: 'dubbelrol@demo.local', body: { reason: 'zelf' } });
    expect(ownReject.status).toBe(403);
    expect((await act(t, r.id, 'approve', U.bh)).status).toBe('approved');
  });

  it('escalates to the top tier when the person would go over the yearly cap', async () => {
    const f = await makeFund(t, { rules: { personCapPerYear: '600.00' } });
    const c = await makeCase(t);
    const a = await makeRequest(t, c.id, f, { amount: '250.00', payee: 'A' });
    expect((await act(t, a.id, 'submit', U.pro)).tier).toBe('requester');
    const b = await makeRequest(t, c.id, f, { amount: '250.00', payee: 'B' });
    expect((await act(t, b.id, 'submit', U.pro)).tier).toBe('requester');
    const c3 = await makeRequest(t, c.id, f, { amount: '200.00', payee: 'C' });
    const s = await act(t, c3.id, 'submit', U.pro);
    expect(s).toMatchObject({ status: 'submitted', tier: 'double', withinMandate: false });
    expect(s.tierReason).toContain('persoonsplafond');
    expect(s.tierReason).toContain('€ 600,00');
    // another person in the same fund is not affected
    const other = await makeCase(t);
    const d = await makeRequest(t, other.id, f, { amount: '200.00', payee: 'D' });
    expect((await act(t, d.id, 'submit', U.pro)).tier).toBe('requester');
    // needs two approvals
    expect((await act(t, c3.id, 'approve', U.bh)).status).toBe('submitted');
    expect((await act(t, c3.id, 'approve', U.bh2)).status).toBe('approved');
  });

  it('refuses the last approval with 409 when the fund cannot cover it, changing nothing', async () => {
    const f = await makeFund(t, { budget: '1000.00' });
    const c = await makeCase(t);
    const r1 = await makeRequest(t, c.id, f, { amount: '700.00', payee: 'X' });
    const r2 = await makeRequest(t, c.id, f, { amount: '700.00', payee: 'Y' });
    await act(t, r1.id, 'submit', U.pro);
    await act(t, r2.id, 'submit', U.pro);
    await act(t, r1.id, 'approve', U.bh);
    const before = await balances(t, f);
    const historyBefore = ok(await t.api('GET', `/api/v1/requests/${r2.id}`, { as: U.bh })).body.history;
    const res = await t.api('POST', `/api/v1/requests/${r2.id}/approve`, { as: U.bh, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEDGER.INSUFFICIENT_FUNDS');
    expect(res.body.detail).toContain('300.00');
    expect(await balances(t, f)).toEqual(before);
    const r2After = ok(await t.api('GET', `/api/v1/requests/${r2.id}`, { as: U.bh })).body;
    expect(r2After).toMatchObject({ status: 'submitted', committed: '0.00', approvals: [] });
    expect(r2After.history).toEqual(historyBefore);
  });

  it('asks for information, lets the requester edit and resubmit, and requires a question and a reason', async () => {
    const r = await makeRequest(t, caseId, fundId, { amount: '1200.00', payee: 'Woonwinkel' });
    await act(t, r.id, 'submit', U.pro);
    const noQuestion = await t.api('POST', `/api/v1/requests/${r.id}/request-info`, { as: U.bh, body: {} });
    expect(noQuestion.status).toBe(400);
    expect(noQuestion.body.detail).toContain('question');
    const blank = await t.api('POST', `/api/v1/requests/${r.id}/request-info`, { as: U.bh, body: { question: '   ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.detail).toContain('question');
    const noReason = await t.api('POST', `/api/v1/requests/${r.id}/reject`, { as: U.bh, body: { reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.detail).toContain('reason');

    const asked = await act(t, r.id, 'request-info', U.bh, { question: 'Is er een goedkoper alternatief?' });
    expect(asked).toMatchObject({ status: 'info_requested', infoQuestion: 'Is er een goedkoper alternatief?', overdue: false });
    const byOther = await t.api('PATCH', `/api/v1/requests/${r.id}`, { as: U.bh, body: { amount: '1.00' } });
    expect(byOther.status).toBe(403);
    const edited = ok(await t.api('PATCH', `/api/v1/requests/${r.id}`, {
      as: U.pro,
      body: { amount: '950.00', justification: 'Tweedehands gevonden.', conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '2', probability: '1' }] },
    })).body;
    expect(edited).toMatchObject({ status: 'info_requested', amount: '950.00', justification: 'Tweedehands gevonden.' });
    expect(edited.comparison.lines).toHaveLength(1);
    const again = await act(t, r.id, 'submit', U.pro);
    expect(again).toMatchObject({ status: 'submitted', infoQuestion: null });
    expect(again.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted', 'info_requested', 'submitted']);
    expect(again.history[2].reason).toBe('Is er een goedkoper alternatief?');
  });

  it('withdraws (by the requester only) and cancels (admin or the fund’s budget holder), releasing the commitment', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t, U.pro, { memberIds: [t.seeded.users[U.pro2].id] });
    const start = await balances(t, f);

    const w = await makeRequest(t, c.id, f, { amount: '1500.00', payee: 'W' });
    await act(t, w.id, 'submit', U.pro);
    await act(t, w.id, 'approve', U.bh);
    expect((await balances(t, f)).committed).toBe('1500.00');
    const byMember = await t.api('POST', `/api/v1/requests/${w.id}/withdraw`, { as: U.pro2, body: {} });
    expect(byMember.status).toBe(403);
    const withdrawn = await act(t, w.id, 'withdraw', U.pro, { reason: 'Opgelost via familie' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', committed: '0.00' });
    expect(await balances(t, f)).toEqual(start);

    const d = await makeRequest(t, c.id, f, { amount: '100.00', payee: 'D' });
    expect((await act(t, d.id, 'withdraw', U.pro)).status).toBe('withdrawn');

    const x = await makeRequest(t, c.id, f, { amount: '1500.00', payee: 'X' });
    await act(t, x.id, 'submit', U.pro);
    await act(t, x.id, 'approve', U.bh);
    const byPro = await t.api('POST', `/api/v1/requests/${x.id}/cancel`, { as: U.pro, body: {} });
    expect(byPro.status).toBe(403);
    expect((await act(t, x.id, 'cancel', U.bh2, { reason: 'Dubbel ingediend' })).status).toBe('cancelled');
    expect(await balances(t, f)).toEqual(start);

    const y = await makeRequest(t, c.id, f, { amount: '1500.00', payee: 'Y' });
    await act(t, y.id, 'submit', U.pro);
    await act(t, y.id, 'approve', U.bh);
    await act(t, y.id, 'pay', U.admin, { amount: '500.00', reference: 'P1' });
    const noWithdraw = await t.api('POST', `/api/v1/requests/${y.id}/withdraw`, { as: U.pro, body: {} });
    expect(noWithdraw.status).toBe(409);
    const cancelled = await act(t, y.id, 'cancel', U.admin);
    expect(cancelled).toMatchObject({ status: 'cancelled', committed: '0.00', paid: '500.00' });
    const end = await balances(t, f);
    expect(end).toMatchObject({ committed: '0.00', spent: '500.00', available: new Dec(start.available).minus(500).toFixed(2) });
  });

  it('pays in parts, releases the remainder on request, and refuses paying more than is committed', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '1000.00' });
    await act(t, r.id, 'submit', U.pro);
    await act(t, r.id, 'approve', U.bh);
    const tooMuch = await t.api('POST', `/api/v1/requests/${r.id}/pay`, { as: U.admin, body: { amount: '1000.01', reference: 'P0' } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.detail).toContain('amount');
    const noRef = await t.api('POST', `/api/v1/requests/${r.id}/pay`, { as: U.admin, body: { amount: '100.00' } });
    expect(noRef.status).toBe(400);
    expect(noRef.body.detail).toContain('reference');
    const byHolder = await t.api('POST', `/api/v1/requests/${r.id}/pay`, { as: U.bh, body: { reference: 'P' } });
    expect(byHolder.status).toBe(403);

    const part = await act(t, r.id, 'pay', U.admin, { amount: '600.00', reference: 'P1' });
    expect(part).toMatchObject({ status: 'approved', committed: '400.00', paid: '600.00' });
    const last = await act(t, r.id, 'pay', U.admin, { amount: '100.00', reference: 'P2', releaseRemainder: true });
    expect(last).toMatchObject({ status: 'paid', committed: '0.00', paid: '700.00' });
    expect(last.comparison.maatwerkCost).toBe('700.00');
    expect(await balances(t, f)).toMatchObject({ committed: '0.00', spent: '700.00', available: '19300.00' });
  });

  it('is idempotent for approve with the same Idempotency-Key', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '800.00' });
    await act(t, r.id, 'submit', U.pro);
    const headers = { 'Idempotency-Key': `approve-${r.id}` };
    const a = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: { comment: 'ok' }, headers });
    const b = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: { comment: 'ok' }, headers });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect((await balances(t, f)).committed).toBe('800.00');
  });

  it('gives urgent requests a deadline in hours, shows lateness, and the hours to decision', async () => {
    const clock = t.app.get(Clock);
    const r = await makeRequest(t, caseId, fundId, { amount: '400.00', urgent: true, payee: 'Slotenmaker' });
    const s = await act(t, r.id, 'submit', U.pro);
    expect(new Date(s.decisionDue).getTime() - new Date(s.submittedAt).getTime()).toBe(24 * HOUR);
    expect(s.overdue).toBe(false);

    clock.advance(25 * HOUR);
    const late = ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.bh })).body;
    expect(late.overdue).toBe(true);
    const overdueList = ok(await t.api('GET', `/api/v1/requests?overdue=true&limit=100`, { as: U.bh })).body;
    expect(overdueList.items.map((x: { id: string }) => x.id)).toContain(r.id);
    const queue = ok(await t.api('GET', `/api/v1/requests?status=submitted&order=due&limit=100`, { as: U.bh })).body;
    expect(queue.items[0].id).toBe(r.id);

    const decided = await act(t, r.id, 'approve', U.bh);
    expect(decided.overdue).toBe(false);
    expect(decided.hoursToDecision).toBeGreaterThanOrEqual(25);
    expect(decided.hoursToDecision).toBeLessThan(26);
    expect(new Date(decided.decidedAt).getTime()).toBeGreaterThan(Date.now() + 24 * HOUR);

    // everything takes "now" from the Clock
    const later = await makeRequest(t, caseId, fundId, { amount: '10.00', payee: 'Later' });
    expect(new Date(later.createdAt).getTime()).toBeGreaterThan(Date.now() + 24 * HOUR);
    expect(new Date(later.history[0].at).getTime()).toBeGreaterThan(Date.now() + 24 * HOUR);
  });

  it('never overspends a fund under concurrent approvals', async () => {
    const f = await makeFund(t, { budget: '1000.00' });
    const c = await makeCase(t);
    const reqs = [];
    for (let i = 0; i < 4; i++) {
      const r = await makeRequest(t, c.id, f, { amount: '400.00', payee: `Gelijktijdig ${i}` });
      await act(t, r.id, 'submit', U.pro);
      reqs.push(r);
    }
    const results = await Promise.all(reqs.map((r) => t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: {} })));
    expect(results.map((x) => x.status).sort()).toEqual([200, 200, 409, 409]);
    expect(await balances(t, f)).toMatchObject({ committed: '800.00', available: '200.00' });
  });

  it('lands two concurrent approvals of a double-tier request as first and second, reserving once', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '4000.00' });
    await act(t, r.id, 'submit', U.pro);
    const [a, b] = await Promise.all([U.bh, U.bh2].map((as) => t.api('POST', `/api/v1/requests/${r.id}/approve`, { as, body: {} })));
    expect([a.status, b.status]).toEqual([200, 200]);
    const final = ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.admin })).body;
    expect(final).toMatchObject({ status: 'approved', committed: '4000.00' });
    expect(final.approvals).toHaveLength(2);
    expect((await balances(t, f)).committed).toBe('4000.00');
  });

  it('lists with filters and a keyset cursor', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await makeRequest(t, c.id, f, { amount: `${100 + i}.00`, payee: `P${i}`, urgent: i % 2 === 0 })).id);
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { items: { id: string }[]; next: string | null } = ok(
        await t.api('GET', `/api/v1/requests?fundId=${f}&limit=2${next ? `&cursor=${next}` : ''}`, { as: U.pro }),
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => x.id));
      next = page.next;
    } while (next);
    expect(seen).toEqual([...ids].reverse());
    const urgent = ok(await t.api('GET', `/api/v1/requests?fundId=${f}&urgent=true`, { as: U.pro })).body;
    expect(urgent.items).toHaveLength(3);
    const byCase = ok(await t.api('GET', `/api/v1/requests?caseId=${c.id}&status=draft`, { as: U.pro })).body;
    expect(byCase.items).toHaveLength(5);
    const bad = await t.api('GET', `/api/v1/requests?status=bogus`, { as: U.pro });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('status');
    const badCursor = await t.api('GET', `/api/v1/requests?cursor=zzz`, { as: U.pro });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.detail).toContain('cursor');
  });

  it('leaves every workflow event in an intact per-fund hash chain (ledger verify)', async () => {
    const res = ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body;
    expect(res.ok).toBe(true);
  });
});
