import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan } from 'typeorm';
import { Dec } from '../common/money';
import { RowHydrator } from '../database/row-hydrator';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { contributionCode, FUND_ACCOUNT_KINDS } from './fund-accounts';
import { ContributionEntity, JournalEntryEntity, JournalPostingEntity, LedgerAccountEntity, PaymentEntity } from './ledger.entities';
import type { PostedEntry, PostedPosting, RequestBalances } from './ledger.types';

/** Raw sums come back from `pg` as strings; null when there was nothing to sum. */
const dec = (v: string | null | undefined): Dec => new Dec(v ?? 0);

/** Every ledger query. Uses the active transaction's manager; never opens a transaction itself. */
@Injectable()
export class LedgerRepository {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rows: RowHydrator,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /**
   * SELECT … FOR UPDATE on the fund row: the lock that serialises all money movements of a fund.
   * Taken once per workflow step (OpenFund), which then holds the row for the rest of the step.
   */
  async lockFund(fundId: string): Promise<FundEntity | null> {
    const rows: Record<string, unknown>[] = await this.m.query('SELECT * FROM funds WHERE id = $1 FOR UPDATE', [fundId]);
    return rows.length ? this.rows.fromRow(FundEntity, rows[0]) : null;
  }

  /**
   * The fund row and its accounts, all locked, in one statement. Under READ COMMITTED a locked row
   * is returned as its latest committed version, so the balances are the ones every earlier holder
   * of the fund lock left (an account opened meanwhile by another transaction would be missing;
   * callers that need the fixed accounts fall back to `accounts` when one is missing).
   */
  async lockFundWithAccounts(fundId: string): Promise<{ fund: FundEntity; accounts: LedgerAccountEntity[] } | null> {
    const rows: Record<string, unknown>[] = await this.m.query(this.lockWithAccountsSql(), [fundId]);
    if (!rows.length) return null;
    return { fund: this.rows.fromRow(FundEntity, rows[0]), accounts: rows.map((r) => this.rows.fromRow(LedgerAccountEntity, r, '__a_')) };
  }

  private lockSql: string | null = null;

  private lockWithAccountsSql(): string {
    if (!this.lockSql) {
      const accountColumns = this.rows.metadata(LedgerAccountEntity).columns.map((c) => `a."${c.databaseName}" AS "__a_${c.databaseName}"`);
      this.lockSql = `SELECT f.*, ${accountColumns.join(', ')} FROM funds f JOIN ledger_accounts a ON a.fund_id = f.id WHERE f.id = $1 FOR UPDATE OF f, a`;
    }
    return this.lockSql;
  }

  findFund(fundId: string): Promise<FundEntity | null> {
    return this.m.findOne(FundEntity, { where: { id: fundId } });
  }

  /** Lock several funds in id order, so two transfers in opposite directions cannot deadlock. */
  async lockFunds(fundIds: string[]): Promise<Map<string, FundEntity>> {
    const out = new Map<string, FundEntity>();
    for (const id of [...new Set(fundIds)].sort()) {
      const fund = await this.lockFund(id);
      if (fund) out.set(id, fund);
    }
    return out;
  }

  async accounts(fundId: string): Promise<LedgerAccountEntity[]> {
    const rows: Record<string, unknown>[] = await this.m.query('SELECT * FROM ledger_accounts WHERE fund_id = $1', [fundId]);
    return rows.map((r) => this.rows.fromRow(LedgerAccountEntity, r));
  }

  accountsOfFunds(fundIds: string[]): Promise<LedgerAccountEntity[]> {
    return fundIds.length ? this.m.find(LedgerAccountEntity, { where: { fundId: In(fundIds) } }) : Promise.resolve([]);
  }

  /** Open the fixed accounts of a fund; accounts that already exist are left alone. */
  async openFundAccounts(fundId: string): Promise<void> {
    await this.m
      .createQueryBuilder()
      .insert()
      .into(LedgerAccountEntity)
      .values(FUND_ACCOUNT_KINDS.map((kind) => ({ fundId, code: kind, kind, organisationId: null, balance: new Dec(0) })))
      .orIgnore()
      .execute();
  }

