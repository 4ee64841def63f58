import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user token version: bearer tokens and web sessions carry the version they were issued at,
 * and a password change, a deactivation or a role change bumps it, so every earlier token and
 * session stops working at once (also after the user is reactivated).
 */
export class UserTokenVersion1796400000000 implements MigrationInterface {
  name = 'UserTokenVersion1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
