import Decimal from 'decimal.js';
import type { Dec } from '../common/money';
import type { ContributionEntity, EntryKind, JournalEntryEntity, PaymentEntity } from './ledger.entities';

/** Money as the ledger accepts it: a Decimal or a decimal string, never a JS number. */
export type MoneyInput = Decimal | string;

/** A fund's position, derived from its stored account balances. */
export interface FundBalances {
  /** committed + spent + available = contributions + transferred */
  budget: Dec;
  /** reserved and not yet paid, including what is in a SEPA batch (inPayment) */
  committed: Dec;
  /** part of `committed` sent to the bank in a payment batch, not yet booked from a statement */
  inPayment: Dec;
  spent: Dec;
  available: Dec;
  /** net money transferred in from other funds (negative when more went out) */
  transferred: Dec;
  /** net contributed per partner organisation (after reversals) */
  contributions: { organisationId: string; amount: Dec }[];
}

/** What one request holds in a fund: still committed, and paid (net of refunds). */
export interface RequestBalances {
  committed: Dec;
  spent: Dec;
}

/** What one request holds in a fund, including the part in a SEPA batch (see LedgerService.inPaymentBalances). */
export interface RequestPaymentBalances extends RequestBalances {
  inPayment: Dec;
}

/** One movement of a batch item between committed, in_payment, spent and available. */
export interface PaymentOrderInput {
  fundId: string;
  requestId: string;
  amount: MoneyInput;
  actorId: string | null;
  /** the batch's message id and the item's end-to-end id, for the entry's memo */
  memo: string;
}

export interface PostedPosting {
  accountId: string;
  code: string;
  amount: Dec;
}

export interface PostedEntry extends JournalEntryEntity {
  postings: PostedPosting[];
}

export interface LedgerResult {
  entry: PostedEntry;
  balances: FundBalances;
}

/** Where a record sits in its fund's hash chain. */
export interface ChainLink {
  chainSeq: string;
  prevHash: string;
  hash: string;
}

export interface ContributeInput {
  fundId: string;
  organisationId: string;
  amount: MoneyInput;
  note?: string;
  actorId: string | null;
  /** YYYY-MM-DD; default today (Europe/Amsterdam) */
  effectiveDate?: string;
}

export interface ContributeResult extends LedgerResult {
  contribution: ContributionEntity;
}

export interface ReserveInput {
  fundId: string;
  requestId: string;
  amount: MoneyInput;
  actorId: string | null;
  memo?: string;
}

export interface ReleaseInput extends ReserveInput {
  memo: string;
}

export interface PayInput {
  fundId: string;
  requestId: string;
  amount: MoneyInput;
  reference: string;
  actorId: string | null;
  /** release whatever stays committed for the request after this payment */
  releaseRemainder?: boolean;
  /** release exactly this much of the request's commitment after the payment (wins over releaseRemainder) */
  remainderOfCommitment?: MoneyInput;
}

export interface PayResult extends LedgerResult {
  payment: PaymentEntity;
  /** the release of the rest of the commitment, when asked for and non-zero */
  releaseEntry: PostedEntry | null;
}

export interface RefundInput {
  fundId: string;
  requestId: string;
  amount: MoneyInput;
  actorId: string | null;
  note: string;
}

export interface TransferInput {
  fromFundId: string;
  toFundId: string;
  amount: MoneyInput;
  actorId: string | null;
  note: string;
}

export interface TransferResult {
  from: LedgerResult;
  to: LedgerResult;
}

export interface ReverseInput {
  entryId: string;
  actorId: string | null;
  reason: string;
}

/** Input of JournalWriter.post: one balanced movement within one fund. */
export interface EntrySpec {
  kind: EntryKind;
  actorId: string | null;
  effectiveDate?: string;
  requestId?: string | null;
  contributionId?: string | null;
  paymentId?: string | null;
  reversesEntryId?: string | null;
  memo?: string;
  postings: { accountId: string; amount: Dec }[];
}

/** One check of the ledger verifier (and of the checkpoints it compares against). */
export interface BrokenRecord {
  table: string;
  id: string;
  chainSeq: string | null;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** the first record where the check fails */
  firstBroken?: BrokenRecord;
}