  async openContributionAccount(fundId: string, organisationId: string): Promise<LedgerAccountEntity> {
    const code = contributionCode(organisationId);
    await this.m
      .createQueryBuilder()
      .insert()
      .into(LedgerAccountEntity)
      .values({ fundId, code, kind: 'contribution', organisationId, balance: new Dec(0) })
      .orIgnore()
      .execute();
    return this.m.findOneOrFail(LedgerAccountEntity, { where: { fundId, code } });
  }

  findOrganisation(id: string): Promise<OrganisationEntity | null> {
    return this.m.findOne(OrganisationEntity, { where: { id } });
  }

  insertContribution(values: Omit<ContributionEntity, 'id' | 'createdAt'>): Promise<ContributionEntity> {
    return this.m.save(this.m.create(ContributionEntity, values));
  }

  insertPayment(values: Omit<PaymentEntity, 'id'>): Promise<PaymentEntity> {
    return this.m.save(this.m.create(PaymentEntity, values));
  }

  /**
   * The entry, its postings and the stored balances they move, in ONE statement (data-modifying
   * CTEs): this runs under the fund lock on every money movement, and every concurrent movement of
   * the fund waits for its round trips. Plain SQL on purpose: TypeORM's insert builder costs more CPU
   * than the round trip itself. Balances move by the posted amounts in SQL (summed per account), so
   * they cannot drift from the postings; the postings' foreign key to the entry is checked at the end
   * of the statement, when the entry exists.
   */
  async insertEntry(entry: JournalEntryEntity, postings: Omit<JournalPostingEntity, 'id' | 'entryId'>[]): Promise<void> {
    const values = postings.map((_, i) => `($${15 + 2 * i}::uuid, $${16 + 2 * i}::numeric)`).join(', ');
    await this.m.query(
      `WITH e AS (
         INSERT INTO journal_entries (id, fund_id, chain_seq, kind, effective_date, recorded_at, actor_id, request_id, contribution_id,
                                      payment_id, reverses_entry_id, memo, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id),
       v (account_id, amount) AS (VALUES ${values}),
       p AS (INSERT INTO journal_postings (entry_id, account_id, amount) SELECT e.id, v.account_id, v.amount FROM e, v),
       b AS (UPDATE ledger_accounts a SET balance = a.balance + s.amount
               FROM (SELECT account_id, SUM(amount) AS amount FROM v GROUP BY account_id) s
              WHERE a.id = s.account_id)
       SELECT 1`,
      [
        entry.id, entry.fundId, entry.chainSeq, entry.kind, entry.effectiveDate, entry.recordedAt, entry.actorId, entry.requestId,
        entry.contributionId, entry.paymentId, entry.reversesEntryId, entry.memo, entry.prevHash, entry.hash,
        ...postings.flatMap((p) => [p.accountId, p.amount.toFixed()]),
      ],
    );
  }

  /** Move the fund's chain head from `fromSeq`; a head that moved meanwhile is a programming error. */
  async advanceChain(fundId: string, fromSeq: string, chainSeq: string, chainHead: string): Promise<void> {
    const [, updated]: [unknown, number] = await this.m.query(
      'UPDATE funds SET chain_seq = $3, chain_head = $4 WHERE id = $1 AND chain_seq = $2',
      [fundId, fromSeq, chainSeq, chainHead],
    );
    if (updated !== 1) throw new Error(`chain head of fund ${fundId} moved while it was open (expected seq ${fromSeq})`);
  }

  /** Net committed and net spent of one request in one fund, from its postings. */
  async requestBalances(fundId: string, requestId: string): Promise<RequestBalances> {
    const rows: { kind: string; total: string }[] = await this.m.query(
      `SELECT a.kind, SUM(p.amount) AS total
         FROM journal_entries e
         JOIN journal_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE e.fund_id = $1 AND e.request_id = $2 AND a.kind IN ('committed', 'spent')
        GROUP BY a.kind`,
      [fundId, requestId],
    );
    const total = (kind: string) => dec(rows.find((r) => r.kind === kind)?.total);
    return { committed: total('committed'), spent: total('spent') };
  }

  async findEntry(id: string): Promise<PostedEntry | null> {
    const entry = await this.m.findOne(JournalEntryEntity, { where: { id } });
    if (!entry) return null;
    const [withPostings] = await this.withPostings([entry]);
    return withPostings;
  }

