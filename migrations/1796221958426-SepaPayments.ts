import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SEPA payment batches and bank-statement reconciliation: the payee register (name + IBAN per
 * request), batches and their credit transfers, imported camt.053 statements and their lines. Existing
 * funds get their in_payment ledger account (new funds open it with the other fixed accounts).
 */
export class SepaPayments1796221958426 implements MigrationInterface {
  name = 'SepaPayments1796221958426';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payee_accounts" ("request_id" uuid NOT NULL, "name" text NOT NULL, "iban" text NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3d3b5f9e9aba8c78cba3b8606e4" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "payment_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "debtor_name" text NOT NULL, "debtor_iban" text NOT NULL, "debtor_bic" text, "execution_date" date NOT NULL, "total" numeric(14,2) NOT NULL, "count" integer NOT NULL, "xml" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e4d5a580ac9151e9f93956f7e6e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_batches_message_id" ON "payment_batches"  ("message_id") `);
    await queryRunner.query(`CREATE TABLE "payment_batch_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "position" integer NOT NULL, "request_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "end_to_end_id" text NOT NULL, "amount" numeric(14,2) NOT NULL, "payee_name" text NOT NULL, "payee_iban" text NOT NULL, "remittance" text NOT NULL, "status" text NOT NULL DEFAULT 'ordered', "paid_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_43e0941b71d9c5debec7e31e633" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_payment_batch_items_request" ON "payment_batch_items"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_batch_items_e2e" ON "payment_batch_items"  ("end_to_end_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_batch_items_request_ordered" ON "payment_batch_items"  ("request_id") WHERE status = 'ordered'`);
    await queryRunner.query(`CREATE INDEX "ix_payment_batch_items_batch" ON "payment_batch_items"  ("batch_id", "position") `);
    await queryRunner.query(`CREATE TABLE "bank_statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "statement_id" text NOT NULL, "account_iban" text NOT NULL, "sha256" text NOT NULL, "entries" integer NOT NULL, "imported_by" uuid NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c1323356166100e9b4c6a21fda" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bank_statements_account_statement" ON "bank_statements"  ("account_iban", "statement_id") `);
    await queryRunner.query(`CREATE TABLE "bank_statement_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "position" integer NOT NULL, "xml_line" integer NOT NULL, "end_to_end_id" text, "amount" numeric(14,2) NOT NULL, "direction" text NOT NULL, "return_reason" text, "outcome" text NOT NULL, "item_id" uuid, "detail" text NOT NULL DEFAULT '', "resolution" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text NOT NULL DEFAULT '', CONSTRAINT "PK_f22e7c99c4dca5224741e09f7ae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_bank_statement_lines_item" ON "bank_statement_lines"  ("item_id") `);
    await queryRunner.query(`CREATE INDEX "ix_bank_statement_lines_statement" ON "bank_statement_lines"  ("statement_id", "position") `);
    await queryRunner.query(`INSERT INTO "ledger_accounts" ("fund_id", "code", "kind", "organisation_id", "balance") SELECT "id", 'in_payment', 'in_payment', NULL, 0 FROM "funds" ON CONFLICT ("fund_id", "code") DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_bank_statement_lines_statement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bank_statement_lines_item"`);
    await queryRunner.query(`DROP TABLE "bank_statement_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_bank_statements_account_statement"`);
    await queryRunner.query(`DROP TABLE "bank_statements"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_batch_items_batch"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_batch_items_request_ordered"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_batch_items_e2e"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_batch_items_request"`);
    await queryRunner.query(`DROP TABLE "payment_batch_items"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_batches_message_id"`);
    await queryRunner.query(`DROP TABLE "payment_batches"`);
    await queryRunner.query(`DROP TABLE "payee_accounts"`);
    await queryRunner.query(`DELETE FROM "ledger_accounts" a WHERE a."kind" = 'in_payment' AND NOT EXISTS (SELECT 1 FROM "journal_postings" p WHERE p."account_id" = a."id")`);
  }
}
