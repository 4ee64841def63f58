import { Clock } from '../../src/common/clock';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const DAY = 86_400_000;
const ROUTE = { amount: '3000.00', conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '6', probability: '1' }] };

/** Honest realised figures: elapsed windows only, coverage, overdue follow-ups, goals reached, calibration. */
describe('follow-ups over HTTP (requests and GET /api/v1/cost-comparison/summary)', () => {
  let t: TestApp;
  let fundId: string;
  let followedId: string;
  let forgottenId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t, { rules: { singleApproverLimit: '5000.00' } });
    const caseId = (await makeCase(t)).id;
    for (const title of ['Gevolgd', 'Vergeten']) {
      const r = await makeRequest(t, caseId, fundId, { ...ROUTE, title });
      await act(t, r.id, 'submit', U.pro);
      await act(t, r.id, 'approve', U.bh);
      await act(t, r.id, 'pay', U.admin, { reference: `BANK-${title}` });
      if (title === 'Gevolgd') followedId = r.id;
      else forgottenId = r.id;
    }
    // 190 days later: the 3- and 6-month follow-ups of both requests have fallen due, the 6-month one within its 14 days
    t.app.get(Clock).advance(190 * DAY);
    await act(t, followedId, 'outcome', U.pro, { months: 6, goalReached: 'yes', lines: [{ costItemKey: 'case_meeting', happened: 'partly', fraction: '0.5' }] }, 201);
  });
  afterAll(async () => {
    t.app.get(Clock).set(null);
    await t.close();
  });

  it('shows the follow-ups of a funded request as work for the requester', async () => {
    const r = ok(await t.api('GET', `/api/v1/requests/${forgottenId}`, { as: U.pro })).body;
    expect(r.followUps.map((f: { months: number; state: string }) => [f.months, f.state])).toEqual([[3, 'overdue'], [6, 'due'], [12, 'upcoming']]);
  });

  it('counts the 6-month follow-up for half a year of the yearly route', async () => {
    const r = ok(await t.api('GET', `/api/v1/requests/${followedId}`, { as: U.pro })).body;
    expect(r.outcomes[0].realised).toMatchObject({ windowMonths: 6, estimated: '4500.00', realised: '2250.00' });
  });

  it('gives coverage, overdue follow-ups and goals reached with the realised figure in the summary', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}`, { as: U.bh })).body;
    expect(s.followUp).toEqual({
      due: 4, recorded: 1, overdue: 2, coverage: '0.25',
      goals: { yes: 1, partly: 0, no: 0, reachedShare: '1.00' },
      estimatedInWindow: '4500.00', realised: '2250.00', requestsFollowedUp: 1,
    });
  });

  it('says how small the calibration sample is instead of giving a factor', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}`, { as: U.bh })).body;
    expect(s.calibration).toEqual({
      minimumSample: 10,
      byItem: [{ costItemKey: 'case_meeting', organisationId: null, sample: 1, factor: null, meanProbability: '1.00', meanNotHappened: '0.50' }],
      byOrganisation: [],
    });
  });
});
