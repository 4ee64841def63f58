import { Module } from '@nestjs/common';
import { CostComparisonModule } from '../cost-comparison/cost-comparison.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ExportsController } from './exports/exports.controller';
import { ExportsService } from './exports/exports.service';
import { JustificationDataService } from './justification/justification-data.service';
import { ReportReferenceData } from './report-reference-data';
import { ReportRenderer } from './steering/report-renderer';
import { ReportsController } from './reports.controller';
import { ReportFundsReadModel } from './report-funds.read-model';
import { ReportReferenceReadModel } from './report-reference.read-model';
import { ReportRequestsReadModel } from './report-requests.read-model';
import { ReportsService } from './reports.service';
import { ExportsReadModel } from './exports/exports.read-model';
import { JustificationReadModel } from './justification/justification.read-model';
import { SteeringReportReadModel } from './steering/steering-report.read-model';
import { SteeringReportDataService } from './steering/steering-report-data.service';

/**
 * The reports on demand: the steering-group PDF, the justification PDF per request and the finance
 * CSV export. ReportsService is exported for the web UI and the command line (report-cli.ts).
 */
@Module({
  imports: [LedgerModule, CostComparisonModule],
  controllers: [ReportsController, ExportsController],
  providers: [
    // read models: the only places that query for the reports
    ReportFundsReadModel,
    ReportRequestsReadModel,
    ReportReferenceReadModel,
    SteeringReportReadModel,
    JustificationReadModel,
    ExportsReadModel,
    ReportReferenceData,
    SteeringReportDataService,
    JustificationDataService,
    ReportRenderer,
    ReportsService,
    ExportsService,
  ],
  exports: [ReportsService, ExportsService],
})
export class ReportsModule {}
