import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommonModule } from '../../src/common/common.module';
import { Dec, moneyString } from '../../src/common/money';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/env';
import { DatabaseModule } from '../../src/database/database.module';
import { FundEntity } from '../../src/funds/fund.entity';
import { FundsModule } from '../../src/funds/funds.module';
import { LedgerModule } from '../../src/ledger/ledger.module';
import { LedgerService } from '../../src/ledger/ledger.service';
import type { FundBalances } from '../../src/ledger/ledger.types';
import { OrganisationEntity, OrganisationKind } from '../../src/organisations/organisation.entity';
import { Role, UserEntity } from '../../src/users/user.entity';

/** Real rows with defaults for ledger and funds tests: `await make.fund({ contributions: { [org.id]: '1000.00' } })`. */
export function ledgerFactory(ds: DataSource, ledger: LedgerService) {
  const unique = () => randomUUID().slice(0, 8);
  return {
    async organisation(values: { name?: string; kind?: OrganisationKind } = {}): Promise<OrganisationEntity> {
      return ds.getRepository(OrganisationEntity).save({ name: values.name ?? `Partner ${unique()}`, kind: values.kind ?? 'municipality' });
    },

    async user(values: { organisationId: string; roles?: Role[]; email?: string }): Promise<UserEntity> {
      return ds.getRepository(UserEntity).save({
        email: values.email ?? `user-${unique()}@test.local`,
        displayName: `Test ${unique()}`,
        passwordHash: 'x',
        organisationId: values.organisationId,
        roles: values.roles ?? ['professional'],
        mandate: null,
      });
    },

    /** A fund with its accounts, and optionally contributions per organisation id. */
    async fund(values: { name?: string; contributions?: Record<string, string> } = {}): Promise<FundEntity> {
      const fund = await ds.getRepository(FundEntity).save({
        name: values.name ?? `Fonds ${unique()}`,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        requesterMandate: new Dec('250.00'),
        singleApproverLimit: new Dec('2500.00'),
        personCapPerYear: new Dec('10000.00'),
        createdBy: null,
      });
      await ledger.openAccounts(fund.id);
      for (const [organisationId, amount] of Object.entries(values.contributions ?? {})) {
        await ledger.contribute({ fundId: fund.id, organisationId, amount, note: 'startbijdrage', actorId: null, effectiveDate: '2026-01-01' });
      }
      return fund;
    },
  };
}

export type LedgerFactory = ReturnType<typeof ledgerFactory>;

/** The module set of the ledger and funds integration tests, on one database. */
export function ledgerTestingModule(url: string, poolSize = 10): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test' })), CommonModule, DatabaseModule.forRoot(url, poolSize), LedgerModule, FundsModule],
  }).compile();
}

/** Balances as decimal strings, the way tests compare them. */
export const balanceStrings = (b: FundBalances) => ({
  budget: moneyString(b.budget),
  committed: moneyString(b.committed),
  spent: moneyString(b.spent),
  available: moneyString(b.available),
});
