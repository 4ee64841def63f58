import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Dec, sumDec } from '../common/money';
import { isRealDate } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { Attribution, attributeSpending } from './attribution';
import { FUND_ACCOUNT_KINDS, FundAccounts, fundBalances } from './fund-accounts';
import { JournalWriter } from './journal-writer';
import { ledgerAmount, LedgerErrors, requiredText } from './ledger.errors';
import { LedgerRepository } from './ledger.repository';
import type {
  ChainLink, ContributeInput, ContributeResult, FundBalances, LedgerResult, PayInput, PayResult, PaymentOrderInput, PostedEntry, RefundInput,
  ReleaseInput, RequestBalances, RequestPaymentBalances, ReserveInput, ReverseInput, TransferInput, TransferResult,
} from './ledger.types';

interface OpenFund {
  fund: FundEntity;
  accounts: FundAccounts;
}

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
  ) {}

  /** Partner money into the fund: available ↑, the partner's contribution account ↓. */
  async contribute(input: ContributeInput): Promise<ContributeResult> {
    const amount = ledgerAmount(input.amount);
    const effectiveDate = input.effectiveDate ?? this.journal.today();
    if (!isRealDate(effectiveDate)) throw DomainError.invalidField('effectiveDate', 'must be a real date as YYYY-MM-DD');
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const organisation = await this.repo.findOrganisation(input.organisationId);
      if (!organisation) throw DomainError.invalidField('organisationId', `organisation ${input.organisationId} does not exist`, 'UNKNOWN_ORGANISATION');
      let source = accounts.contribution(organisation.id);
      if (!source) accounts.add((source = await this.repo.openContributionAccount(fund.id, organisation.id)));
      const note = (input.note ?? '').trim();
      const contribution = await this.repo.insertContribution({
        fundId: fund.id, organisationId: organisation.id, amount, note, effectiveDate, createdBy: input.actorId,
      });
      const entry = await this.journal.post(fund, accounts, {
        kind: 'contribution', actorId: input.actorId, effectiveDate, contributionId: contribution.id, memo: note,
        postings: [{ accountId: accounts.available.id, amount }, { accountId: source.id, amount: amount.neg() }],
      });
      return { contribution, entry, balances: accounts.balances() };
    });
  }

  /** Commit money to a request: available ↓, committed ↑. Refused when the fund cannot cover it. */
  async reserve(input: ReserveInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      if (accounts.available.balance.lt(amount)) throw LedgerErrors.insufficientFunds(accounts.available.balance, amount);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'reservation', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
        postings: [{ accountId: accounts.available.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
      });
      return { entry, balances: accounts.balances() };
    });
  }

  /** Give (part of) a request's commitment back to the fund: committed ↓, available ↑. */
  async release(input: ReleaseInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const memo = requiredText(input.memo, 'memo');
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestBalances(fund.id, input.requestId);
      if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('vrijgave', held.committed, amount);
      const entry = await this.postRelease(fund, accounts, input.requestId, amount, input.actorId, memo);
      return { entry, balances: accounts.balances() };
    });
  }

  /**
   * Disburse (part of) a request's commitment: a payment record and committed ↓, spent ↑; then,
   * when asked, release the rest of the commitment in a second entry of the same transaction.
   */
  async pay(input: PayInput): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    const explicitRest = input.remainderOfCommitment === undefined ? null : ledgerAmount(input.remainderOfCommitment, 'remainderOfCommitment', true);
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestBalances(fund.id, input.requestId);
      if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('betaling', held.committed, amount);
      const rest = held.committed.minus(amount);
      const toRelease = explicitRest ?? (input.releaseRemainder ? rest : new Dec(0));
      if (toRelease.gt(rest)) throw LedgerErrors.exceedsCommitment('vrijgave van de rest', rest, toRelease);
      const payment = await this.repo.insertPayment({ requestId: input.requestId, fundId: fund.id, amount, reference, paidBy: input.actorId, paidAt: this.clock.now() });
      const entry = await this.journal.post(fund, accounts, {
        kind: 'payment', actorId: input.actorId, requestId: input.requestId, paymentId: payment.id, memo: reference,
        postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.spent.id, amount }],
      });
      const releaseEntry = toRelease.isZero()
        ? null
        : await this.postRelease(fund, accounts, input.requestId, toRelease, input.actorId, `rest van de reservering vrijgegeven na betaling ${reference}`);
      return { payment, entry, releaseEntry, balances: accounts.balances() };
    });
  }

  /** Money paid for a request comes back: spent ↓, available ↑. */
  async refund(input: RefundInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    const note = requiredText(input.note, 'note');
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestBalances(fund.id, input.requestId);
      if (held.spent.lt(amount)) throw LedgerErrors.exceedsSpent('terugbetaling', held.spent, amount);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'refund', actorId: input.actorId, requestId: input.requestId, memo: note,
        postings: [{ accountId: accounts.spent.id, amount: amount.neg() }, { accountId: accounts.available.id, amount }],
      });
      return { entry, balances: accounts.balances() };
    });
  }

  /** Move available money between funds: one entry in each fund, both funds locked in id order. */
  async transfer(input: TransferInput): Promise<TransferResult> {
    const amount = ledgerAmount(input.amount);
    const note = requiredText(input.note, 'note');
    if (input.fromFundId === input.toFundId) throw DomainError.invalidField('toFundId', 'must be another fund than the one the money comes from');
    return this.tx.run(async () => {
      const locked = await this.repo.lockFunds([input.fromFundId, input.toFundId]);
      const source = await this.open(input.fromFundId, locked.get(input.fromFundId));
      const target = await this.open(input.toFundId, locked.get(input.toFundId));
      if (source.accounts.available.balance.lt(amount)) throw LedgerErrors.insufficientFunds(source.accounts.available.balance, amount);
      const out = await this.journal.post(source.fund, source.accounts, {
        kind: 'transfer', actorId: input.actorId, memo: `${note} → ${target.fund.name}`,
        postings: [{ accountId: source.accounts.available.id, amount: amount.neg() }, { accountId: source.accounts.transfer.id, amount }],
      });
      const into = await this.journal.post(target.fund, target.accounts, {
        kind: 'transfer', actorId: input.actorId, memo: `${note} ← ${source.fund.name}`,
        postings: [{ accountId: target.accounts.available.id, amount }, { accountId: target.accounts.transfer.id, amount: amount.neg() }],
      });
      return { from: { entry: out, balances: source.accounts.balances() }, to: { entry: into, balances: target.accounts.balances() } };
    });
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
      const { fund, accounts } = await this.open(original.fundId);
      if (original.kind === 'reversal') throw LedgerErrors.notReversible('a reversal cannot be reversed; post the movement again instead');
      if (original.kind === 'transfer') throw LedgerErrors.notReversible('a transfer cannot be reversed on one side; transfer the money back instead');
      const existing = await this.repo.findReversalOf(original.id);
      if (existing) throw LedgerErrors.alreadyReversed(original.id, existing.id);
      const postings = original.postings.map((p) => ({ accountId: p.accountId, amount: p.amount.neg() }));
      await this.assertReversible(fund.id, accounts, original.requestId, postings);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'reversal', actorId: input.actorId, reversesEntryId: original.id, requestId: original.requestId,
        contributionId: original.contributionId, paymentId: original.paymentId, memo: reason, postings,
      });
      return { entry, balances: accounts.balances() };
    });
  }

  /**
   * Chain a workflow record (a request_events row) into the fund's hash chain, under the fund lock.
   * Pass `requestEventChainContent(event)`: the verifier rebuilds exactly that from the row.
   */
  async appendChainRecord(fundId: string, content: Record<string, unknown>): Promise<ChainLink> {
    return this.tx.run(async () => this.journal.appendToChain(await this.lockFund(fundId), content));
  }

  /** SELECT … FOR UPDATE on the fund; inside a caller's transaction the lock lasts until it commits. */
  async lockFund(fundId: string): Promise<FundEntity> {
    return this.tx.run(async () => {
      const fund = await this.repo.lockFund(fundId);
      if (!fund) throw DomainError.notFound('fund', fundId);
      return fund;
    });
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

  /** A commitment goes into a SEPA batch: committed ↓, in_payment ↑ (kind 'payment_order'). */
  async orderPayment(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestPaymentBalances(fund.id, input.requestId);
      if (held.committed.lt(amount)) throw LedgerErrors.exceedsCommitment('betaalopdracht', held.committed, amount);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'payment_order', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
        postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.inPayment.id, amount }],
      });
      return { entry, balances: accounts.balances() };
    });
  }

  /** A batch is cancelled (or a returned payment re-opened): in_payment ↓, committed ↑ (kind 'payment_order_cancel'). */
  async cancelPaymentOrder(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestPaymentBalances(fund.id, input.requestId);
      if (held.inPayment.lt(amount)) throw LedgerErrors.exceedsCommitment('intrekking betaalopdracht', held.inPayment, amount);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'payment_order_cancel', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
        postings: [{ accountId: accounts.inPayment.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
      });
      return { entry, balances: accounts.balances() };
    });
  }

  /**
   * The bank statement shows a batch payment leaving the account: a payment record, in_payment ↓,
   * spent ↑ (kind 'payment', like a manual payment, so reports and attribution count it the same).
   */
  async settlePaymentOrder(input: PaymentOrderInput & { reference: string }): Promise<PayResult> {
    const amount = ledgerAmount(input.amount);
    const reference = requiredText(input.reference, 'reference');
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestPaymentBalances(fund.id, input.requestId);
      if (held.inPayment.lt(amount)) throw LedgerErrors.exceedsCommitment('betaling', held.inPayment, amount);
      const payment = await this.repo.insertPayment({ requestId: input.requestId, fundId: fund.id, amount, reference, paidBy: input.actorId, paidAt: this.clock.now() });
      const entry = await this.journal.post(fund, accounts, {
        kind: 'payment', actorId: input.actorId, requestId: input.requestId, paymentId: payment.id, memo: input.memo,
        postings: [{ accountId: accounts.inPayment.id, amount: amount.neg() }, { accountId: accounts.spent.id, amount }],
      });
      return { payment, entry, releaseEntry: null, balances: accounts.balances() };
    });
  }

  /**
   * A paid batch payment came back from the payee's bank: spent ↓, committed ↑ (kind 'payment_return').
   * The commitment is open again; the caller then re-batches it or releases it.
   */
  async returnSettledPayment(input: PaymentOrderInput): Promise<LedgerResult> {
    const amount = ledgerAmount(input.amount);
    return this.tx.run(async () => {
      const { fund, accounts } = await this.open(input.fundId);
      const held = await this.repo.requestPaymentBalances(fund.id, input.requestId);
      if (held.spent.lt(amount)) throw LedgerErrors.exceedsSpent('teruggekomen betaling', held.spent, amount);
      const entry = await this.journal.post(fund, accounts, {
        kind: 'payment_return', actorId: input.actorId, requestId: input.requestId, memo: input.memo,
        postings: [{ accountId: accounts.spent.id, amount: amount.neg() }, { accountId: accounts.committed.id, amount }],
      });
      return { entry, balances: accounts.balances() };
    });
  }

  private async open(fundId: string, locked?: FundEntity): Promise<OpenFund> {
    const fund = locked ?? (await this.repo.lockFund(fundId));
    if (!fund) throw DomainError.notFound('fund', fundId);
    let list = await this.repo.accounts(fund.id);
    // Funds inserted without openAccounts (seeds, factories) get their fixed accounts on first use.
    if (!FUND_ACCOUNT_KINDS.every((code) => list.some((a) => a.code === code))) {
      await this.repo.openFundAccounts(fund.id);
      list = await this.repo.accounts(fund.id);
    }
    return { fund, accounts: new FundAccounts(fund.id, list) };
  }

  private postRelease(fund: FundEntity, accounts: FundAccounts, requestId: string, amount: Dec, actorId: string | null, memo: string) {
    return this.journal.post(fund, accounts, {
      kind: 'release', actorId, requestId, memo,
      postings: [{ accountId: accounts.committed.id, amount: amount.neg() }, { accountId: accounts.available.id, amount }],
    });
  }

  private async assertReversible(fundId: string, accounts: FundAccounts, requestId: string | null, postings: { accountId: string; amount: Dec }[]) {
    const delta = (kind: string) => sumDec(postings.filter((p) => accounts.get(p.accountId).kind === kind).map((p) => p.amount));
    const available = accounts.available.balance;
    if (available.plus(delta('available')).isNegative()) throw LedgerErrors.insufficientFunds(available, delta('available').neg());
    if (!requestId) return;
    const held = await this.repo.requestBalances(fundId, requestId);
    if (held.committed.plus(delta('committed')).isNegative()) throw LedgerErrors.exceedsCommitment('terugdraaiing', held.committed, delta('committed').neg());
    if (held.spent.plus(delta('spent')).isNegative()) throw LedgerErrors.exceedsSpent('terugdraaiing', held.spent, delta('spent').neg());
  }
}
