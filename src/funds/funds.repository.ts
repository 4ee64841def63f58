import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan, Not } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
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

  activeUsers(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.m.find(UserEntity, { where: { id: In(ids), active: true } }) : Promise.resolve([]);
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

  async isHolder(fundId: string, userId: string): Promise<boolean> {
    return (await this.m.count(FundHolderEntity, { where: { fundId, userId } })) > 0;
  }

  async organisationNames(ids: string[]): Promise<Map<string, string>> {
    const orgs = ids.length ? await this.m.find(OrganisationEntity, { where: { id: In(ids) } }) : [];
    return new Map(orgs.map((o) => [o.id, o.name]));
  }
}