  findReversalOf(entryId: string): Promise<JournalEntryEntity | null> {
    return this.m.findOne(JournalEntryEntity, { where: { reversesEntryId: entryId } });
  }

  /** Newest first; `beforeSeq` is the chainSeq of the last entry of the previous page. */
  async entriesPage(fundId: string, limit: number, beforeSeq?: string): Promise<PostedEntry[]> {
    const entries = await this.m.find(JournalEntryEntity, {
      where: { fundId, ...(beforeSeq ? { chainSeq: LessThan(beforeSeq) } : {}) },
      order: { chainSeq: 'DESC' },
      take: limit,
    });
    return this.withPostings(entries);
  }

  async withPostings(entries: JournalEntryEntity[]): Promise<PostedEntry[]> {
    if (!entries.length) return [];
    const rows: { entry_id: string; account_id: string; code: string; amount: string }[] = await this.m.query(
      `SELECT p.entry_id, p.account_id, a.code, p.amount
         FROM journal_postings p JOIN ledger_accounts a ON a.id = p.account_id
        WHERE p.entry_id = ANY($1::uuid[])
        ORDER BY a.code, p.amount`,
      [entries.map((e) => e.id)],
    );
    const byEntry = new Map<string, PostedPosting[]>();
    for (const r of rows) {
      const list = byEntry.get(r.entry_id) ?? [];
      list.push({ accountId: r.account_id, code: r.code, amount: new Dec(r.amount) });
      byEntry.set(r.entry_id, list);
    }
    return entries.map((e) => Object.assign(e, { postings: byEntry.get(e.id) ?? [] }));
  }

  /**
   * Sums for funder attribution, from postings: net contributed per organisation and net
   * transferred in up to `to`, and net spent with an effective date in [from, to].
   */
  async attributionSums(
    fundId: string,
    from: string | null,
    to: string | null,
  ): Promise<{ contributed: { organisationId: string; organisationName: string; amount: Dec }[]; transferredIn: Dec; spent: Dec }> {
    const contributed: { organisation_id: string; name: string; total: string }[] = await this.m.query(
      `SELECT a.organisation_id, o.name, -SUM(p.amount) AS total
         FROM journal_postings p
         JOIN journal_entries e ON e.id = p.entry_id
         JOIN ledger_accounts a ON a.id = p.account_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
        WHERE a.fund_id = $1 AND a.kind = 'contribution' AND ($2::date IS NULL OR e.effective_date <= $2::date)
        GROUP BY a.organisation_id, o.name
        ORDER BY o.name, a.organisation_id`,
      [fundId, to],
    );
    const [sums]: { transfer: string | null; spent: string | null }[] = await this.m.query(
      `SELECT -SUM(p.amount) FILTER (WHERE a.kind = 'transfer' AND ($3::date IS NULL OR e.effective_date <= $3::date)) AS transfer,
              SUM(p.amount) FILTER (WHERE a.kind = 'spent' AND ($2::date IS NULL OR e.effective_date >= $2::date)
                                                          AND ($3::date IS NULL OR e.effective_date <= $3::date)) AS spent
         FROM journal_postings p
         JOIN journal_entries e ON e.id = p.entry_id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE a.fund_id = $1 AND a.kind IN ('transfer', 'spent')`,
      [fundId, from, to],
    );
    return {
      contributed: contributed.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name ?? '', amount: dec(r.total) })),
      transferredIn: dec(sums?.transfer),
      spent: dec(sums?.spent),
    };
  }

  /** A request's committed, in-payment and spent sums in a fund (SEPA batches move money through in_payment). */
  async requestPaymentBalances(fundId: string, requestId: string): Promise<{ committed: Dec; inPayment: Dec; spent: Dec }> {
    const rows: { kind: string; total: string }[] = await this.m.query(
      `SELECT a.kind, SUM(p.amount) AS total
         FROM journal_entries e
         JOIN journal_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE e.fund_id = $1 AND e.request_id = $2 AND a.kind IN ('committed', 'in_payment', 'spent')
        GROUP BY a.kind`,
      [fundId, requestId],
    );
    const total = (kind: string) => dec(rows.find((r) => r.kind === kind)?.total);
    return { committed: total('committed'), inPayment: total('in_payment'), spent: total('spent') };
  }
}
