import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan, Not } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity, FundHolderEntity } from './fund.entity';
import type { HolderView } from './fund.mapper';

@Injectable()
export class FundsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Funds ordered by name (unique), after `afterName`. */
  page(limit: number, afterName?: string): Promise<FundEntity[]> {
    return this.m.find(FundEntity, { where: afterName === undefined ? {} : { name: MoreThan(afterName) }, order: { name: 'ASC' }, take: limit });
  }

  findById(id: string): Promise<FundEntity | null> {
    return this.m.findOne(FundEntity, { where: { id } });
  }

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.m.find(FundEntity, { select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(rows.map((f) => [f.id, f.name]));
  }

  findByName(name: string): Promise<FundEntity | null> {
    return this.m.findOne(FundEntity, { where: { name } });
  }

  insert(values: Omit<FundEntity, 'id' | 'createdAt' | 'chainSeq' | 'chainHead'>): Promise<FundEntity> {
    return this.m.save(this.m.create(FundEntity, values));
  }

  async updateRules(fundId: string, values: Pick<FundEntity, 'requesterMandate' | 'singleApproverLimit' | 'personCapPerYear' | 'urgentDecisionHours' | 'decisionWorkingDays'>): Promise<void> {
    await this.m.update(FundEntity, { id: fundId }, values);
  }

  /** The fund's holders become exactly `userIds`. */
  async replaceHolders(fundId: string, userIds: string[]): Promise<void> {
    await this.m.delete(FundHolderEntity, userIds.length ? { fundId, userId: Not(In(userIds)) } : { fundId });
    await this.addHolders(fundId, userIds);
  }

  async addHolders(fundId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.m.createQueryBuilder().insert().into(FundHolderEntity).values(userIds.map((userId) => ({ fundId, userId }))).orIgnore().execute();
  }

  /** Names and holders of several funds in one query (the approver queue's four-eyes checks). */
  async namesAndHolders(fundIds: readonly string[]): Promise<Map<string, { name: string; holders: HolderView[] }>> {
    const unique = [...new Set(fundIds)];
    if (unique.length === 0) return new Map();
    const rows = await preparedQuery<{ fund_id: string; name: string; id: string | null; display_name: string | null; organisation_id: string | null }>(
      this.m,
      `SELECT f.id AS fund_id, f.name, u.id, u.display_name, u.organisation_id
         FROM funds f LEFT JOIN fund_holders h ON h.fund_id = f.id LEFT JOIN users u ON u.id = h.user_id
        WHERE f.id = ANY($1::uuid[])
        ORDER BY f.id, u.display_name, u.id`,
      [unique],
    );
    const out = new Map<string, { name: string; holders: HolderView[] }>();
    for (const r of rows) {
      const fund = out.get(r.fund_id) ?? { name: r.name, holders: [] };
      if (r.id !== null) fund.holders.push({ id: r.id, displayName: r.display_name ?? '', organisationId: r.organisation_id ?? '' });
      out.set(r.fund_id, fund);
    }
    return out;
  }

  async holders(fundId: string): Promise<HolderView[]> {
    const rows: { id: string; display_name: string; organisation_id: string }[] = await this.m.query(
      `SELECT u.id, u.display_name, u.organisation_id
         FROM fund_holders h JOIN users u ON u.id = h.user_id
        WHERE h.fund_id = $1
        ORDER BY u.display_name, u.id`,
      [fundId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, organisationId: r.organisation_id }));
  }
}
