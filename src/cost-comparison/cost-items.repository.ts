import { Injectable } from '@nestjs/common';
import { In, IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { CostItemEntity } from './cost-item.entity';

/** Versioned unit costs. "Current" is the one version per key that is not superseded. */
@Injectable()
export class CostItemsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo(): Repository<CostItemEntity> {
    return this.tx.manager.getRepository(CostItemEntity);
  }

  findCurrent(): Promise<CostItemEntity[]> {
    return this.repo.find({ where: { supersededAt: IsNull() }, order: { key: 'ASC' } });
  }

  findAllVersions(): Promise<CostItemEntity[]> {
    return this.repo.find({ order: { key: 'ASC', version: 'ASC' } });
  }

  /** The current versions of these keys, in one query; unknown keys are simply absent. */
  findCurrentByKeys(keys: readonly string[]): Promise<CostItemEntity[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.repo.find({ where: { key: In([...new Set(keys)]), supersededAt: IsNull() } });
  }

  /**
   * The current version of a key, row-locked for the rest of the transaction so that two admins
   * changing the same item one after the other build on each other's version.
   */
  findCurrentByKeyForUpdate(key: string): Promise<CostItemEntity | null> {
    return this.repo.findOne({ where: { key, supersededAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** Exact catalogue versions by id (what request lines point at), in one query. */
  findVersionsByIds(ids: readonly string[]): Promise<CostItemEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.find({ where: { id: In([...new Set(ids)]) } });
  }

  async keyExists(key: string): Promise<boolean> {
    return this.repo.exists({ where: { key } });
  }

  insert(item: Omit<CostItemEntity, 'id' | 'createdAt' | 'supersededAt'>): Promise<CostItemEntity> {
    return this.repo.save(this.repo.create({ ...item, supersededAt: null }));
  }

  async markSuperseded(id: string, at: Date): Promise<void> {
    await this.repo.update({ id, supersededAt: IsNull() }, { supersededAt: at });
  }
}
