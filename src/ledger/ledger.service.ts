import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Dec, sumDec } from '../common/money';
import { isRealDate } from '../common/validation';
import { RowHydrator } from '../database/row-hydrator';
import { SqlBatch } from '../database/sql-batch';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { Attribution, attributeSpending } from './attribution';
import { FUND_ACCOUNT_KINDS, FundAccounts, fundBalances } from './fund-accounts';
import { JournalWriter } from './journal-writer';
import { LedgerAccountEntity } from './ledger.entities';
import { ledgerAmount, LedgerErrors, requiredText } from './ledger.errors';
import { LedgerRepository } from './ledger.repository';
import { OpenFund } from './open-fund';
import type {
  ChainLink, ContributeInput, ContributeResult, FundBalances, LedgerResult, PayInput, PayResult, PaymentOrderInput, PostedEntry, RefundInput,
  ReleaseInput, RequestBalances, RequestPaymentBalances, ReserveInput, ReverseInput, TransferInput, TransferResult,
} from './ledger.types';

/**
 * Every money movement of the ledger. Each public method is one database transaction (or joins the
 * caller's): lock the fund row, check the balances, post one balanced entry, move the stored
 * balances, advance the fund's hash chain. The fund lock serialises a fund's movements across
 * connections and app instances, which is what makes overspending impossible.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: LedgerRepository,
    private readonly journal: JournalWriter,
    private readonly clock: Clock,
    private readonly rows: RowHydrator,
  ) {}

  /** Partner money into the fund: available ↑, the partner's contribution account ↓. */
  async contribute(input: ContributeInput): Promise<ContributeResult> {
    const amount = ledgerAmount(input.amount);
    const effectiveDate = input.effectiveDate ?? this.journal.today();
    if (!isRealDate(effectiveDate)) throw DomainError.invalidField('effectiveDate', 'must be a real date as YYYY-MM-DD');
    return this.withFund(input.fundId, async (open) => {
      const fund = open.fund;
      const accounts = await open.accounts();
      const organisation = await this.repo.findOrganisation(input.organisationId);
      if (!organisation) throw DomainError.invalidField('organisationId', `organisation ${input.organisationId} does not exist`, 'UNKNOWN_ORGANISATION');
      let source = accounts.contribution(organisation.id);
      if (!source) accounts.add((source = await this.repo.openContributionAccount(fund.id, organisation.id)));
      const note = (input.note ?? '').trim();
      const contribution = await this.repo.insertContribution({
        fundId: fund.id, organisationId: organisation.id, amount, note, effectiveDate, createdBy: input.actorId,
      });
      const entry = await open.post({
        kind: 'contribution', actorId: input.actorId, effectiveDate, contributionId: contribution.id, memo: note,
        postings: [{ accountId: accounts.available.id, amount }, { accountId: source.id, amount: amount.neg() }],
      });
      return { contribution, entry, balances: accounts.balances() };
    });
  }

  /** Commit money to a request: available ↓, committed ↑. Refused when the fund cannot cover it. */
  async reserve(input: ReserveInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.withFund(input.fundId, (fund) => fund.reserve({ ...input, amount }), { deferWrites: true, withAccounts: true });
  }

  /** Give (part of) a request's commitment back to the fund: committed ↓, available ↑. */
  async release(input: ReleaseInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const memo = requiredText(input.memo, 'memo');
    return this.withFund(input.fundId, (fund) => fund.release({ ...input, amount, memo }));
  }

  /**
   * Disburse (part of) a request's commitment: a payment record and committed ↓, spent ↑; then,
   * when asked, release the rest of the commitment in a second entry of the same transaction.
   */
  async pay(input: PayInput): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    if (input.remainderOfCommitment !== undefined) ledgerAmount(input.remainderOfCommitment, 'remainderOfCommitment', true);
    return this.withFund(input.fundId, (fund) => fund.pay({ ...input, amount, reference, paidAt: this.clock.now() }));
  }

  /** Money paid for a request comes back: spent ↓, available ↑. */
  async refund(input: RefundInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const note = requiredText(input.note, 'note');
    return this.withFund(input.fundId, (fund) => fund.refund({ ...input, amount, note }));
  }

  /** Move available money between funds: one entry in each fund, both funds locked in id order. */
  async transfer(input: TransferInput): Promise<TransferResult> {
    const amount = ledgerAmount(input.amount);
    const note = requiredText(input.note, 'note');
    if (input.fromFundId === input.toFundId) throw DomainError.invalidField('toFundId', 'must be another fund than the one the money comes from');
    // Both funds locked in id order, so two transfers in opposite directions cannot deadlock.
    const [first, second] = [input.fromFundId, input.toFundId].sort();
    return this.withFund(first, (a) => this.withFund(second, async (b) => {
      const source = a.id === input.fromFundId ? a : b;
      const target = a.id === input.fromFundId ? b : a;
      const from = { fund: source.fund, accounts: await source.accounts() };
      const to = { fund: target.fund, accounts: await target.accounts() };
      if (from.accounts.available.balance.lt(amount)) throw LedgerErrors.insufficientFunds(from.accounts.available.balance, amount);
      const out = await source.post({
        kind: 'transfer', actorId: input.actorId, memo: `${note} → ${to.fund.name}`,
        postings: [{ accountId: from.accounts.available.id, amount: amount.neg() }, { accountId: from.accounts.transfer.id, amount }],
      });
      const into = await target.post({
        kind: 'transfer', actorId: input.actorId, memo: `${note} ← ${from.fund.name}`,
        postings: [{ accountId: to.accounts.available.id, amount }, { accountId: to.accounts.transfer.id, amount: amount.neg() }],
      });
      return { from: { entry: out, balances: from.accounts.balances() }, to: { entry: into, balances: to.accounts.balances() } };
    }));
  }

  /**
   * Correct an entry by posting its exact negation (kind 'reversal'). The reversal keeps the links of
   * the original (request, contribution, payment), so per-request sums and attribution stay right.
   * Refused when the reversal would overdraw the fund or a request, for reversals and for transfers
   * (the other fund's side would stay behind: transfer back instead).
   */
  async reverse(input: ReverseInput): Promise<LedgerResult> {
    const reason = requiredText(input.reason, 'reason');
    return this.tx.run(async () => {
      const original = await this.repo.findEntry(input.entryId);
      if (!original) throw DomainError.notFound('journal entry', input.entryId);
      return this.withFund(original.fundId, async (fund) => {
      const accounts = await fund.accounts();
      if (original.kind === 'reversal') throw LedgerErrors.notReversible('a reversal cannot be reversed; post the movement again instead');
      if (original.kind === 'transfer') throw LedgerErrors.notReversible('a transfer cannot be reversed on one side; transfer the money back instead');
      const existing = await this.repo.findReversalOf(original.id);
      if (existing) throw LedgerErrors.alreadyReversed(original.id, existing.id);
      const postings = original.postings.map((p) => ({ accountId: p.accountId, amount: p.amount.neg() }));
      await this.assertReversible(fund.id, accounts, original.requestId, postings);
      const entry = await fund.post({
        kind: 'reversal', actorId: input.actorId, reversesEntryId: original.id, requestId: original.requestId,
        contributionId: original.contributionId, paymentId: original.paymentId, memo: reason, postings,
      });
      return { entry, balances: accounts.balances() };
      });
    });
  }

  /**
   * Run `work` with the fund locked (SELECT … FOR UPDATE, until the transaction commits) and open:
   * its money movements and chain records go through the OpenFund it is given, and the chain head
   * is written once when `work` is done. Joins the caller's transaction, or starts one.
   */
  withFund<T>(fundId: string, work: (fund: OpenFund) => Promise<T>, opts: { deferWrites?: boolean; withAccounts?: boolean } = {}): Promise<T> {
    return this.tx.run(async () => {
      if (opts.withAccounts) {
        // the accounts locked and read with the fund, in one round trip (a movement needs them at once)
        const locked = await this.repo.lockFundWithAccounts(fundId);
        if (locked) {
          return this.open(locked.fund, work, opts, locked.accounts);
        }
      }
      const fund = await this.repo.lockFund(fundId);
      if (!fund) throw DomainError.notFound('fund', fundId);
      return this.open(fund, work, opts);
    });
  }

  /**
   * `withFund` for a fund row the caller has just locked itself (SELECT … FOR UPDATE in this
   * transaction). With `deferWrites` the entries, and whatever the step adds to `fund.batch`, are
   * written in one statement with the chain head when `work` is done (see SqlBatch): for steps
   * that read first and write last, which is every approval.
   */
  async open<T>(fund: FundEntity, work: (fund: OpenFund) => Promise<T>, opts: { deferWrites?: boolean } = {}, accounts?: LedgerAccountEntity[]): Promise<T> {
    const deferred = opts.deferWrites ? { batch: new SqlBatch(), run: (b: SqlBatch) => b.run(this.tx.manager, this.rows) } : null;
    const open = new OpenFund(fund, this.repo, this.journal, (f) => this.loadAccounts(f), deferred);
    if (accounts) open.useAccounts(accounts);
    const result = await work(open);
    await open.flush();
    return result;
  }

  /** Open a new fund's fixed accounts (available, committed, spent, transfer). */
  async openAccounts(fundId: string): Promise<void> {
    await this.tx.run(() => this.repo.openFundAccounts(fundId));
  }

  async balances(fundId: string): Promise<FundBalances> {
    return fundBalances(await this.repo.accounts(fundId));
  }

  async balancesOfFunds(fundIds: string[]): Promise<Map<string, FundBalances>> {
    const accounts = await this.repo.accountsOfFunds(fundIds);
    return new Map(fundIds.map((id) => [id, fundBalances(accounts.filter((a) => a.fundId === id))]));
  }

  /** A fund's journal entries with their postings, newest first, before `beforeSeq`. */
  entries(fundId: string, limit: number, beforeSeq?: string): Promise<PostedEntry[]> {
    return this.repo.entriesPage(fundId, limit, beforeSeq);
  }

  requestBalances(fundId: string, requestId: string): Promise<RequestBalances> {
    return this.repo.requestBalances(fundId, requestId);
  }

  /** Spending attributed to the partners pro rata to what they contributed (see attributeSpending). */
  async attribution(fundId: string, from?: string, to?: string): Promise<Attribution> {
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (value !== undefined && !isRealDate(value)) throw DomainError.invalidField(field, 'must be a real date as YYYY-MM-DD', 'INVALID', 'query');
    }
    if (!(await this.repo.findFund(fundId))) throw DomainError.notFound('fund', fundId);
    const sums = await this.repo.attributionSums(fundId, from ?? null, to ?? null);
    return attributeSpending({ fundId, from: from ?? null, to: to ?? null, ...sums });
  }

  /** A request's committed, in-payment (SEPA batch) and spent sums. */
  requestPaymentBalances(fundId: string, requestId: string): Promise<RequestPaymentBalances> {
    return this.repo.requestPaymentBalances(fundId, requestId);
  }

  /** A commitment goes into a SEPA batch (see OpenFund.orderPayment). */
  async orderPayment(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.withFund(input.fundId, (fund) => fund.orderPayment({ ...input, amount }));
  }

  /** A batch is cancelled or a returned payment re-opened (see OpenFund.cancelPaymentOrder). */
  async cancelPaymentOrder(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.withFund(input.fundId, (fund) => fund.cancelPaymentOrder({ ...input, amount }));
  }

  /** The bank statement shows a batch payment leaving the account (see OpenFund.settlePaymentOrder). */
  async settlePaymentOrder(input: PaymentOrderInput & { reference: string }): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    return this.withFund(input.fundId, (fund) => fund.settlePaymentOrder({ ...input, amount, reference, paidAt: this.clock.now() }));
  }

  /** A paid batch payment came back from the payee's bank (see OpenFund.returnSettledPayment). */
  async returnSettledPayment(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.withFund(input.fundId, (fund) => fund.returnSettledPayment({ ...input, amount }));
  }

  private async loadAccounts(fund: FundEntity): Promise<FundAccounts> {
    let list = await this.repo.accounts(fund.id);
    // Funds inserted without openAccounts (seeds, factories) get their fixed accounts on first use.
    if (!FUND_ACCOUNT_KINDS.every((code) => list.some((a) => a.code === code))) {
      await this.repo.openFundAccounts(fund.id);
      list = await this.repo.accounts(fund.id);
    }
    return new FundAccounts(fund.id, list);
  }

  private async assertReversible(fundId: string, accounts: FundAccounts, requestId: string | null, postings: { accountId: string; amount: Dec }[]) {
    const delta = (kind: string) => sumDec(postings.filter((p) => accounts.get(p.accountId).kind === kind).map((p) => p.amount));
    const available = accounts.available.balance;
    if (available.plus(delta('available')).isNegative()) throw LedgerErrors.insufficientFunds(available, delta('available').neg());
    if (!requestId) return;
    const held = await this.repo.requestBalances(fundId, requestId);
    if (held.committed.plus(delta('committed')).isNegative()) throw LedgerErrors.exceedsCommitment('a reversal', held.committed, delta('committed').neg());
    if (held.spent.plus(delta('spent')).isNegative()) throw LedgerErrors.exceedsSpent('a reversal', held.spent, delta('spent').neg());
  }
}
