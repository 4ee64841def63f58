import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';
import { RowHydrator } from './row-hydrator';
import { TransactionRunner } from './transaction-runner';

/** The TypeORM connection for a given URL (DATABASE_URL or the embedded PGlite) and the transaction runner. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize = 10): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url, poolSize), retryAttempts: 0 })],
      providers: [TransactionRunner, RowHydrator],
      exports: [TransactionRunner, RowHydrator],
    };
  }
}
