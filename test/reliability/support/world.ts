import { Dec } from '../../../src/common/money';
import { Client, U } from './http';

const YEAR = new Date().getUTCFullYear();

export async function userIds(c: Client): Promise<Record<string, string>> {
  const users = await c.ok('GET', '/api/v1/users', { as: U.admin });
  return Object.fromEntries((users.items as { id: string; email: string }[]).map((u) => [u.email, u.id]));
}

/** A fund of this year held by both demo budget holders, with `budget` from the municipality. */
export async function makeFund(c: Client, budget: string, name = `Fonds ${Math.random().toString(36).slice(2, 10)}`): Promise<string> {
  const ids = await userIds(c);
  const fund = await c.ok(
    'POST',
    '/api/v1/funds',
    {
      as: U.admin,
      body: {
        name,
        periodStart: `${YEAR}-01-01`,
        periodEnd: `${YEAR}-12-31`,
        rules: { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '1000000.00', urgentDecisionHours: 24 },
        holderIds: [ids[U.bh], ids[U.bh2]],
      },
    },
    201,
  );
  const orgs = await c.ok('GET', '/api/v1/organisations', { as: U.admin });
  const gemeente = (orgs.items ?? orgs).find((o: { name: string }) => o.name === 'Gemeente Zuidoost');
  await c.ok('POST', `/api/v1/funds/${fund.id}/contributions`, { as: U.admin, body: { organisationId: gemeente.id, amount: budget, note: 'startbudget' } }, 201);
  return fund.id;
}

export function requestBody(caseId: string, fundId: string, amount: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    fundId,
    title: 'Jaarabonnement trein',
    justification: 'Reist zonder kaartje; boetes lopen op tot detentie.',
    amount,
    payee: 'NS Reizigers',
    lifeDomain: 'safety',
    urgent: false,
    barriers: ['rules_protocol'],
    conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '2', probability: '1' }],
    ...patch,
  };
}

/** `n` submitted requests of `amount` in `fundId`, by the professional, each on its own case. */
export async function submittedRequests(c: Client, fundId: string, n: number, amount: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const kase = await c.ok('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: 'Zuidoost', lifeDomains: ['safety'] } }, 201);
    const r = await c.ok('POST', '/api/v1/requests', { as: U.pro, body: requestBody(kase.id, fundId, amount) }, 201);
    const submitted = await c.ok('POST', `/api/v1/requests/${r.id}/submit`, { as: U.pro, body: {} });
    if (submitted.status !== 'submitted') throw new Error(`request ${r.id} is ${submitted.status} after submit`);
    ids.push(r.id);
  }
  return ids;
}

export interface FundState {
  available: string;
  committed: string;
  spent: string;
  budget: string;
}

export async function fundState(c: Client, fundId: string): Promise<FundState> {
  const f = await c.ok('GET', `/api/v1/funds/${fundId}`, { as: U.admin });
  return { available: f.available, committed: f.committed, spent: f.spent, budget: f.budget };
}

/**
 * Nothing half-done: every request's status agrees with its money, the fund's committed and spent
 * are exactly the sums over its requests, and the ledger verifier finds every entry balanced,
 * every stored balance recomputable and every hash chain intact. Returns the problems found.
 * Money is summed with Dec and compared as decimal strings.
 */
export async function consistencyProblems(c: Client, fundId: string, requestIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  let committed = new Dec(0);
  let spent = new Dec(0);
  for (const id of requestIds) {
    const r = await c.ok('GET', `/api/v1/requests/${id}`, { as: U.admin });
    committed = committed.plus(r.committed);
    spent = spent.plus(r.paid);
    const expect: Record<string, [string, string]> = { submitted: ['0.00', '0.00'], approved: [r.amount, '0.00'], paid: ['0.00', r.amount] };
    const want = expect[r.status];
    if (!want) problems.push(`${id}: unexpected status ${r.status}`);
    else if (r.committed !== want[0] || r.paid !== want[1]) problems.push(`${id}: ${r.status} with committed ${r.committed} and paid ${r.paid} of ${r.amount}`);
  }
  const f = await fundState(c, fundId);
  if (f.committed !== committed.toFixed(2)) problems.push(`fund committed ${f.committed}, requests sum to ${committed.toFixed(2)}`);
  if (f.spent !== spent.toFixed(2)) problems.push(`fund spent ${f.spent}, requests sum to ${spent.toFixed(2)}`);
  if (new Dec(f.available).plus(f.committed).plus(f.spent).toFixed(2) !== f.budget) problems.push(`fund does not add up: ${JSON.stringify(f)}`);
  const verify = await c.call('GET', '/api/v1/ledger/verify', { as: U.admin, timeoutMs: 60_000 });
  if (verify.status !== 200 || verify.body.ok !== true) problems.push(`ledger verify: ${verify.status} ${JSON.stringify(verify.body)}`);
  return problems;
}
