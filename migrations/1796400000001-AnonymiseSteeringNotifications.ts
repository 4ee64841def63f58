import { MigrationInterface, QueryRunner } from 'typeorm';

const STEERING_ONLY = `SELECT id FROM users WHERE roles <@ ARRAY['steering_group']::text[] AND 'steering_group' = ANY(roles)`;
const CODE = `'casus [A-Z]{2}-[0-9]{4}-[0-9]{4}'`;
const ANONYMOUS = `'een casus (geanonimiseerd)'`;

/**
 * Data fix: the steering group works anonymised, but notifications for it (second approvals)
 * named the case code. Remove the codes from the inbox rows and unsent mails of users who are
 * only in the steering group; new notifications are written without them. Idempotent.
 */
export class AnonymiseSteeringNotifications1796400000001 implements MigrationInterface {
  name = 'AnonymiseSteeringNotifications1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notifications SET subject = regexp_replace(subject, ${CODE}, ${ANONYMOUS}, 'g'), body = regexp_replace(body, ${CODE}, ${ANONYMOUS}, 'g')
        WHERE user_id IN (${STEERING_ONLY})`,
    );
    await queryRunner.query(
      `UPDATE mail_deliveries SET subject = regexp_replace(subject, ${CODE}, ${ANONYMOUS}, 'g'),
              text_body = regexp_replace(text_body, ${CODE}, ${ANONYMOUS}, 'g'), html_body = regexp_replace(html_body, ${CODE}, ${ANONYMOUS}, 'g')
        WHERE status <> 'sent' AND user_id IN (${STEERING_ONLY})`,
    );
  }

  public async down(): Promise<void> {
    // the codes are gone on purpose; there is nothing to restore
  }
}
