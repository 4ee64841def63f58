import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { ComparisonMethod } from './method';

/** The comparison method each fund is set to (its default shares, drop-off, rate and horizon). */
@Injectable()
export class FundMethodsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async methodsOf(fundIds: readonly string[]): Promise<Map<string, ComparisonMethod>> {
    const ids = [...new Set(fundIds)];
    if (ids.length === 0) return new Map();
    const funds = await this.tx.manager.getRepository(FundEntity).find({
      select: { id: true, deadweightDefault: true, attributionDefault: true, dropOff: true, discountRate: true, horizonYears: true },
      where: { id: In(ids) },
    });
    return new Map(funds.map((f) => [f.id, fundMethod(f)]));
  }
}

/** A fund's settings as a ComparisonMethod. */
export function fundMethod(
  f: Pick<FundEntity, 'deadweightDefault' | 'attributionDefault' | 'dropOff' | 'discountRate' | 'horizonYears'>,
): ComparisonMethod {
  return {
    deadweight: f.deadweightDefault.toFixed(),
    attribution: f.attributionDefault.toFixed(),
    dropOff: f.dropOff.toFixed(),
    discountRate: f.discountRate.toFixed(),
    horizonYears: f.horizonYears,
  };
}
