import { Dec } from '../common/money';
import type { SqlBatch, SqlBatchMark } from '../database/sql-batch';
import type { FundEntity } from '../funds/fund.entity';
import { FUND_ACCOUNT_KINDS, FundAccounts } from './fund-accounts';
import type { LedgerAccountEntity } from './ledger.entities';
import type { JournalWriter } from './journal-writer';
import { ledgerAmount, LedgerErrors, requiredText } from './ledger.errors';
import type { LedgerRepository } from './ledger.repository';
import type { ChainLink, EntrySpec, FundBalances, LedgerResult, MoneyInput, PayResult, PostedEntry, RequestBalances } from './ledger.types';

/** A money movement of one request inside an open fund; the fund is implied. */
export interface RequestMovement {
  requestId: string;
  amount: MoneyInput;
  actorId: string | null;
  memo?: string;
}

/** See OpenFund.mark. */
export interface OpenFundMark {
  chainSeq: string;
  chainHead: string;
  balances: Map<string, Dec> | null;
  batch: SqlBatchMark;
}

/**
 * One fund, locked for the rest of the transaction (SELECT … FOR UPDATE), with its accounts in
 * memory. Everything a workflow step does to the fund goes through this object: money movements,
 * and chain records of other tables (request events). The chain head moves in memory and is written
 * once, by `flush`, whatever the step chained: an approval locks the fund once and advances the
 * chain once. Get one from `LedgerService.withFund`, which flushes it before the transaction ends;
 * it is not valid after that.
 */
export class OpenFund {
  private readonly openedAtSeq: string;
  private accountsCache: FundAccounts | null = null;

  constructor(
    readonly fund: FundEntity,
    private readonly repo: LedgerRepository,
    private readonly journal: JournalWriter,
    private readonly loadAccounts: (fund: FundEntity) => Promise<FundAccounts>,
    /** deferred writes (see LedgerService.withFund): the batch and how to send it */
    private readonly deferred: { batch: SqlBatch; run: (batch: SqlBatch) => Promise<void> } | null = null,
  ) {
    this.openedAtSeq = fund.chainSeq;
  }

  get id(): string {
    return this.fund.id;
  }

  /**
   * The writes this fund defers to the end of the step, or null when it writes as it goes. Other
   * writers of the same step (its audit event, the request's new state) may add to it; nothing in
   * the step may then read what it holds before `flush`.
   */
  get batch(): SqlBatch | null {
    return this.deferred?.batch ?? null;
  }

  /** The fund's accounts, read once on first use (a rejection never needs them). */
  async accounts(): Promise<FundAccounts> {
    if (!this.accountsCache) this.accountsCache = await this.loadAccounts(this.fund);
    return this.accountsCache;
  }

  /**
   * The fund's accounts as a statement of the step read them after the fund was locked (a step
   * that reads its request and the accounts in one round trip), instead of reading them again.
   */
  useAccounts(accounts: LedgerAccountEntity[]): void {
    // a fund without all its fixed accounts (seeded rows) has them opened on first use instead
    if (!this.accountsCache && FUND_ACCOUNT_KINDS.every((code) => accounts.some((a) => a.code === code))) {
      this.accountsCache = new FundAccounts(this.fund.id, accounts);
    }
  }

  /**
   * Where the fund stands in memory — chain head, balances, deferred writes — for `restore`: when
   * one step of a group transaction fails, what it did in memory is undone and the group goes on
   * (an in-memory savepoint; the step has written nothing to the database yet).
   */
  mark(): OpenFundMark {
    if (!this.deferred) throw new Error('only an OpenFund with deferred writes can be marked');
    return {
      chainSeq: this.fund.chainSeq,
      chainHead: this.fund.chainHead,
      balances: this.accountsCache?.snapshot() ?? null,
      batch: this.deferred.batch.mark(),
    };
  }

  restore(mark: OpenFundMark): void {
    this.fund.chainSeq = mark.chainSeq;
    this.fund.chainHead = mark.chainHead;
    if (mark.balances) this.accountsCache?.restore(mark.balances);
    else this.accountsCache = null;
    this.deferred!.batch.restore(mark.batch);
  }

