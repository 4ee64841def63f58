import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow-event reasons that retention can erase while the hash chain stays verifiable.
 *
 * Existing events keep their hashes: they get `chain_format` 1 (the reason text is hashed, as
 * before), so every chain written before this migration verifies exactly as it did. New events are
 * written in format 2: the chain covers a salted sha256 digest of the reason (`reason_digest`, salt in
 * `reason_salt`), so erasing the text and the salt leaves the hash recomputable. A format-1 reason is
 * erased with a seal: a record appended to the same fund's chain (`chain_seals`) that carries the
 * event's hash and a digest of the rest of the event.
 *
 * `request_events` stays append-only, with one exception the trigger allows: erasing the reason
 * (reason '', salt NULL, `comment` left out of reason_params, reason_erased_at set once) with every
 * other column unchanged, and for a format-1 event only once its seal is in the chain.
 */
export class ErasableEventReasons1796730000000 implements MigrationInterface {
  name = 'ErasableEventReasons1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // ADD COLUMN with a constant default fires no row trigger and rewrites no chained value
    await queryRunner.query(`ALTER TABLE "request_events" ADD "chain_format" smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "request_events" ALTER COLUMN "chain_format" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "request_events" ADD "reason_salt" text`);
    await queryRunner.query(`ALTER TABLE "request_events" ADD "reason_digest" character(64)`);
    await queryRunner.query(`ALTER TABLE "request_events" ADD "reason_erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "request_events" ADD CONSTRAINT "ck_request_events_format" CHECK ("chain_format" = 1 OR ("chain_format" = 2 AND "reason_digest" IS NOT NULL))`,
    );

    await queryRunner.query(
      `CREATE TABLE "chain_seals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "chain_seq" bigint NOT NULL, "event_id" uuid NOT NULL, "event_hash" character(64) NOT NULL, "sealed_digest" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_chain_seals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_seals_fund_seq" ON "chain_seals" ("fund_id", "chain_seq") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_seals_event" ON "chain_seals" ("event_id") `);
    await queryRunner.query(`CREATE TRIGGER chain_seals_append_only BEFORE UPDATE OR DELETE ON "chain_seals" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`CREATE TRIGGER chain_seals_no_truncate BEFORE TRUNCATE ON "chain_seals" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);

    await queryRunner.query(`DROP TRIGGER request_events_append_only ON "request_events"`);
    await queryRunner.query(`CREATE FUNCTION request_events_allow_reason_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        erasable CONSTANT text[] := ARRAY['reason', 'reason_salt', 'reason_params', 'reason_erased_at'];
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.reason_erased_at IS NULL AND NEW.reason_erased_at IS NOT NULL
           AND NEW.reason = '' AND NEW.reason_salt IS NULL
           AND NEW.reason_params IS NOT DISTINCT FROM (OLD.reason_params - 'comment')
           AND (to_jsonb(NEW) - erasable) = (to_jsonb(OLD) - erasable)
           AND (OLD.chain_format = 2 OR EXISTS (SELECT 1 FROM chain_seals s WHERE s.event_id = OLD.id AND s.fund_id = OLD.fund_id))
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'table % is append-only: % refused (only erasing a reason after the retention period is allowed)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON "request_events" FOR EACH ROW EXECUTE FUNCTION request_events_allow_reason_erasure()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [row]: { n: string }[] = await queryRunner.query(
      `SELECT (SELECT count(*) FROM request_events WHERE chain_format <> 1 OR reason_erased_at IS NOT NULL) + (SELECT count(*) FROM chain_seals) AS n`,
    );
    if (Number(row.n) > 0) {
      throw new Error(`cannot revert ErasableEventReasons: ${row.n} workflow events or seals are chained in a format that the older code cannot verify`);
    }
    await queryRunner.query(`DROP TRIGGER request_events_append_only ON "request_events"`);
    await queryRunner.query(`DROP FUNCTION request_events_allow_reason_erasure()`);
    await queryRunner.query(`CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON "request_events" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`DROP TABLE "chain_seals"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP CONSTRAINT "ck_request_events_format"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "reason_erased_at"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "reason_digest"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "reason_salt"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "chain_format"`);
  }
}
