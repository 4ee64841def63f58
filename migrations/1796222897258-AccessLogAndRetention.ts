import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log (who read which case, when, through which channel) and the record of retention
 * erasures. Both are append-only like the journal: the database refuses UPDATE, DELETE and TRUNCATE
 * with the same trigger function.
 */
export class AccessLogAndRetention1796222897258 implements MigrationInterface {
  name = 'AccessLogAndRetention1796222897258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "user_email" text NOT NULL, "channel" text NOT NULL, "action" text NOT NULL, "case_id" uuid, "subject_id" uuid, "detail" text NOT NULL DEFAULT '', CONSTRAINT "ck_access_log_channel" CHECK ("channel" IN ('web', 'api', 'cli')), CONSTRAINT "PK_access_log" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_access_log_occurred" ON "access_log" ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_access_log_case" ON "access_log" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "ix_access_log_user" ON "access_log" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "retention_erasures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "case_id" uuid NOT NULL, "case_closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fields" jsonb NOT NULL, "channel" text NOT NULL, CONSTRAINT "PK_retention_erasures" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_retention_erasures_case" ON "retention_erasures" ("case_id") `);
    for (const table of ['access_log', 'retention_erasures']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "retention_erasures"`);
    await queryRunner.query(`DROP TABLE "access_log"`);
  }
}
