import { AccessModule } from './access/access.module';
import { RequestsReadModule } from './requests/requests.read-models';
import { FundsReadModule } from './funds/funds.read-models';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessLogModule } from './access-log/access-log.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { ProblemFilter } from './common/error.filter';
import { ConfigModule } from './config/config.module';
import { CostComparisonModule } from './cost-comparison/cost-comparison.module';
import type { AppConfig } from './config/env';
import { DatabaseModule } from './database/database.module';
import { CasesModule } from './cases/cases.module';
import { FundsModule } from './funds/funds.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LedgerModule } from './ledger/ledger.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RequestsModule } from './requests/requests.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PaymentsModule } from './payments/payments.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

export type RuntimeConfig = AppConfig & { sessionSecret: string };

@Module({})
export class AppModule {
  /** The whole application for one database URL (DATABASE_URL or the embedded PGlite). */
  static forRoot(config: RuntimeConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot(databaseUrl, config.dbPoolSize),
        AccessModule,
        AuthModule.forRoot(config),
        AccessLogModule,
        HealthModule,
        OrganisationsModule,
        IdempotencyModule,
        LedgerModule,
        FundsModule,
        CostComparisonModule,
        CasesModule,
        RequestsModule,
        RequestsReadModule,
        PaymentsModule,
        FundsReadModule,
        NotificationsModule,
        UsersModule,
        SeedModule,
        ReportsModule,
        RetentionModule,
        WebModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