  /** Write what the batch holds so far, before a read that must see it. */
  private async sync(): Promise<void> {
    if (this.deferred && !this.deferred.batch.empty) await this.deferred.run(this.deferred.batch);
  }

  async balances(): Promise<FundBalances> {
    return (await this.accounts()).balances();
  }

  /** Take the next place in the fund's chain for a record of another table (see hash-chain.ts). */
  chain(content: Record<string, unknown>): ChainLink {
    return this.journal.appendToChain(this.fund, content);
  }

  /** Post one balanced entry into this fund. */
  async post(spec: EntrySpec): Promise<PostedEntry> {
    return this.journal.post(this.fund, await this.accounts(), spec, this.batch);
  }

  async requestBalances(requestId: string): Promise<RequestBalances> {
    await this.sync();
    return this.repo.requestBalances(this.fund.id, requestId);
  }

  private async requestPaymentBalances(requestId: string) {
    await this.sync();
    return this.repo.requestPaymentBalances(this.fund.id, requestId);
  }

  private async insertPayment(values: Parameters<LedgerRepository['insertPayment']>[0]) {
    await this.sync();
    return this.repo.insertPayment(values);
  }

  /** Commit money to a request: available ↓, committed ↑. Refused when the fund cannot cover it. */
  async reserve(input: RequestMovement): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const accounts = await this.accounts();
    if (accounts.available.balance.lt(amount)) throw LedgerErrors.insufficientFunds(accounts.available.balance, amount);
    const entry = await this.post({
      kind: 'reservation', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
      postings: [{ accountId: accounts.available.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
    });
    return { entry, balances: accounts.balances() };
  }

  /** Give (part of) a request's commitment back to the fund: committed ↓, available ↑. */
  async release(input: RequestMovement & { memo: string }): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const memo = requiredText(input.memo, 'memo');
    const held = await this.requestBalances(input.requestId);
    if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('a release', held.committed, amount);
    const entry = await this.postRelease(input.requestId, amount, input.actorId, memo);
    return { entry, balances: (await this.accounts()).balances() };
  }

