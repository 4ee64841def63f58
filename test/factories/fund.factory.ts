import type { TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { userId } from './user.factory';

export interface FundRules {
  requesterMandate: string;
  singleApproverLimit: string;
  personCapPerYear: string;
  urgentDecisionHours: number;
  decisionWorkingDays?: number;
}

export const DEFAULT_RULES: FundRules = {
  requesterMandate: '250.00',
  singleApproverLimit: '2500.00',
  personCapPerYear: '10000.00',
  urgentDecisionHours: 24,
  decisionWorkingDays: 5,
};

let fundCounter = 0;

/** A fund with a contribution and budget holders (default: budgethouder and budgethouder2). */
export async function makeFund(
  t: TestApp,
  opts: { rules?: Partial<FundRules>; budget?: string; holders?: string[] } = {},
): Promise<string> {
  const holderIds = await Promise.all((opts.holders ?? [U.bh, U.bh2]).map((e) => userId(t, e)));
  fundCounter += 1;
  const fund = ok(
    await t.api('POST', '/api/v1/funds', {
      as: U.admin,
      body: {
        name: `Doorbraakfonds test ${fundCounter} ${Math.random().toString(36).slice(2, 8)}`,
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
        rules: { ...DEFAULT_RULES, ...opts.rules },
        holderIds,
      },
    }),
    201,
  ).body;
  const organisationId = t.seeded.organisations.gemeente.id;
  ok(await t.api('POST', `/api/v1/funds/${fund.id}/contributions`, { as: U.admin, body: { organisationId, amount: opts.budget ?? '20000.00', note: 'startbudget' } }), 201);
  return fund.id;
}

export async function balances(t: TestApp, fundId: string): Promise<{ available: string; committed: string; spent: string; budget: string }> {
  const f = ok(await t.api('GET', `/api/v1/funds/${fundId}`, { as: U.admin })).body;
  return { available: f.available, committed: f.committed, spent: f.spent, budget: f.budget };
}
