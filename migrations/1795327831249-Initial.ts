import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795327831249 implements MigrationInterface {
  name = 'Initial1795327831249';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "neighbourhood" text NOT NULL, "life_domains" text array NOT NULL DEFAULT '{}', "lead_professional_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_cases_code" ON "cases"  ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_cases_organisation" ON "cases"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "case_members" ("case_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_db3cfab6b5ecea4655df2dbe3ec" PRIMARY KEY ("case_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "cost_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "version" integer NOT NULL, "label_nl" text NOT NULL, "label_en" text NOT NULL, "unit" text NOT NULL, "amount" numeric(14,2) NOT NULL, "price_year" integer, "bearer_key" text NOT NULL, "bearer_label_nl" text NOT NULL, "kind" text NOT NULL, "confidence" text NOT NULL, "confidence_note" text NOT NULL DEFAULT '', "source" text NOT NULL, "url" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7c98b6ed12112ffb9b3f8369c97" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_cost_items_key_version" ON "cost_items"  ("key", "version") `);
    await queryRunner.query(`CREATE TABLE "funds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "requester_mandate" numeric(14,2) NOT NULL, "single_approver_limit" numeric(14,2) NOT NULL, "person_cap_per_year" numeric(14,2) NOT NULL, "urgent_decision_hours" integer NOT NULL DEFAULT '24', "decision_working_days" integer NOT NULL DEFAULT '5', "chain_seq" bigint NOT NULL DEFAULT '0', "chain_head" text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d785f4bb8f680f3febd40718f68" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_funds_name" ON "funds"  ("name") `);
    await queryRunner.query(`CREATE TABLE "fund_holders" ("fund_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_c6567e8024b6cc0661666cb2d4d" PRIMARY KEY ("fund_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ("scope" text NOT NULL, "key" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))`);
    await queryRunner.query(`CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "organisation_id" uuid, "balance" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_ledger_accounts_fund_code" ON "ledger_accounts"  ("fund_id", "code") `);
    await queryRunner.query(`CREATE TABLE "journal_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "chain_seq" bigint NOT NULL, "kind" text NOT NULL, "effective_date" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "request_id" uuid, "contribution_id" uuid, "payment_id" uuid, "reverses_entry_id" uuid, "memo" text NOT NULL DEFAULT '', "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_a70368e64230434457c8d007ab3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_journal_entries_request" ON "journal_entries"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_journal_entries_fund_seq" ON "journal_entries"  ("fund_id", "chain_seq") `);
    await queryRunner.query(`CREATE TABLE "journal_postings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount" numeric(16,2) NOT NULL, CONSTRAINT "PK_3cd52d5309cfea1e8262fe2b39e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_journal_postings_entry" ON "journal_postings"  ("entry_id") `);
    await queryRunner.query(`CREATE INDEX "ix_journal_postings_account" ON "journal_postings"  ("account_id") `);
    await queryRunner.query(`CREATE TABLE "contributions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "note" text NOT NULL DEFAULT '', "effective_date" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca2b4f39eb9e32a61278c711f79" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_contributions_fund" ON "contributions"  ("fund_id") `);
    await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "reference" text NOT NULL, "paid_by" uuid, "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_payments_request" ON "payments"  ("request_id") `);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4a3dcb66f1630f551b81bca1b34" UNIQUE ("name"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "title" text NOT NULL, "justification" text NOT NULL, "amount" numeric(14,2) NOT NULL, "payee" text NOT NULL, "life_domain" text NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "barriers" text array NOT NULL DEFAULT '{}', "existing_provisions" jsonb NOT NULL DEFAULT '[]', "resident_wish" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'draft', "tier" text, "tier_reason" text, "retroactive" boolean NOT NULL DEFAULT false, "solved_without_money" boolean NOT NULL DEFAULT false, "price_year" integer NOT NULL, "committed_amount" numeric(14,2) NOT NULL DEFAULT '0', "paid_amount" numeric(14,2) NOT NULL DEFAULT '0', "info_question" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "decision_due" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_requests_case" ON "requests"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_fund" ON "requests"  ("fund_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_requester" ON "requests"  ("requester_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_status_fund" ON "requests"  ("status", "fund_id") `);
    await queryRunner.query(`CREATE TABLE "request_cost_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "position" integer NOT NULL, "cost_item_id" uuid NOT NULL, "cost_item_key" text NOT NULL, "quantity" numeric(12,2) NOT NULL, "probability" numeric(5,4) NOT NULL, "note" text, "unit_amount" numeric(14,2) NOT NULL, "unindexed" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3461748df39ce21c56e2cdd7cfc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_cost_lines_request" ON "request_cost_lines"  ("request_id") `);
    await queryRunner.query(`CREATE TABLE "request_approvals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "approver_id" uuid NOT NULL, "approver_role" text NOT NULL, "organisation_id" uuid NOT NULL, "comment" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_569731be3f86c267a23c5d9d39e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_request_approvals_request_approver" ON "request_approvals"  ("request_id", "approver_id") `);
    await queryRunner.query(`CREATE TABLE "request_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "fund_id" uuid NOT NULL, "chain_seq" bigint NOT NULL, "actor_id" uuid NOT NULL, "actor_role" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_bf9333ddb0c34f1533239fc9cb0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_events_request" ON "request_events"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_request_events_fund_seq" ON "request_events"  ("fund_id", "chain_seq") `);
    await queryRunner.query(`CREATE TABLE "request_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "months" integer NOT NULL, "goal_reached" text NOT NULL, "solved_without_money" boolean NOT NULL DEFAULT false, "lines" jsonb NOT NULL DEFAULT '[]', "note" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_98a6d680fb1d2b460545257bd66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_outcomes_request" ON "request_outcomes"  ("request_id") `);
    await queryRunner.query(`CREATE TABLE "barrier_tags" ("key" text NOT NULL, "label_nl" text NOT NULL, "label_en" text NOT NULL, "position" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_d9c9cdafb330b9bd0ee99b70d12" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "organisation_id" uuid NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "mandate" numeric(14,2), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "user_sessions" ("sid" character varying NOT NULL, "sess" json NOT NULL, "expire" TIMESTAMP(6) NOT NULL, CONSTRAINT "PK_5d74a33a1f439b45f64c4e5fcfe" PRIMARY KEY ("sid"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_sessions_expire" ON "user_sessions"  ("expire") `);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Append-only journal and workflow events, enforced by the database itself.
    await queryRunner.query(`CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation'; END $$`);
    for (const table of ['journal_entries', 'journal_postings', 'request_events']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['journal_entries', 'journal_postings', 'request_events']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_sessions_expire"`);
    await queryRunner.query(`DROP TABLE "user_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "barrier_tags"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_outcomes_request"`);
    await queryRunner.query(`DROP TABLE "request_outcomes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_request_events_fund_seq"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_events_request"`);
    await queryRunner.query(`DROP TABLE "request_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_request_approvals_request_approver"`);
    await queryRunner.query(`DROP TABLE "request_approvals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_cost_lines_request"`);
    await queryRunner.query(`DROP TABLE "request_cost_lines"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_status_fund"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_requester"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_fund"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_case"`);
    await queryRunner.query(`DROP TABLE "requests"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_request"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contributions_fund"`);
    await queryRunner.query(`DROP TABLE "contributions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_journal_postings_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_journal_postings_entry"`);
    await queryRunner.query(`DROP TABLE "journal_postings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_journal_entries_fund_seq"`);
    await queryRunner.query(`DROP INDEX "public"."ix_journal_entries_request"`);
    await queryRunner.query(`DROP TABLE "journal_entries"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ledger_accounts_fund_code"`);
    await queryRunner.query(`DROP TABLE "ledger_accounts"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "fund_holders"`);
    await queryRunner.query(`DROP INDEX "public"."uq_funds_name"`);
    await queryRunner.query(`DROP TABLE "funds"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cost_items_key_version"`);
    await queryRunner.query(`DROP TABLE "cost_items"`);
    await queryRunner.query(`DROP TABLE "case_members"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_code"`);
    await queryRunner.query(`DROP TABLE "cases"`);
  }
}
