import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FundsModule } from '../funds/funds.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PaymentsModule } from '../payments/payments.module';
import { RequestsModule } from '../requests/requests.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [OrganisationsModule, UsersModule, FundsModule, CasesModule, RequestsModule, PaymentsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
