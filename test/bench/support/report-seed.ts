import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { chainHash, journalEntryChainContent } from '../../../src/ledger/hash-chain';
import type { BenchApp } from './bench-app';
import { U } from './bench-app';

const DOMAINS = ['housing', 'income_debts', 'care_support', 'daytime', 'safety', 'social_network'];
const BARRIERS = [['funding_split'], ['rules_protocol'], ['waiting_list'], ['funding_split', 'rules_protocol'], []];
const CHUNK = 5000;

export interface ReportSeed {
  requests: number;
  entries: number;
  ms: number;
}

/**
 * A year of a busy fund, consistent with the ledger's invariants: `requests` requests (8 in 10 with
 * money: a reservation, payments of one unit each and, for some, a release of the rest; 1 in 10
 * submitted, 1 in 10 rejected), balanced journal entries with their postings, stored balances
 * moved by the same sums, and the fund's hash chain computed entry by entry (so the ledger verifier
 * passes). Written with set-based INSERT … SELECT FROM unnest(…) in chunks. With the default 10,000
 * requests this is 100,000 journal entries (plus the fund's contribution).
 */
export async function seedReportFund(ds: DataSource, b: BenchApp, fundId: string, year: number, requests = 10_000): Promise<ReportSeed> {
  const started = Date.now();
  const pro = b.seeded.users[U.pro];
  const pro2 = b.seeded.users['professional2@demo.local'];
  const approver = b.seeded.users[U.bh].id;
  const [fund]: { chain_seq: string; chain_head: string }[] = await ds.query('SELECT chain_seq, chain_head FROM funds WHERE id = $1', [fundId]);
  const accounts: { id: string; code: string }[] = await ds.query('SELECT id, code FROM ledger_accounts WHERE fund_id = $1', [fundId]);
  const acc = (code: string) => accounts.find((a) => a.code === code)!.id;
  const available = acc('available');
  const committed = acc('committed');
  const spent = acc('spent');

  // cases: four requests each
  const caseCount = Math.ceil(requests / 4);
  const caseIds: string[] = (
    await ds.query(
      `INSERT INTO cases (code, neighbourhood, life_domains, lead_professional_id, organisation_id)
       SELECT 'R-' || substr(md5($3::text || g::text), 1, 10), 'Zuidoost', ARRAY['housing', 'safety'], $1, $2 FROM generate_series(1, $4::int) g
       RETURNING id`,
      [pro.id, pro.organisationId, fundId, caseCount],
    )
  ).map((r: { id: string }) => r.id);

  const start = Date.UTC(year, 0, 2, 8);
  const spanMs = 330 * 86_400_000;
  const r = {
    id: [] as string[], case: [] as string[], requester: [] as string[], org: [] as string[], title: [] as string[], justification: [] as string[],
    amount: [] as string[], domain: [] as string[], urgent: [] as boolean[], barriers: [] as string[], status: [] as string[], tier: [] as string[],
    committed: [] as string[], paid: [] as string[], submitted: [] as string[], due: [] as string[], decided: [] as (string | null)[], created: [] as string[],
  };
  const e = {
    id: [] as string[], seq: [] as string[], kind: [] as string[], date: [] as string[], at: [] as string[], request: [] as string[],
    memo: [] as string[], prev: [] as string[], hash: [] as string[],
  };
  const p = { entry: [] as string[], account: [] as string[], amount: [] as string[] };
  let seq = BigInt(fund.chain_seq);
  let head = fund.chain_head;
  const totals = { available: new Decimal(0), committed: new Decimal(0), spent: new Decimal(0) };

  const post = (requestId: string, kind: string, at: Date, memo: string, lines: [string, Decimal][]) => {
    const id = randomUUID();
    const effectiveDate = at.toISOString().slice(0, 10);
    seq += 1n;
    const hash = chainHash(
      head,
      seq.toString(),
      journalEntryChainContent(
        { id, fundId, kind, effectiveDate, recordedAt: at, actorId: approver, requestId, contributionId: null, paymentId: null, reversesEntryId: null, memo },
        lines.map(([accountId, amount]) => ({ accountId, amount })),
      ),
    );
    e.id.push(id); e.seq.push(seq.toString()); e.kind.push(kind); e.date.push(effectiveDate); e.at.push(at.toISOString());
    e.request.push(requestId); e.memo.push(memo); e.prev.push(head); e.hash.push(hash);
    head = hash;
    for (const [accountId, amount] of lines) {
      p.entry.push(id); p.account.push(accountId); p.amount.push(amount.toFixed(2));
      const key = accountId === available ? 'available' : accountId === committed ? 'committed' : 'spent';
      totals[key] = totals[key].plus(amount);
    }
  };

  for (let g = 0; g < requests; g++) {
    const id = randomUUID();
    const kind = g % 10; // 0-3 paid with a release, 4-7 fully paid, 8 submitted, 9 rejected
    const unit = new Decimal(5 + (g % 90) * 5);
    const amount = unit.times(12);
    const submitted = new Date(start + Math.floor((g / requests) * spanMs));
    const decided = kind === 8 ? null : new Date(submitted.getTime() + (1 + (g % 47)) * 3_600_000);
    let paid = new Decimal(0);
    if (kind <= 7) {
      let t = decided!.getTime();
      const at = () => new Date((t += 86_400_000));
      post(id, 'reservation', decided!, 'reservering', [[available, amount.neg()], [committed, amount]]);
      const payments = kind <= 3 ? 10 : 12;
      for (let i = 0; i < payments; i++) post(id, 'payment', at(), `betaling ${i + 1}`, [[committed, unit.neg()], [spent, unit]]);
      paid = unit.times(payments);
      if (kind <= 3) post(id, 'release', at(), 'rest van de reservering vrijgegeven', [[committed, unit.times(2).neg()], [available, unit.times(2)]]);
    }
    r.id.push(id);
    r.case.push(caseIds[g % caseIds.length]);
    r.requester.push(g % 3 === 0 ? pro2.id : pro.id);
    r.org.push(g % 3 === 0 ? pro2.organisationId : pro.organisationId);
    r.title.push(`Aanvraag ${g + 1}: ${['treinabonnement', 'borg voor een kamer', 'wasmachine', 'schuldhulp', 'laptop voor de opleiding'][g % 5]}`);
    r.justification.push(`Toelichting bij aanvraag ${g + 1}: zonder deze uitgave volgt vrijwel zeker de dure reguliere route.`);
    r.amount.push(amount.toFixed(2));
    r.domain.push(DOMAINS[g % DOMAINS.length]);
    r.urgent.push(g % 7 === 0);
    r.barriers.push(`{${BARRIERS[g % BARRIERS.length].join(',')}}`);
    r.status.push(kind <= 3 ? 'paid' : kind <= 7 ? 'evaluated' : kind === 8 ? 'submitted' : 'rejected');
    r.tier.push(amount.gt(5000) ? 'double' : 'single');
    r.committed.push('0.00');
    r.paid.push(paid.toFixed(2));
    r.submitted.push(submitted.toISOString());
    r.due.push(new Date(submitted.getTime() + 5 * 86_400_000).toISOString());
    r.decided.push(decided ? decided.toISOString() : null);
    r.created.push(new Date(submitted.getTime() - 3_600_000).toISOString());
  }

  await ds.transaction(async (m) => {
    for (let i = 0; i < requests; i += CHUNK) {
      const s = (xs: unknown[]) => xs.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO requests (id, case_id, fund_id, requester_id, organisation_id, title, justification, amount, payee, life_domain, urgent,
                               barriers, status, tier, tier_reason, price_year, committed_amount, paid_amount, submitted_at,
                               first_submitted_at, decision_due, decided_at, created_at, updated_at, version)
         SELECT id, case_id, $18, requester_id, organisation_id, title, justification, amount, 'Leverancier', life_domain, urgent,
                barriers::text[], status, tier, 'bench', $19, committed, paid, submitted, submitted, due, decided, created, created, 1
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::boolean[],
                       $10::text[], $11::text[], $12::text[], $13::numeric[], $14::numeric[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[], $20::timestamptz[])
                AS x(id, case_id, requester_id, organisation_id, title, justification, amount, life_domain, urgent, barriers, status, tier,
                     committed, paid, submitted, due, decided, created)`,
        [s(r.id), s(r.case), s(r.requester), s(r.org), s(r.title), s(r.justification), s(r.amount), s(r.domain), s(r.urgent), s(r.barriers),
          s(r.status), s(r.tier), s(r.committed), s(r.paid), s(r.submitted), s(r.due), s(r.decided), fundId, year, s(r.created)],
      );
    }
    await m.query(
      `INSERT INTO request_cost_lines (request_id, position, cost_item_id, cost_item_key, quantity, probability, unit_amount)
       SELECT x.id, l.position, ci.id, ci.key, l.quantity, l.probability, ci.amount
         FROM unnest($1::uuid[]) AS x(id)
         CROSS JOIN (VALUES (0, 'case_meeting', 2, 0.5), (1, 'detention_day', 14, 0.4), (2, 'police_e33_incident', 3, 0.6)) AS l(position, key, quantity, probability)
         JOIN cost_items ci ON ci.key = l.key AND ci.version = 1`,
      [r.id],
    );
    for (let i = 0; i < e.id.length; i += CHUNK) {
      const s = (xs: unknown[]) => xs.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO journal_entries (id, fund_id, chain_seq, kind, effective_date, recorded_at, actor_id, request_id, memo, prev_hash, hash)
         SELECT id, $10, seq, kind, d, at, $11, request_id, memo, prev, hash
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::date[], $5::timestamptz[], $6::uuid[], $7::text[], $8::text[], $9::text[])
                AS x(id, seq, kind, d, at, request_id, memo, prev, hash)`,
        [s(e.id), s(e.seq), s(e.kind), s(e.date), s(e.at), s(e.request), s(e.memo), s(e.prev), s(e.hash), fundId, approver],
      );
    }
    for (let i = 0; i < p.entry.length; i += 2 * CHUNK) {
      const s = (xs: unknown[]) => xs.slice(i, i + 2 * CHUNK);
      await m.query(
        'INSERT INTO journal_postings (entry_id, account_id, amount) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])',
        [s(p.entry), s(p.account), s(p.amount)],
      );
    }
    for (const [id, key] of [[available, 'available'], [committed, 'committed'], [spent, 'spent']] as const) {
      await m.query('UPDATE ledger_accounts SET balance = balance + $1::numeric WHERE id = $2', [totals[key].toFixed(2), id]);
    }
    await m.query('UPDATE funds SET chain_seq = $2, chain_head = $3 WHERE id = $1', [fundId, seq.toString(), head]);
  });
  await ds.query('ANALYZE');
  return { requests, entries: e.id.length, ms: Date.now() - started };
}
