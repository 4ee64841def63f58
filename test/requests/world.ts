import { TestApp, TEST_PASSWORD } from '../support/app';

/** The demo accounts of shared/API.md (seeded by startTestApp). */
export const U = {
  admin: 'admin@demo.local',
  bh: 'budgethouder@demo.local', // Gemeente Zuidoost
  bh2: 'budgethouder2@demo.local', // GGZ-instelling De Brug
  pro: 'professional@demo.local', // Welzijn Op Maat
  pro2: 'professional2@demo.local', // Verslavingszorg Noord
  sg: 'stuurgroep@demo.local',
} as const;

export const BSN = '111222333'; // passes the eleven-test

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

/** Expect a status; on mismatch fail with the body so the cause is visible. */
export function ok<T extends { status: number; body: any }>(res: T, status = 200): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const id = t.seeded.users[email]?.id;
  if (id) return id;
  const res = ok(await t.api('GET', '/api/v1/users', { as: U.admin }));
  return (res.body.items as { id: string; email: string }[]).find((u) => u.email === email)!.id;
}

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

export async function makeCase(t: TestApp, as: string = U.pro, body: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  return ok(await t.api('POST', '/api/v1/cases', { as, body: { neighbourhood: 'Zuid-Oost', lifeDomains: ['housing', 'safety'], ...body } }), 201).body;
}

export function requestBody(caseId: string, fundId: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    fundId,
    title: 'Jaarabonnement trein',
    justification: 'Reist zonder kaartje; boetes lopen op tot detentie.',
    amount: '1000.00',
    payee: 'NS Reizigers',
    lifeDomain: 'safety',
    urgent: false,
    barriers: ['rules_protocol'],
    existingProvisions: [{ provision: 'Wmo-vervoer', reason: 'not_eligible', note: 'geen indicatie' }],
    residentWish: 'Gewoon met de trein kunnen reizen.',
    conventionalRoute: [
      { costItemKey: 'detention_day', quantity: '30', probability: '0.5', note: 'boetes → hechtenis' },
      { costItemKey: 'case_meeting', quantity: '4', probability: '1' },
    ],
    ...patch,
  };
}

export async function makeRequest(t: TestApp, caseId: string, fundId: string, patch: Record<string, unknown> = {}, as: string = U.pro): Promise<any> {
  return ok(await t.api('POST', '/api/v1/requests', { as, body: requestBody(caseId, fundId, patch) }), 201).body;
}

export async function act(t: TestApp, id: string, action: string, as: string, body: unknown = {}, status = 200): Promise<any> {
  return ok(await t.api('POST', `/api/v1/requests/${id}/${action}`, { as, body }), status).body;
}

/** A user created by the admin (password TEST_PASSWORD). */
export async function makeUser(
  t: TestApp,
  email: string,
  orgKey: string,
  roles: string[],
  mandate: string | null = null,
): Promise<string> {
  const res = ok(
    await t.api('POST', '/api/v1/users', {
      as: U.admin,
      body: { email, displayName: email.split('@')[0], password: TEST_PASSWORD, organisationId: t.seeded.organisations[orgKey].id, roles, mandate },
    }),
    201,
  );
  return res.body.id;
}
