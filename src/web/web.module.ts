import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationsPagesController } from './notifications.pages.controller';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CostComparisonModule } from '../cost-comparison/cost-comparison.module';
import { FundsModule } from '../funds/funds.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReportsModule } from '../reports/reports.module';
import { RequestsModule } from '../requests/requests.module';
import { AdminCataloguePagesController } from './admin-catalogue.pages.controller';
import { AdminPaymentsPagesController } from './admin-payments.pages.controller';
import { AdminUsersPagesController } from './admin-users.pages.controller';
import { ApprovalsPagesController } from './approvals.pages.controller';
import { AuthPagesController } from './auth.pages.controller';
import { FundsPagesController } from './funds.pages.controller';
import { OutcomesPagesController } from './outcomes.pages.controller';
import { ProfessionalPagesController } from './professional.pages.controller';
import { ReportsPagesController } from './reports.pages.controller';
import { RequestFormSupport } from './request-form';
import { RequestsPagesController } from './requests.pages.controller';
import { AdminLedgerPagesController } from './admin-ledger.pages.controller';
import { LedgerModule } from '../ledger/ledger.module';
import { OidcService } from '../oidc/oidc.service';
import { OidcPagesController } from './oidc.pages.controller';
import { WebRequestMiddleware } from './web.middleware';

/**
 * The server-rendered web UI. Page controllers are thin: they parse forms, call the same services
 * as the JSON API and render nunjucks views (setupWeb registers the engine, assets and CSRF).
 */
@Module({
  imports: [LedgerModule, CasesModule, RequestsModule, FundsModule, CostComparisonModule, OrganisationsModule, ReportsModule, NotificationsModule],
  controllers: [
    AuthPagesController,
    ProfessionalPagesController,
    RequestsPagesController,
    OutcomesPagesController,
    ApprovalsPagesController,
    FundsPagesController,
    ReportsPagesController,
    AdminUsersPagesController,
    AdminCataloguePagesController,
    AdminPaymentsPagesController,
    AdminLedgerPagesController,
    NotificationsPagesController,
    OidcPagesController,
  ],
  providers: [RequestFormSupport, OidcService],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebRequestMiddleware).forRoutes('*');
  }
}