  /**
   * Disburse (part of) a request's commitment: a payment record and committed ↓, spent ↑; then,
   * when asked, release the rest of the commitment in a second entry.
   */
  async pay(input: {
    requestId: string; amount: MoneyInput; reference: string; actorId: string | null; paidAt: Date;
    releaseRemainder?: boolean; remainderOfCommitment?: MoneyInput;
  }): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    const explicitRest = input.remainderOfCommitment === undefined ? null : ledgerAmount(input.remainderOfCommitment, 'remainderOfCommitment', true);
    const accounts = await this.accounts();
    const held = await this.requestBalances(input.requestId);
    if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('a payment', held.committed, amount);
    const rest = held.committed.minus(amount);
    const toRelease = explicitRest ?? (input.releaseRemainder ? rest : new Dec(0));
    if (toRelease.gt(rest)) throw LedgerErrors.exceedsCommitment('releasing the rest', rest, toRelease);
    const payment = await this.insertPayment({ requestId: input.requestId, fundId: this.fund.id, amount, reference, paidBy: input.actorId, paidAt: input.paidAt });
    const entry = await this.post({
      kind: 'payment', actorId: input.actorId, requestId: input.requestId, paymentId: payment.id, memo: reference,
      postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.spent.id, amount }],
    });
    const releaseEntry = toRelease.isZero()
      ? null
      : await this.postRelease(input.requestId, toRelease, input.actorId, `rest van de reservering vrijgegeven na betaling ${reference}`);
    return { payment, entry, releaseEntry, balances: accounts.balances() };
  }

  /** Money paid for a request comes back: spent ↓, available ↑. */
  async refund(input: RequestMovement & { note: string }): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const note = requiredText(input.note, 'note');
    const accounts = await this.accounts();
    const held = await this.requestBalances(input.requestId);
    if (held.spent.lt(amount)) throw LedgerErrors.exceedsSpent('a refund', held.spent, amount);
    const entry = await this.post({
      kind: 'refund', actorId: input.actorId, requestId: input.requestId, memo: note,
      postings: [{ accountId: accounts.spent.id, amount: amount.neg() }, { accountId: accounts.available.id, amount }],
    });
    return { entry, balances: accounts.balances() };
  }

  /** A commitment goes into a SEPA batch: committed ↓, in_payment ↑ (kind 'payment_order'). */
  async orderPayment(input: RequestMovement): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const accounts = await this.accounts();
    const held = await this.requestPaymentBalances(input.requestId);
    if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('a payment order', held.committed, amount);
    const entry = await this.post({
      kind: 'payment_order', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
      postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.inPayment.id, amount }],
    });
    return { entry, balances: accounts.balances() };
  }

  /** A batch is cancelled (or a returned payment re-opened): in_payment ↓, committed ↑ (kind 'payment_order_cancel'). */
  async cancelPaymentOrder(input: RequestMovement): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const accounts = await this.accounts();
    const held = await this.requestPaymentBalances(input.requestId);
    if (held.inPayment.lt(amount)) throw LedgerErrors.exceedsCommitment('withdrawing a payment order', held.inPayment, amount);
    const entry = await this.post({
      kind: 'payment_order_cancel', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
      postings: [{ accountId: accounts.inPayment.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
    });
    return { entry, balances: accounts.balances() };
  }

  /**
   * The bank statement shows a batch payment leaving the account: a payment record, in_payment ↓,
   * spent ↑ (kind 'payment', like a manual payment, so reports and attribution count it the same).
   */
  async settlePaymentOrder(input: RequestMovement & { reference: string; paidAt: Date }): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    const accounts = await this.accounts();
    const held = await this.requestPaymentBalances(input.requestId);
    if (held.inPayment.lt(amount)) throw LedgerErrors.exceedsCommitment('a payment', held.inPayment, amount);
    const payment = await this.insertPayment({ requestId: input.requestId, fundId: this.fund.id, amount, reference, paidBy: input.actorId, paidAt: input.paidAt });
    const entry = await this.post({
      kind: 'payment', actorId: input.actorId, requestId: input.requestId, paymentId: payment.id, memo: input.memo,
      postings: [{ accountId: accounts.inPayment.id, amount: amount.neg() }, { accountId: accounts.spent.id, amount }],
    });
    return { payment, entry, releaseEntry: null, balances: accounts.balances() };
  }

  /**
   * A paid batch payment came back from the payee's bank: spent ↓, committed ↑ (kind 'payment_return').
   * The commitment is open again; the caller then re-batches it or releases it.
   */
  async returnSettledPayment(input: RequestMovement): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const accounts = await this.accounts();
    const held = await this.requestPaymentBalances(input.requestId);
    if (held.spent.lt(amount)) throw LedgerErrors.exceedsSpent('a returned payment', held.spent, amount);
    const entry = await this.post({
      kind: 'payment_return', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
      postings: [{ accountId: accounts.spent.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
    });
    return { entry, balances: accounts.balances() };
  }

  /**
   * Write the chain head once for everything chained since the fund was opened. The update is
   * conditional on the head the fund had when it was locked: a second, stale copy of the fund in
   * the same transaction cannot fork the chain unnoticed.
   */
  async flush(): Promise<void> {
    if (this.deferred) {
      if (this.fund.chainSeq !== this.openedAtSeq) {
        this.deferred.batch.guardedUpdate(
          'funds',
          { id: this.fund.id, chain_seq: this.openedAtSeq },
          { chain_seq: this.fund.chainSeq, chain_head: this.fund.chainHead },
          `chain head of fund ${this.fund.id} moved while it was open (expected seq ${this.openedAtSeq})`,
        );
      }
      await this.deferred.run(this.deferred.batch);
      return;
    }
    if (this.fund.chainSeq === this.openedAtSeq) return;
    await this.repo.advanceChain(this.fund.id, this.openedAtSeq, this.fund.chainSeq, this.fund.chainHead);
  }

  private async postRelease(requestId: string, amount: Dec, actorId: string | null, memo: string): Promise<PostedEntry> {
    const accounts = await this.accounts();
    return this.post({
      kind: 'release', actorId, requestId, memo,
      postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.available.id, amount }],
    });
  }
}
