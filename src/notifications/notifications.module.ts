import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/** Notifications: outbox fan-out, deadline reminders and escalations, digests, SMTP, the inbox. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationsWorker, MailTransport],
  exports: [NotificationsService, NotificationsWorker],
})
export class NotificationsModule {}
