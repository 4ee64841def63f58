import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';

/**
 * The funds a report or an export covers, who holds them, and the read-only snapshot every report
 * reads in. Uses the caller's transaction (TransactionRunner), like every report read model.
 */
@Injectable()
export class ReportFundsReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Inside a report's transaction: one consistent, read-only snapshot for all of its queries. */
  async useSnapshot(): Promise<void> {
    await this.m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  /** The funds with these ids, or all funds when `ids` is null; ordered by name. */
  findFunds(ids: readonly string[] | null): Promise<FundEntity[]> {
    const qb = this.m.getRepository(FundEntity).createQueryBuilder('f').orderBy('f.name', 'ASC');
    if (ids) qb.where('f.id = ANY(:ids)', { ids: [...ids] });
    return qb.getMany();
  }

  /** A fund by id, or by name (exact first, then ignoring case); for the command line. */
  async findFundByRef(ref: string): Promise<FundEntity | null> {
    const repo = this.m.getRepository(FundEntity);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
      const byId = await repo.findOneBy({ id: ref });
      if (byId) return byId;
    }
    const exact = await repo.findOneBy({ name: ref });
    if (exact) return exact;
    const loose = await repo.createQueryBuilder('f').where('lower(f.name) = lower(:ref)', { ref }).getMany();
    return loose.length === 1 ? loose[0] : null;
  }

  /** Funds this user holds as budget holder. */
  async heldFundIds(userId: string): Promise<string[]> {
    const rows: { fund_id: string }[] = await this.m.query('SELECT fund_id FROM fund_holders WHERE user_id = $1', [userId]);
    return rows.map((r) => r.fund_id);
  }
}
