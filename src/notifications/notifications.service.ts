import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import type { SqlBatch } from '../database/sql-batch';
import { TransactionRunner } from '../database/transaction-runner';
import { lastWallClockHour } from '../common/dutch-time';
import type { NotificationMode } from '../users/user.entity';
import { buildMessage, NotificationKind, renderDigest, renderMail } from './notification-messages';
import { RequestStepListener } from '../requests/request-step.listener';
import type { MailStatus } from './notification.entities';
import { InboxItem, NotificationsRepository, OutboxEvent, Recipient, RequestFacts } from './notifications.repository';

const HOUR_MS = 3_600_000;
const OUTBOX_BATCH = 50;

interface Addressed {
  to: Recipient;
  kind: NotificationKind;
  /** the page the recipient acts on */
  link: string;
}

const approvalLink = (id: string) => `/approvals/${id}`;
const requestLink = (id: string) => `/requests/${id}`;

/**
 * Who hears what. Turns committed workflow events (from the outbox) into notifications, checks the
 * deadlines of requests that wait for a decision (reminders before an urgent deadline, escalation
 * after any deadline), and bundles daily digests. Everything is keyed for deduplication, so a
 * retry, a restart or a second instance never notifies twice. Mails are only queued here; the
 * worker sends them outside these transactions.
 */
@Injectable()
export class NotificationsService implements RequestStepListener {
  private readonly log = new Logger('Notifications');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: NotificationsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Called in the workflow step's transaction, right after its event is written (RequestStepListener);
   * with the step's batch the outbox row goes into the same statement as the event.
   */
  async stepRecorded(eventId: string, requestId: string, at: Date, batch?: SqlBatch | null): Promise<void> {
    if (batch) batch.insert('notification_outbox', { event_id: eventId, request_id: requestId, created_at: at });
    else await this.repo.enqueue(eventId, requestId, at);
  }

  /** Fan out one batch of committed events; returns how many were processed. */
  processOutbox(): Promise<number> {
    return this.tx.run(async () => {
      const events = await this.repo.claimOutbox(OUTBOX_BATCH);
      for (const e of events) {
        for (const a of await this.addressees(e)) await this.notify(a, e.request, `event:${e.eventId}:${a.to.id}`, e.at);
      }
      await this.repo.markProcessed(events.map((e) => e.eventId), this.clock.now());
      return events.length;
    });
  }

  /** Reminders before urgent deadlines and escalations after passed ones; returns how many were created. */
  checkDeadlines(): Promise<number> {
    return this.tx.run(async () => {
      if (!(await this.repo.tryDeadlineLock())) return 0;
      const now = this.clock.now();
      const reminderMs = this.config.reminderHours * HOUR_MS;
      let created = 0;
      for (const r of await this.repo.awaitingDecisionDueBy(new Date(now.getTime() + reminderMs), now)) {
        const due = r.decisionDue!;
        const dueKey = due.toISOString();
        const { undecided } = await this.holdersOf(r);
        if (due.getTime() <= now.getTime()) {
          const admins = (await this.repo.withRole('admin')).filter((u) => u.id !== r.requesterId);
          const to = uniqueById([...undecided.map((u) => ({ to: u, link: approvalLink(r.id) })), ...admins.map((u) => ({ to: u, link: requestLink(r.id) }))]);
          for (const a of to) created += await this.notify({ ...a, kind: 'escalation' }, r, `escalation:${r.id}:${dueKey}:${a.to.id}`, now);
        } else if (r.urgent && r.submittedAt && r.submittedAt.getTime() < due.getTime() - reminderMs) {
          // only a deadline that was further away than the reminder window when submitted gets a reminder
          const hoursLeft = Math.round((due.getTime() - now.getTime()) / HOUR_MS);
          for (const u of undecided) {
            created += await this.notify({ to: u, link: approvalLink(r.id), kind: 'reminder' }, r, `reminder:${r.id}:${dueKey}:${u.id}`, now, hoursLeft);
          }
        }
      }
      return created;
    });
  }

  /**
   * Once a day, at DIGEST_HOUR Dutch time, one mail per user with everything that waited for the
   * digest. Items that arrive after that moment wait for the next day's digest.
   */
  sendDigests(): Promise<number> {
    if (!this.config.smtpUrl) return Promise.resolve(0);
    return this.tx.run(async () => {
      const moment = lastWallClockHour(this.clock.now(), this.config.digestHour);
      const items = await this.repo.claimDigestItems(moment);
      const byUser = new Map<string, typeof items>();
      for (const i of items) byUser.set(i.userId, [...(byUser.get(i.userId) ?? []), i]);
      for (const [userId, list] of byUser) {
        const user = await this.repo.user(userId);
        if (user) {
          const mail = renderDigest(
            list.map((i) => ({ subject: i.subject, url: this.url(i.link), createdAt: i.createdAt })),
            this.url('/notifications'),
          );
          await this.repo.insertDelivery({
            userId, toAddress: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, notificationId: null,
            dedupeKey: `digest:${userId}:${moment.toISOString()}`, createdAt: this.clock.now(),
          });
        }
        await this.repo.markDigested(list.map((i) => i.id));
      }
      return byUser.size;
    });
  }

  inbox(userId: string, limit = 50): Promise<InboxItem[]> {
    return this.repo.inbox(userId, limit);
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.unreadCount(userId);
  }

  markRead(userId: string, ids: readonly string[] | null): Promise<number> {
    return this.repo.markRead(userId, ids, this.clock.now());
  }

