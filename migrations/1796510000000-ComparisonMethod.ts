import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What avoiding each shipped catalogue item frees for its bearer (src/cost-comparison/comparison.types.ts,
 * BudgetEffect). Frozen here, not read from a data file, so that this migration does the same on
 * every database whatever the data files say later.
 *
 * - cash: the bearer pays per unit (a tariff per day, contact, ride or hour), so a unit avoided is
 *   money not paid out.
 * - capacity: the unit is paid for anyway (prison places, police and professionals on salary,
 *   subsidised social work and shelter places); avoiding it frees time or a place, not money.
 * - none: a societal cost (victim harm, lost productivity, informal care) that no budget pays.
 */
const BUDGET_EFFECTS: Readonly<Record<string, 'cash' | 'capacity' | 'none'>> = {
  detention_day: 'capacity',
  detention_day_nl_space: 'capacity',
  detention_day_juvenile: 'capacity',
  case_meeting: 'capacity',
  police_hour_agent: 'capacity',
  police_e33_incident: 'capacity',
  seh_visit: 'cash',
  ambulance_ride_avg: 'cash',
  ambulance_ride_urgent: 'cash',
  ggz_clinical_day: 'cash',
  ggz_paaz_puk_day: 'cash',
  ggz_specialised_contact: 'cash',
  social_work_contact: 'capacity',
  home_guidance_hour: 'cash',
  wmo_ib_basis_hour: 'cash',
  wmo_ib_plus_hour: 'cash',
  wmo_respite_day: 'cash',
  beschermd_wonen_day_pgb: 'cash',
  beschermd_wonen_intensive_supplement: 'cash',
  shelter_place_year: 'capacity',
  shelter_year_bossche_bond: 'capacity',
  eviction_societal: 'none',
  eviction_societal_longrun: 'none',
  multiproblem_household_year: 'none',
  gp_consult: 'cash',
  hospital_day: 'cash',
  crime_vandalism: 'none',
  crime_disorderly: 'none',
  crime_threat: 'none',
  crime_assault: 'none',
  crime_simple_theft: 'none',
  labour_cost_hour: 'none',
  informal_care_hour: 'none',
};

/**
 * The cost-comparison method: per fund the default deadweight and attribution shares, the yearly
 * drop-off, the real discount rate and the horizon; per route line its years and its own shares;
 * per catalogue item its budget effect. Also corrects one classification error in the shipped
 * catalogue.
 *
 * `eviction_societal` ("kost de maatschappij circa EUR 6.000", a worked example of the societal cost
 * of an eviction) was shipped as a fiscal cost of the housing corporation. It is a societal cost
 * borne by society. The correction is applied to every version of the item, not as a new
 * version: classification is not a price, the amounts stay as they were (so every stored
 * comparison keeps its figures), and an error should not keep counting in the reports of requests
 * priced before the fix. Admin-made versions of other items are left as they are.
 */
export class ComparisonMethod1796510000000 implements MigrationInterface {
  name = 'ComparisonMethod1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "funds" ADD "deadweight_default" numeric(5,4) NOT NULL DEFAULT '0.1'`);
    await queryRunner.query(`ALTER TABLE "funds" ADD "attribution_default" numeric(5,4) NOT NULL DEFAULT '0.8'`);
    await queryRunner.query(`ALTER TABLE "funds" ADD "drop_off" numeric(5,4) NOT NULL DEFAULT '0.2'`);
    await queryRunner.query(`ALTER TABLE "funds" ADD "discount_rate" numeric(6,4) NOT NULL DEFAULT '0.0225'`);
    await queryRunner.query(`ALTER TABLE "funds" ADD "horizon_years" integer NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" ADD "years" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" ADD "deadweight" numeric(5,4)`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" ADD "attribution" numeric(5,4)`);
    await queryRunner.query(`ALTER TABLE "cost_items" ADD "budget_effect" text NOT NULL DEFAULT 'cash'`);
    // Admin-made items get the same default as the DTO: fiscal → cash, societal → none.
    await queryRunner.query(`UPDATE "cost_items" SET "budget_effect" = 'none' WHERE "kind" = 'societal'`);
    for (const [key, effect] of Object.entries(BUDGET_EFFECTS)) {
      await queryRunner.query(`UPDATE "cost_items" SET "budget_effect" = $2 WHERE "key" = $1`, [key, effect]);
    }
    await queryRunner.query(
      `UPDATE "cost_items" SET "kind" = 'societal', "bearer_key" = 'society', "bearer_label_nl" = 'Samenleving', "budget_effect" = 'none'
       WHERE "key" = 'eviction_societal' AND "created_by" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "cost_items" SET "kind" = 'fiscal', "bearer_key" = 'housing_corporation', "bearer_label_nl" = 'Woningcorporatie'
       WHERE "key" = 'eviction_societal' AND "created_by" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "cost_items" DROP COLUMN "budget_effect"`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" DROP COLUMN "attribution"`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" DROP COLUMN "deadweight"`);
    await queryRunner.query(`ALTER TABLE "request_cost_lines" DROP COLUMN "years"`);
    await queryRunner.query(`ALTER TABLE "funds" DROP COLUMN "horizon_years"`);
    await queryRunner.query(`ALTER TABLE "funds" DROP COLUMN "discount_rate"`);
    await queryRunner.query(`ALTER TABLE "funds" DROP COLUMN "drop_off"`);
    await queryRunner.query(`ALTER TABLE "funds" DROP COLUMN "attribution_default"`);
    await queryRunner.query(`ALTER TABLE "funds" DROP COLUMN "deadweight_default"`);
  }
}
