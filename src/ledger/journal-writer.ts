import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { dutchDate } from '../common/dutch-time';
import { sumDec } from '../common/money';
import type { SqlBatch } from '../database/sql-batch';
import { FundEntity } from '../funds/fund.entity';
import { FundAccounts } from './fund-accounts';
import { chainHash, journalEntryChainContent } from './hash-chain';
import { JournalEntryEntity } from './ledger.entities';
import { LedgerRepository } from './ledger.repository';
import type { ChainLink, EntrySpec, PostedEntry } from './ledger.types';

/**
 * The mechanics shared by every money movement: insert one balanced entry with its postings and
 * move the stored balances (one statement), and take the entry's place in the fund's hash chain.
 * Callers hold the fund's row lock (an OpenFund) and run inside a transaction.
 */
@Injectable()
export class JournalWriter {
  constructor(
    private readonly repo: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  /** Today's date where the funds are run, as YYYY-MM-DD. */
  today(): string {
    return dutchDate(this.clock.now());
  }

  /**
   * Post one balanced entry. With a `batch` (an OpenFund whose writes are deferred) the entry, its
   * postings and the balance moves are added to it and written when the step ends; without one
   * they are written now, in one statement.
   */
  async post(fund: FundEntity, accounts: FundAccounts, spec: EntrySpec, batch: SqlBatch | null = null): Promise<PostedEntry> {
    const postings = spec.postings.filter((p) => !p.amount.isZero());
    // Programming errors, not user errors: the use cases build balanced postings themselves.
    if (postings.length < 2) throw new Error(`a journal entry needs at least two non-zero postings (${spec.kind})`);
    if (!sumDec(postings.map((p) => p.amount)).isZero()) throw new Error(`journal entry ${spec.kind} does not balance`);
    const entry: JournalEntryEntity = {
      id: randomUUID(),
      fundId: fund.id,
      chainSeq: '',
      kind: spec.kind,
      effectiveDate: spec.effectiveDate ?? this.today(),
      recordedAt: this.clock.now(),
      actorId: spec.actorId,
      requestId: spec.requestId ?? null,
      contributionId: spec.contributionId ?? null,
      paymentId: spec.paymentId ?? null,
      reversesEntryId: spec.reversesEntryId ?? null,
      memo: spec.memo ?? '',
      prevHash: '',
      hash: '',
    };
    const link = this.appendToChain(fund, journalEntryChainContent(entry, postings));
    Object.assign(entry, link);
    const moved = postings.map((p) => ({ account: accounts.get(p.accountId), amount: p.amount })); // throws for another fund's account
    if (batch) {
      batch.insert('journal_entries', {
        id: entry.id, fund_id: entry.fundId, chain_seq: entry.chainSeq, kind: entry.kind, effective_date: entry.effectiveDate,
        recorded_at: entry.recordedAt, actor_id: entry.actorId, request_id: entry.requestId, contribution_id: entry.contributionId,
        payment_id: entry.paymentId, reverses_entry_id: entry.reversesEntryId, memo: entry.memo, prev_hash: entry.prevHash, hash: entry.hash,
      });
      for (const p of postings) {
        batch.insert('journal_postings', { entry_id: entry.id, account_id: p.accountId, amount: p.amount });
        batch.increment('ledger_accounts', p.accountId, 'balance', p.amount);
      }
    } else {
      await this.repo.insertEntry(entry, postings.map((p) => ({ accountId: p.accountId, amount: p.amount })));
    }
    for (const m of moved) m.account.balance = m.account.balance.plus(m.amount);
    return { ...entry, postings: postings.map((p) => ({ accountId: p.accountId, code: accounts.get(p.accountId).code, amount: p.amount })) };
  }

  /**
   * Take the next place in the fund's chain for `content`. Only the fund object moves (the chain
   * head is written once per step by OpenFund.flush), so several records in one transaction chain
   * one after the other.
   */
  appendToChain(fund: FundEntity, content: Record<string, unknown>): ChainLink {
    const chainSeq = (BigInt(fund.chainSeq) + 1n).toString();
    const prevHash = fund.chainHead;
    const hash = chainHash(prevHash, chainSeq, content);
    fund.chainSeq = chainSeq;
    fund.chainHead = hash;
    return { chainSeq, prevHash, hash };
  }
}
