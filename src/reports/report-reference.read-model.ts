import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Confidence } from '../cost-comparison/comparison.types';
import { TransactionRunner } from '../database/transaction-runner';

export interface CatalogueVersionRow {
  id: string;
  key: string;
  version: number;
  labelNl: string;
  labelEn: string;
  amount: string;
  priceYear: number | null;
  source: string;
  url: string | null;
  confidence: Confidence;
}

/** The catalogue versions and barrier tags both reports print next to the figures. Uses the caller's transaction (TransactionRunner), like every report read model. */
@Injectable()
export class ReportReferenceReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Exact catalogue versions (what the request lines point at). */
  catalogueVersions(ids: readonly string[]): Promise<CatalogueVersionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m.query(
      `SELECT id, key, version, label_nl AS "labelNl", label_en AS "labelEn", amount::text AS amount, price_year AS "priceYear",
              source, url, confidence
         FROM cost_items
        WHERE id = ANY($1::uuid[])
        ORDER BY key, version`,
      [[...new Set(ids)]],
    );
  }

  /** Every barrier tag, active or not: old requests keep the tags they were given. */
  barrierLabels(): Promise<{ key: string; labelNl: string; labelEn: string }[]> {
    return this.m.query('SELECT key, label_nl AS "labelNl", label_en AS "labelEn" FROM barrier_tags ORDER BY position, key');
  }
}
