import type { DataSource } from 'typeorm';
import { FundsService } from '../../../src/funds/funds.service';
import type { BenchApp } from './bench-app';
import { U } from './bench-app';

const YEAR = new Date().getUTCFullYear();

/** `n` funds through the real service (accounts, holders, a contribution), each with `budget`. */
export async function makeFunds(b: BenchApp, n: number, budget: string, tag: string): Promise<string[]> {
  const funds = b.app.get(FundsService);
  const admin = b.seeded.users[U.admin].id;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { fund } = await funds.create(
      {
        name: `Benchfonds ${tag} ${i}`,
        periodStart: `${YEAR}-01-01`,
        periodEnd: `${YEAR}-12-31`,
        rules: { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '100000000.00', urgentDecisionHours: 24, decisionWorkingDays: 5 },
        holderIds: [b.seeded.users[U.bh].id, b.seeded.users[U.bh2].id],
      },
      admin,
    );
    await funds.contribute(fund.id, { organisationId: b.seeded.organisations.gemeente.id, amount: budget, note: 'startbudget' }, admin);
    ids.push(fund.id);
  }
  return ids;
}

/**
 * `n` submitted requests of 10.00 in `fundId`, each on its own case with two conventional-route
 * lines, inserted set-based (the workflow that produces them is tested elsewhere). Returns their ids.
 */
export async function seedSubmittedRequests(ds: DataSource, b: BenchApp, fundId: string, n: number, tag: string): Promise<string[]> {
  const pro = b.seeded.users[U.pro];
  const rows: { id: string }[] = await ds.query(
    `WITH c AS (
       INSERT INTO cases (code, neighbourhood, life_domains, lead_professional_id, organisation_id)
       SELECT 'B-' || $5 || '-' || g, 'Zuidoost', ARRAY['housing'], $2, $3 FROM generate_series(1, $4::int) g
       RETURNING id, code)
     INSERT INTO requests (case_id, fund_id, requester_id, organisation_id, title, justification, amount, payee, life_domain,
                           urgent, barriers, status, tier, tier_reason, price_year, submitted_at, first_submitted_at,
                           decision_due, created_at, updated_at, version)
     SELECT c.id, $1, $2, $3, 'Jaarabonnement trein ' || c.code, 'Reist zonder kaartje; boetes lopen op tot detentie.', 10.00,
            'NS Reizigers', 'safety', false, ARRAY['rules_protocol'], 'submitted', 'single', 'één budgethouder', ${YEAR},
            now(), now(), now() + interval '5 days', now(), now(), 1
       FROM c
     RETURNING id`,
    [fundId, pro.id, pro.organisationId, n, tag],
  );
  const ids = rows.map((r) => r.id);
  await ds.query(
    `INSERT INTO request_cost_lines (request_id, position, cost_item_id, cost_item_key, quantity, probability, unit_amount)
     SELECT r.id, p.position, ci.id, ci.key, p.quantity, p.probability, ci.amount
       FROM unnest($1::uuid[]) AS r(id)
       CROSS JOIN (VALUES (0, 'detention_day', 30, 0.5), (1, 'case_meeting', 4, 1)) AS p(position, key, quantity, probability)
       JOIN cost_items ci ON ci.key = p.key AND ci.version = 1`,
    [ids],
  );
  return ids;
}
