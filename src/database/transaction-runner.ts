import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * The single transaction mechanism: services declare the boundary with `run`, repositories use
 * `manager`, which is the active transaction's EntityManager when there is one. Nested `run` calls
 * join the outer transaction, so an idempotency record and the money movement commit together.
 *
 * Everything inside a transaction must go through `manager`: on the embedded database all
 * connections share one PGlite, and a second connection waiting inside a transaction would stall.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return current.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (current.getStore()) return work();
    // READ COMMITTED always; stated only when the database's default is another level, because
    // TypeORM sends the level as a second statement (START TRANSACTION, then SET TRANSACTION)
    if (await this.readCommittedByDefault()) return this.dataSource.transaction((manager) => current.run(manager, work));
    return this.dataSource.transaction('READ COMMITTED', (manager) => current.run(manager, work));
  }

  private defaultLevel: Promise<boolean> | null = null;

  /** Whether a transaction started without a level is READ COMMITTED here; asked once. */
  private readCommittedByDefault(): Promise<boolean> {
    this.defaultLevel ??= this.dataSource.query(`SELECT current_setting('default_transaction_isolation') AS level`).then(
      (rows: { level: string }[]) => rows[0]?.level === 'read committed',
      (e: unknown) => {
        this.defaultLevel = null;
        throw e;
      },
    );
    return this.defaultLevel;
  }
}
