import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CasesModule } from '../cases/cases.module';
import { CostComparisonModule } from '../cost-comparison/cost-comparison.module';
import { LedgerModule } from '../ledger/ledger.module';
import { FundsModule } from '../funds/funds.module';
import { UsersModule } from '../users/users.module';
import { RequestDecisionsService } from './request-decisions.service';
import { RequestDraftsService } from './request-drafts.service';
import { RequestOutcomesService } from './request-outcomes.service';
import { RequestPaymentsService } from './request-payments.service';
import { RequestQueriesService } from './request-queries.service';
import { RequestWorkflow } from './request-workflow';
import { RequestsController } from './requests.controller';
import { RequestsRepository } from './requests.repository';
import { RequestStepAnswer } from './request-step-answer';
import { RequestStepRepository } from './request-step.repository';
import { RequestSummariesRepository } from './request-summaries.repository';

/** Spending requests and the approval workflow (mandates, four-eyes, deadlines, audit trail). */
@Module({
  imports: [AccessModule, CasesModule, FundsModule, LedgerModule, CostComparisonModule, UsersModule],
  controllers: [RequestsController],
  providers: [
    RequestsRepository,
    RequestStepRepository,
    RequestStepAnswer,
    RequestSummariesRepository,
    RequestWorkflow,
    RequestDraftsService,
    RequestDecisionsService,
    RequestPaymentsService,
    RequestOutcomesService,
    RequestQueriesService,
  ],
  exports: [RequestWorkflow, RequestQueriesService, RequestDraftsService, RequestDecisionsService, RequestPaymentsService, RequestOutcomesService],
})
export class RequestsModule {}
