import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { BarrierTagEntity } from './barrier-tag.entity';

/** The configurable list of system barriers (systeemknelpunten). */
@Injectable()
export class BarrierTagsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findActive(): Promise<BarrierTagEntity[]> {
    return this.tx.manager
      .getRepository(BarrierTagEntity)
      .find({ where: { active: true }, order: { position: 'ASC', key: 'ASC' } });
  }
}
