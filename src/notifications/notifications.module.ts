import { Global, Module } from '@nestjs/common';
import { RequestStepListener } from '../requests/request-step.listener';
import { MailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationsWorker } from './notifications.worker';

/**
 * Notifications: outbox fan-out, deadline reminders and escalations, digests, SMTP, the inbox.
 * Global so that the workflow finds its RequestStepListener without importing this module.
 */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository, NotificationsService, NotificationsWorker, MailTransport,
    { provide: RequestStepListener, useExisting: NotificationsService },
  ],
  exports: [NotificationsService, NotificationsWorker, RequestStepListener],
})
export class NotificationsModule {}
