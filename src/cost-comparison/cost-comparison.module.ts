import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { BarrierTagsRepository } from './barrier-tags.repository';
import { BarriersController } from './barriers.controller';
import { BarriersService } from './barriers.service';
import { DEFAULT_CONFIDENCE_BANDS } from './comparison';
import { ComparisonSummaryController } from './comparison-summary.controller';
import { ComparisonSummaryService } from './comparison-summary.service';
import { CONFIDENCE_BANDS, CostComparisonService, CPI_SERIES } from './cost-comparison.service';
import { CostItemsController } from './cost-items.controller';
import { CostItemsRepository } from './cost-items.repository';
import { CostItemsService } from './cost-items.service';
import { loadCpiSeries } from './cpi';

/**
 * The unit-cost catalogue, the barrier tags and the cost comparison. The funded requests the
 * summary adds up come from the requests feature (ComparisonSummaryRepository, RequestsReadModule).
 * The CPI series is read once at start-up; the confidence bands can be replaced by overriding CONFIDENCE_BANDS.
 */
@Module({
  imports: [AccessModule],
  controllers: [CostItemsController, BarriersController, ComparisonSummaryController],
  providers: [
    CostItemsRepository,
    BarrierTagsRepository,
    CostItemsService,
    BarriersService,
    CostComparisonService,
    ComparisonSummaryService,
    { provide: CPI_SERIES, useFactory: () => loadCpiSeries() },
    { provide: CONFIDENCE_BANDS, useValue: DEFAULT_CONFIDENCE_BANDS },
  ],
  exports: [CostComparisonService, CostItemsService, BarriersService, ComparisonSummaryService],
})
export class CostComparisonModule {}
