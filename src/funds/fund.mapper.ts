import { Dec, moneyString } from '../common/money';
import { ContributionEntity } from '../ledger/ledger.entities';
import type { ContributeResult, FundBalances, PostedEntry, TransferResult } from '../ledger/ledger.types';
import {
  BalancesDto, ContributionDto, ContributionResponseDto, FundDto, FundHolderDto, FundPageDto, FundSummaryDto, JournalEntryDto, JournalEntryPageDto,
  TransferResponseDto,
} from './fund.dto';
import { FundEntity } from './fund.entity';

export interface HolderView {
  id: string;
  displayName: string;
  organisationId: string;
}

/** A fund as the service reads it: the row, its balances, its partners' names and its holders. */
export interface FundView {
  fund: FundEntity;
  balances: FundBalances;
  organisationNames: Map<string, string>;
  holders: HolderView[];
}

export interface FundContribution extends ContributeResult {
  organisationName: string;
}

export interface FundTransfer {
  fromFundId: string;
  toFundId: string;
  amount: Dec;
  note: string;
  result: TransferResult;
}

export interface EntryPage {
  items: PostedEntry[];
  next: string | null;
}

export const mapBalances = (b: FundBalances): BalancesDto => ({
  budget: moneyString(b.budget),
  committed: moneyString(b.committed),
  spent: moneyString(b.spent),
  available: moneyString(b.available),
});

export const mapFundSummary = (f: FundEntity, b: FundBalances): FundSummaryDto => ({
  id: f.id,
  name: f.name,
  periodStart: f.periodStart,
  periodEnd: f.periodEnd,
  ...mapBalances(b),
});

export const mapFund = ({ fund: f, balances: b, organisationNames, holders }: FundView): FundDto => ({
  ...mapFundSummary(f, b),
  rules: {
    requesterMandate: moneyString(f.requesterMandate),
    singleApproverLimit: moneyString(f.singleApproverLimit),
    personCapPerYear: moneyString(f.personCapPerYear),
    urgentDecisionHours: f.urgentDecisionHours,
    decisionWorkingDays: f.decisionWorkingDays,
    deadweight: f.deadweightDefault.toFixed(),
    attribution: f.attributionDefault.toFixed(),
    dropOff: f.dropOff.toFixed(),
    discountRate: f.discountRate.toFixed(),
    horizonYears: f.horizonYears,
  },
  transferred: moneyString(b.transferred),
  contributions: b.contributions
    .map((c) => ({ organisationId: c.organisationId, organisationName: organisationNames.get(c.organisationId) ?? '', amount: moneyString(c.amount) }))
    .sort((x, y) => x.organisationName.localeCompare(y.organisationName, 'nl')),
  holders: holders.map((h): FundHolderDto => ({ id: h.id, displayName: h.displayName, organisationId: h.organisationId })),
  createdAt: f.createdAt.toISOString(),
});

export const mapContribution = (c: ContributionEntity, organisationName: string, entryId: string): ContributionDto => ({
  id: c.id,
  fundId: c.fundId,
  organisationId: c.organisationId,
  organisationName,
  amount: moneyString(c.amount),
  note: c.note,
  effectiveDate: c.effectiveDate,
  entryId,
  createdAt: c.createdAt.toISOString(),
});

export const mapContributionResponse = (c: FundContribution): ContributionResponseDto => ({
  contribution: mapContribution(c.contribution, c.organisationName, c.entry.id),
  balances: mapBalances(c.balances),
});

export const mapTransfer = (t: FundTransfer): TransferResponseDto => ({
  fromFundId: t.fromFundId,
  toFundId: t.toFundId,
  amount: moneyString(t.amount),
  note: t.note,
  fromEntryId: t.result.from.entry.id,
  toEntryId: t.result.to.entry.id,
  from: mapBalances(t.result.from.balances),
  to: mapBalances(t.result.to.balances),
});

export const mapEntry = (e: PostedEntry): JournalEntryDto => ({
  id: e.id,
  chainSeq: e.chainSeq,
  kind: e.kind,
  effectiveDate: e.effectiveDate,
  recordedAt: e.recordedAt.toISOString(),
  actorId: e.actorId,
  requestId: e.requestId,
  contributionId: e.contributionId,
  paymentId: e.paymentId,
  reversesEntryId: e.reversesEntryId,
  memo: e.memo,
  postings: e.postings.map((p) => ({ account: p.code, amount: moneyString(p.amount) })),
  prevHash: e.prevHash,
  hash: e.hash,
});

export const mapEntryPage = (page: EntryPage): JournalEntryPageDto => ({ items: page.items.map(mapEntry), next: page.next });

export const mapFundPage = (page: { items: { fund: FundEntity; balances: FundBalances }[]; next: string | null }): FundPageDto => ({
  items: page.items.map((i) => mapFundSummary(i.fund, i.balances)),
  next: page.next,
});
