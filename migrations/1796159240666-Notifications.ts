import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the outbox written with each workflow event, the in-app inbox (Meldingen), the
 * SMTP delivery queue, and each user's choice between immediate mails and a daily digest.
 */
export class Notifications1796159240666 implements MigrationInterface {
  name = 'Notifications1796159240666';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_outbox" ("event_id" uuid NOT NULL, "request_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e5c89f5cddb73dc2c064012ef4c" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notification_outbox_pending" ON "notification_outbox"  ("created_at") WHERE processed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "request_id" uuid, "kind" text NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "subject" text NOT NULL, "body" text NOT NULL, "link" text NOT NULL, "dedupe_key" text NOT NULL, "mail_status" text NOT NULL DEFAULT 'none', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_request" ON "notifications"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_digest" ON "notifications"  ("user_id") WHERE mail_status = 'digest'`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "mail_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "notification_id" uuid, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c3b04f863547fccfd11b4d4b11e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_deliveries_dedupe" ON "mail_deliveries"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_deliveries_due" ON "mail_deliveries"  ("next_attempt_at") WHERE status IN ('pending', 'sending')`);
    await queryRunner.query(`ALTER TABLE "users" ADD "notification_mode" text NOT NULL DEFAULT 'immediate'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "notification_mode"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_deliveries_dedupe"`);
    await queryRunner.query(`DROP TABLE "mail_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_digest"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_dedupe"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_request"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "notification_outbox"`);
  }
}