  /** One of the user's own notifications; someone else's is as unknown as a made-up id. */
  async markOneRead(userId: string, id: string): Promise<void> {
    if (!(await this.repo.owns(userId, id))) throw DomainError.notFound('notification', id);
    await this.repo.markRead(userId, [id], this.clock.now());
  }

  mode(userId: string): Promise<NotificationMode> {
    return this.repo.mode(userId);
  }

  setMode(userId: string, mode: NotificationMode): Promise<void> {
    return this.repo.setMode(userId, mode);
  }

  /** Which users hear of a workflow event, and which page each of them acts on. */
  private async addressees(e: OutboxEvent): Promise<Addressed[]> {
    const r = e.request;
    const requester = async (kind: NotificationKind): Promise<Addressed[]> => {
      const u = await this.repo.user(r.requesterId);
      return u ? [{ to: u, kind, link: requestLink(r.id) }] : [];
    };
    const holders = async (kind: NotificationKind): Promise<Addressed[]> =>
      (await this.holdersOf(r)).all.map((u) => ({ to: u, kind, link: approvalLink(r.id) }));
    const { fromStatus: from, toStatus: to } = e;
    let out: Addressed[] = [];
    if (to === 'submitted' && from === 'submitted') {
      out = [...(await requester('first_approval')), ...(await this.secondApprovers(r))];
    } else if (to === 'submitted') {
      out = await holders('submitted');
    } else if (to === 'approved' && from === null) {
      out = r.retroactive ? await holders('retroactive') : [];
    } else if (to === 'approved' && e.actorRole === 'professional') {
      out = await holders('within_mandate');
    } else if (to === 'approved') {
      out = await requester('approved');
    } else if (to === 'rejected') {
      out = await requester('rejected');
    } else if (to === 'info_requested') {
      out = await requester('info_requested');
    } else if (to === 'cancelled') {
      out = await requester('cancelled');
    } else if (to === 'paid' && e.actorRole !== 'professional') {
      out = await requester('paid');
    } else if (to === 'withdrawn' && (from === 'submitted' || from === 'approved')) {
      out = await holders('withdrawn');
    }
    // nobody is told of what they did themselves
    return out.filter((a) => a.to.id !== e.actorId);
  }

  /**
   * After the first of two approvals: the fund's budget holders of another organisation than the
   * first approver (never the requester); when there are none, the steering group, whose members
   * may give the second approval.
   */
  private async secondApprovers(r: RequestFacts): Promise<Addressed[]> {
    const { undecided, approvedBy, approvingOrgs } = await this.holdersOf(r);
    const holders = undecided.filter((u) => !approvingOrgs.has(u.organisationId));
    const pool = holders.length ? holders : (await this.repo.withRole('steering_group')).filter((u) => u.id !== r.requesterId && !approvedBy.has(u.id));
    return pool.map((u) => ({ to: u, kind: 'second_approval_needed', link: approvalLink(r.id) }));
  }

  /**
   * The fund's budget holders other than the requester (`all`), those of them who have not approved
   * yet (`undecided`: reminders and escalations go to them), and who approved for which organisation.
   */
  private async holdersOf(r: RequestFacts): Promise<{ all: Recipient[]; undecided: Recipient[]; approvedBy: Set<string>; approvingOrgs: Set<string> }> {
    const given = await this.repo.approvals(r.id);
    const approvedBy = new Set(given.map((g) => g.approverId));
    const all = (await this.repo.fundHolders(r.fundId)).filter((u) => u.id !== r.requesterId);
    return { all, undecided: all.filter((u) => !approvedBy.has(u.id)), approvedBy, approvingOrgs: new Set(given.map((g) => g.organisationId)) };
  }

  /** Store one notification (once per dedupe key) and queue its mail; returns 1 when it is new. */
  private async notify(a: Addressed, r: RequestFacts, dedupeKey: string, at: Date, hoursLeft?: number): Promise<number> {
    // the steering group works anonymised: a member with no other role gets no case code
    const seesCases = a.to.roles.some((role) => role !== 'steering_group');
    const message = buildMessage({
      kind: a.kind, caseCode: seesCases ? r.caseCode : null, fundName: r.fundName, amount: r.amount, urgent: r.urgent, decisionDue: r.decisionDue, hoursLeft,
    });
    const urgent = r.urgent || a.kind === 'escalation';
    const mailStatus: MailStatus = !this.config.smtpUrl ? 'none' : !urgent && a.to.notificationMode === 'daily_digest' ? 'digest' : 'queued';
    const id = await this.repo.insertNotification({
      userId: a.to.id, requestId: r.id, kind: a.kind, urgent, subject: message.subject, body: message.body, link: a.link, dedupeKey, mailStatus, createdAt: at,
    });
    if (!id) return 0;
    if (mailStatus === 'queued') {
      const mail = renderMail(message, this.url(a.link));
      await this.repo.insertDelivery({
        userId: a.to.id, toAddress: a.to.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, notificationId: id,
        dedupeKey: `mail:${id}`, createdAt: this.clock.now(),
      });
    }
    const channel = mailStatus === 'queued' ? 'mail queued' : mailStatus === 'digest' ? 'in the daily digest' : 'inbox only, no SMTP';
    this.log.log(`${a.kind} → user ${a.to.id} about request ${r.id} (casus ${r.caseCode}; ${channel})`);
    return 1;
  }

  private url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }
}

function uniqueById<T extends { to: { id: string } }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.to.id) ? false : (seen.add(x.to.id), true)));
}
