import type { TransactionRunner } from '../database/transaction-runner';
import type { ReportFundsReadModel } from './report-funds.read-model';

/** ASCII part of a download's file name: `Doorbraakfonds Zuidoost 2026` → `doorbraakfonds-zuidoost-2026`. */
export function slug(value: string): string {
  const s = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'fonds';
}

/**
 * Run `work` in one read-only, repeatable-read transaction, so every query of a report or an export
 * sees the same moment even while approvals and payments go on; inside a caller's transaction it
 * simply joins that one.
 */
export function readSnapshot<T>(tx: TransactionRunner, repo: ReportFundsReadModel, work: () => Promise<T>): Promise<T> {
  if (tx.inTransaction) return work();
  return tx.run(async () => {
    await repo.useSnapshot();
    return work();
  });
}
