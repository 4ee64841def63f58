import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadCatalogueSeed } from '../src/cost-comparison/catalogue-csv';

/** The system barriers a request can be tagged with; admins can deactivate or add tags later. */
const BARRIER_TAGS: readonly { key: string; labelNl: string; labelEn: string }[] = [
  { key: 'waiting_list', labelNl: 'Wachtlijst', labelEn: 'Waiting list' },
  { key: 'no_suitable_housing', labelNl: 'Geen passende woning', labelEn: 'No suitable housing' },
  { key: 'benefit_stopped', labelNl: 'Uitkering stopgezet', labelEn: 'Benefit stopped' },
  { key: 'debts', labelNl: 'Schulden', labelEn: 'Debts' },
  { key: 'rules_protocol', labelNl: 'Regels of protocol', labelEn: 'Rules or protocol' },
  { key: 'no_fitting_provision', labelNl: 'Geen passende voorziening', labelEn: 'No fitting provision' },
  { key: 'eligibility', labelNl: 'Valt tussen wal en schip (niet-ontvankelijk)', labelEn: 'Falls between the cracks (not eligible)' },
  {
    key: 'funding_split',
    labelNl: 'Financiering versnipperd (verkeerde portemonnee)',
    labelEn: 'Fragmented funding (wrong pocket)',
  },
  { key: 'privacy_information', labelNl: 'Informatiedeling / privacy', labelEn: 'Information sharing / privacy' },
  { key: 'other', labelNl: 'Anders', labelEn: 'Other' },
];

/**
 * Version 1 of the shipped unit-cost catalogue (src/cost-comparison/data/unit-costs.csv) and the
 * barrier tags. Idempotent: rows that already exist are left alone, so a database that got the
 * catalogue some other way is not touched. Later changes to the catalogue are new versions
 * (admin API or a new migration), never edits of these rows: requests keep the version they were
 * priced with.
 */
export class SeedCostCatalogue1795328034148 implements MigrationInterface {
  name = 'SeedCostCatalogue1795328034148';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const item of loadCatalogueSeed()) {
      await queryRunner.query(
        `INSERT INTO "cost_items" ("key", "version", "label_nl", "label_en", "unit", "amount", "price_year",
           "bearer_key", "bearer_label_nl", "kind", "confidence", "confidence_note", "source", "url")
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT ("key", "version") DO NOTHING`,
        [
          item.key, item.labelNl, item.labelEn, item.unit, item.amount, item.priceYear, item.bearerKey,
          item.bearerLabelNl, item.kind, item.confidence, item.confidenceNote, item.source, item.url,
        ],
      );
    }
    for (const [index, tag] of BARRIER_TAGS.entries()) {
      await queryRunner.query(
        `INSERT INTO "barrier_tags" ("key", "label_nl", "label_en", "position", "active")
         VALUES ($1, $2, $3, $4, true)
         ON CONFLICT ("key") DO NOTHING`,
        [tag.key, tag.labelNl, tag.labelEn, (index + 1) * 10],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Only the seeded version 1 rows (no creator); versions an admin added stay.
    const keys = loadCatalogueSeed().map((item) => item.key);
    await queryRunner.query(
      `DELETE FROM "cost_items" WHERE "version" = 1 AND "created_by" IS NULL AND "key" = ANY($1::text[])`,
      [keys],
    );
    await queryRunner.query(`DELETE FROM "barrier_tags" WHERE "key" = ANY($1::text[])`, [BARRIER_TAGS.map((t) => t.key)]);
  }
}
