import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links between users and their accounts at an OpenID Connect identity provider: after the first
 * single sign-on a user is found again by (issuer, subject), even when their e-mail address changes.
 */
export class UserIdentities1796600000000 implements MigrationInterface {
  name = 'UserIdentities1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "provider_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_identities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_identities_issuer_subject" ON "user_identities" ("issuer", "subject")`);
    await queryRunner.query(`CREATE INDEX "ix_user_identities_user" ON "user_identities" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "user_identities" ADD CONSTRAINT "fk_user_identities_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_identities"`);
  }
}
