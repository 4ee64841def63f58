import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { AccessService } from '../access/access.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { DEFAULT_METHOD } from '../cost-comparison/method';
import { TransactionRunner } from '../database/transaction-runner';
import { LedgerService } from '../ledger/ledger.service';
import type { FundBalances } from '../ledger/ledger.types';
import { CreateContributionDto, CreateFundDto, CreateTransferDto, UpdateFundDto } from './fund.dto';
import { FundEntity } from './fund.entity';
import type { EntryPage, FundContribution, FundTransfer, FundView, HolderView } from './fund.mapper';
import { FundErrors } from './fund.errors';
import { FundsRepository } from './funds.repository';

const DEFAULT_LIMIT = 50;

const encodeCursor = (name: string): string => Buffer.from(JSON.stringify({ n: name }), 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const value = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { n?: unknown }).n;
    if (typeof value === 'string') return value;
  } catch {
    /* fall through */
  }
  throw DomainError.invalidField('cursor', 'must be the `next` value of a previous page', 'INVALID', 'query');
}

/** Funds: set-up by the administrator and the read side for everyone; money movements go through LedgerService. */
@Injectable()
export class FundsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: FundsRepository,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(limit = DEFAULT_LIMIT, cursor?: string): Promise<{ items: { fund: FundEntity; balances: FundBalances }[]; next: string | null }> {
    const rows = await this.repo.page(limit + 1, cursor === undefined ? undefined : decodeCursor(cursor));
    const page = rows.slice(0, limit);
    const balances = await this.ledger.balancesOfFunds(page.map((f) => f.id));
    return {
      items: page.map((fund) => ({ fund, balances: balances.get(fund.id) as FundBalances })),
      next: rows.length > limit ? encodeCursor(page[page.length - 1].name) : null,
    };
  }

  /** The fund row, or null; for other features that need its name or rules (never its balances). */
  findById(id: string): Promise<FundEntity | null> {
    return this.repo.findById(id);
  }

  /** Name and holders of each fund (no balances), for the four-eyes checks of a queue. */
  namesAndHolders(ids: readonly string[]): Promise<Map<string, { name: string; holders: HolderView[] }>> {
    return this.repo.namesAndHolders(ids);
  }

  /** Names of funds by id, for display. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    return this.repo.names(ids);
  }

  async get(id: string): Promise<FundView> {
    const fund = await this.repo.findById(id);
    if (!fund) throw DomainError.notFound('fund', id);
    const balances = await this.ledger.balances(id);
    const organisationNames = await this.organisations.names(balances.contributions.map((c) => c.organisationId));
    return { fund, balances, organisationNames, holders: await this.repo.holders(id) };
  }

  async create(dto: CreateFundDto, actorId: string | null): Promise<FundView> {
    if (dto.periodEnd < dto.periodStart) throw DomainError.invalidField('periodEnd', `must not be before periodStart (${dto.periodStart})`);
    const rules = dto.rules;
    if (new Dec(rules.requesterMandate).gt(rules.singleApproverLimit)) {
      throw DomainError.invalidField('rules.requesterMandate', `must not be above rules.singleApproverLimit (${rules.singleApproverLimit})`);
    }
    const holderIds = [...new Set(dto.holderIds ?? [])];
    return this.tx.run(async () => {
      if (await this.repo.findByName(dto.name)) throw FundErrors.nameTaken(dto.name);
      const found = new Set((await this.users.activeByIds(holderIds)).map((u) => u.id));
      const unknown = holderIds.filter((id) => !found.has(id));
      if (unknown.length) throw DomainError.invalidField('holderIds', `no active user ${unknown.join(', ')}`, 'UNKNOWN_USER');
      const fund = await this.repo.insert({
        name: dto.name,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        requesterMandate: new Dec(rules.requesterMandate),
        singleApproverLimit: new Dec(rules.singleApproverLimit),
        personCapPerYear: new Dec(rules.personCapPerYear),
        urgentDecisionHours: rules.urgentDecisionHours,
        decisionWorkingDays: rules.decisionWorkingDays ?? this.config.decisionWorkingDays,
        deadweightDefault: new Dec(rules.deadweight ?? DEFAULT_METHOD.deadweight),
        attributionDefault: new Dec(rules.attribution ?? DEFAULT_METHOD.attribution),
        dropOff: new Dec(rules.dropOff ?? DEFAULT_METHOD.dropOff),
        discountRate: new Dec(rules.discountRate ?? DEFAULT_METHOD.discountRate),
        horizonYears: rules.horizonYears ?? DEFAULT_METHOD.horizonYears,
        createdBy: actorId,
      });
      await this.ledger.openAccounts(fund.id);
      await this.repo.addHolders(fund.id, holderIds);
      return this.get(fund.id);
    });
  }

  /**
   * Edit a fund's rules and budget holders. Under the fund lock, so that an approval running at the
   * same moment sees either the old or the new rules; requests already submitted keep their tier.
   */
  async update(id: string, dto: UpdateFundDto): Promise<FundView> {
    const rules = dto.rules;
    if (new Dec(rules.requesterMandate).gt(rules.singleApproverLimit)) {
      throw DomainError.invalidField('rules.requesterMandate', `must not be above rules.singleApproverLimit (${rules.singleApproverLimit})`);
    }
    const holderIds = [...new Set(dto.holderIds)];
    return this.ledger.withFund(id, async ({ fund }) => {
      const found = new Set((await this.users.activeByIds(holderIds)).map((u) => u.id));
      const unknown = holderIds.filter((h) => !found.has(h));
      if (unknown.length) throw DomainError.invalidField('holderIds', `no active user ${unknown.join(', ')}`, 'UNKNOWN_USER');
      await this.repo.updateRules(fund.id, {
        requesterMandate: new Dec(rules.requesterMandate),
        singleApproverLimit: new Dec(rules.singleApproverLimit),
        personCapPerYear: new Dec(rules.personCapPerYear),
        urgentDecisionHours: rules.urgentDecisionHours,
        decisionWorkingDays: rules.decisionWorkingDays ?? fund.decisionWorkingDays,
      });
      await this.repo.replaceHolders(fund.id, holderIds);
      return this.get(fund.id);
    });
  }

  async contribute(fundId: string, dto: CreateContributionDto, actorId: string | null): Promise<FundContribution> {
    return this.tx.run(async () => {
      const result = await this.ledger.contribute({ fundId, organisationId: dto.organisationId, amount: dto.amount, note: dto.note, actorId, effectiveDate: dto.effectiveDate });
      const names = await this.organisations.names([dto.organisationId]);
      return { ...result, organisationName: names.get(dto.organisationId) ?? '' };
    });
  }

  async transfer(fromFundId: string, dto: CreateTransferDto, actorId: string | null): Promise<FundTransfer> {
    const result = await this.ledger.transfer({ fromFundId, toFundId: dto.toFundId, amount: dto.amount, actorId, note: dto.note });
    return { fromFundId, toFundId: dto.toFundId, amount: new Dec(dto.amount), note: dto.note, result };
  }

  /** The fund's journal, newest first: for administrators and the fund's own budget holders. */
  async entries(fundId: string, user: AuthUser, limit = DEFAULT_LIMIT, cursor?: string): Promise<EntryPage> {
    if (!(await this.repo.findById(fundId))) throw DomainError.notFound('fund', fundId);
    if (!hasRole(user, 'admin') && !(await this.access.isFundHolder(user, fundId))) throw FundErrors.journalNotAllowed();
    const rows = await this.ledger.entries(fundId, limit + 1, cursor);
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? items[items.length - 1].chainSeq : null };
  }
}
