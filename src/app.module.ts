import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { ProblemFilter } from './common/error.filter';
import { ConfigModule } from './config/config.module';
import { CostComparisonModule } from './cost-comparison/cost-comparison.module';
import type { AppConfig } from './config/env';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';

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
        AuthModule.forRoot(config),
        HealthModule,
        OrganisationsModule,
        CostComparisonModule,
        UsersModule,
        SeedModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
