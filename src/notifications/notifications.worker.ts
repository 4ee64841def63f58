import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { TransactionRunner } from '../database/transaction-runner';
import { MailTransport } from './mail-transport';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

const MAIL_BATCH = 10;
const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;
/** deadlines and digests need not be checked on every poll */
const SCHEDULE_EVERY_MS = 30_000;

/** 30 s, 1 min, 2 min, … capped at an hour: a mail server that is down gets time to come back. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * The background loop of every app instance: fan out committed workflow events, check deadlines
 * and digests on a schedule, and send queued mails with retries and backoff. All state is in the
 * database, so a restart loses nothing and several instances share the work. Started by the boot
 * sequence once migrations and the demo seed are done; NOTIFY_POLL_MS=0 keeps it off (tests then
 * call `runOnce`).
 */
@Injectable()
export class NotificationsWorker implements BeforeApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastSchedule = 0;
  private failing = false;

  constructor(
    private readonly service: NotificationsService,
    private readonly repo: NotificationsRepository,
    private readonly mail: MailTransport,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.config.notifyPollMs > 0 && !this.timer && !this.stopped) this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One full round; also what tests call with the loop turned off. */
  async runOnce(opts: { schedule?: boolean } = {}): Promise<void> {
    while ((await this.service.processOutbox()) > 0 && !this.stopped);
    const now = Date.now();
    if (opts.schedule ?? now - this.lastSchedule >= SCHEDULE_EVERY_MS) {
      this.lastSchedule = now;
      await this.service.checkDeadlines();
      await this.service.sendDigests();
    }
    if (this.mail.enabled) await this.sendDue();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule(this.config.notifyPollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.runOnce();
      if (this.failing) this.log.log('notification work resumed');
      this.failing = false;
    } catch (e) {
      // the database may be away for a while: say so once, not on every poll
      if (!this.failing) this.log.warn(`notification work failed, will retry: ${(e as Error).message}`);
      this.failing = true;
    }
  }

  /** Send what is due, one mail at a time, outside any transaction. */
  private async sendDue(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const batch = await this.tx.run(() => this.repo.claimDeliveries(now, new Date(now.getTime() + LEASE_MS), MAIL_BATCH));
      for (const d of batch) {
        try {
          await this.mail.send({ to: d.toAddress, subject: d.subject, text: d.textBody, html: d.htmlBody });
          await this.repo.finishDelivery(d.id, 'sent', this.clock.now(), null, null);
        } catch (e) {
          const error = (e as Error).message.slice(0, 500);
          const giveUp = d.attempts >= MAX_ATTEMPTS;
          const next = new Date(this.clock.now().getTime() + retryDelayMs(d.attempts));
          await this.repo.finishDelivery(d.id, giveUp ? 'failed' : 'pending', this.clock.now(), error, giveUp ? null : next);
          this.log.warn(`mail ${d.id} (attempt ${d.attempts}) failed${giveUp ? ', giving up' : `, retry at ${next.toISOString()}`}: ${error}`);
        }
      }
      if (batch.length < MAIL_BATCH || this.stopped) return;
    }
  }
}
