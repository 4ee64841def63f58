import type { Locale } from '../common/locale';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Dec } from '../common/money';
import type { Confidence } from '../cost-comparison/comparison.types';
import { CONFIDENCE_BANDS, CPI_SERIES } from '../cost-comparison/cost-comparison.service';
import type { CpiSeries } from '../cost-comparison/cpi';
import type { ReportCatalogueItem } from './report-data.types';
import { ReportReferenceReadModel } from './report-reference.read-model';

/**
 * What both reports print next to the figures: barrier labels, the catalogue items with their
 * sources, the confidence bands and the CPI series' last year (the remark itself: report-cpi-note.ts). The bands and the CPI series are the very
 * instances CostComparisonService computes with (looked up by token, not copied), so the method
 * appendix always describes the numbers above it.
 */
@Injectable()
export class ReportReferenceData {
  private cached: { bands: Readonly<Record<Confidence, Dec>>; cpi: CpiSeries } | null = null;

  constructor(
    private readonly repo: ReportReferenceReadModel,
    private readonly moduleRef: ModuleRef,
  ) {}

  private get comparisonSettings() {
    this.cached ??= {
      bands: this.moduleRef.get<Readonly<Record<Confidence, Dec>>>(CONFIDENCE_BANDS, { strict: false }),
      cpi: this.moduleRef.get<CpiSeries>(CPI_SERIES, { strict: false }),
    };
    return this.cached;
  }

  async barrierLabels(locale: Locale): Promise<Record<string, string>> {
    const tags = await this.repo.barrierLabels();
    return Object.fromEntries(tags.map((t) => [t.key, locale === 'en' ? t.labelEn : t.labelNl]));
  }

  /** The exact catalogue versions behind these request lines, with their sources. */
  async catalogueItems(costItemIds: readonly string[], locale: Locale): Promise<ReportCatalogueItem[]> {
    const rows = await this.repo.catalogueVersions(costItemIds);
    return rows.map((r) => ({
      key: r.key,
      version: r.version,
      label: locale === 'en' ? r.labelEn : r.labelNl,
      amount: r.amount,
      priceYear: r.priceYear,
      source: r.source,
      url: r.url,
      confidence: r.confidence,
    }));
  }

  /** Half-width of the low/high band per confidence, as decimal strings (`'0.10'`). */
  confidenceBands(): Record<Confidence, string> {
    const { bands } = this.comparisonSettings;
    return { high: bands.high.toFixed(2), medium: bands.medium.toFixed(2), low: bands.low.toFixed(2) };
  }

  /** The last year the CPI series knows. */
  cpiLastYear(): number {
    return this.comparisonSettings.cpi.lastYear;
  }
}
