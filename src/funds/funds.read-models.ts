import { Global, Injectable, Module } from '@nestjs/common';
import { In } from 'typeorm';
import { FundMethodsReader } from '../cost-comparison/fund-methods.reader';
import type { ComparisonMethod } from '../cost-comparison/method';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from './fund.entity';

/** The funds feature's answer to FundMethodsReader: each fund's cost-comparison settings, in one query. */
@Injectable()
export class FundMethodsReadModel extends FundMethodsReader {
  constructor(private readonly tx: TransactionRunner) {
    super();
  }

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

/** What other features read of funds without importing the funds module. Global, like RequestsReadModule. */
@Global()
@Module({
  providers: [{ provide: FundMethodsReader, useClass: FundMethodsReadModel }],
  exports: [FundMethodsReader],
})
export class FundsReadModule {}
