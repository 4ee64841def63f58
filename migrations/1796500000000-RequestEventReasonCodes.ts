import { MigrationInterface, QueryRunner } from 'typeorm';

/** History reasons written by the system get a code with parameters, so pages can say them per language. */
export class RequestEventReasonCodes1796500000000 implements MigrationInterface {
  name = 'RequestEventReasonCodes1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_events" ADD "reason_code" text`);
    await queryRunner.query(`ALTER TABLE "request_events" ADD "reason_params" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "reason_params"`);
    await queryRunner.query(`ALTER TABLE "request_events" DROP COLUMN "reason_code"`);
  }
}
