import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { TransactionRunner } from '../database/transaction-runner';
import { ReasonEraser, TamperedEventError } from '../ledger/reason-eraser';
import { RetentionErasureDto, RetentionRunDto } from './retention.dto';
import { RetentionRepository } from './retention.repository';

/** The instant `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Retention of case narratives: once a case has been closed for RETENTION_NARRATIVE_MONTHS, the
 * free texts written about the resident (justification, resident's wish, notes, comments, the
 * information question, the workflow events' reasons) are emptied. Amounts, statuses, dates, cost
 * lines' figures, the journal and the workflow events themselves (with their reason codes) stay, and
 * the reasons are erased the way the hash chain allows (ReasonEraser), so the ledger still verifies
 * and the steering figures are unchanged. Every erasure is recorded (append-only) with the fields
 * and counts; a dry run writes nothing.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly repo: RetentionRepository,
    private readonly reasons: ReasonEraser,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(opts: { dryRun: boolean; channel: 'job' | 'cli' | 'api' }): Promise<RetentionRunDto> {
    const now = this.clock.now();
    const cutoff = retentionCutoff(now, this.config.retentionNarrativeMonths);
    const expired = await this.repo.expiredCases(cutoff);
    const cases: RetentionRunDto['cases'] = [];
    const skipped: RetentionRunDto['skipped'] = [];
    for (const c of expired) {
      // one transaction per case: a failure leaves the other cases' erasures (and records) intact
      try {
        const fields = await this.tx.run(async () => {
          if (!opts.dryRun && !(await this.repo.lockClosedCase(c.caseId, c.closedAt))) return null;
          const counts = await this.repo.countNarratives(c.caseId);
          if (!opts.dryRun) {
            await this.repo.eraseNarratives(c.caseId);
            await this.reasons.eraseCase(c.caseId, now);
            await this.repo.recordErasure(c.caseId, c.closedAt, now, counts, opts.channel);
          }
          return counts;
        });
        if (fields) cases.push({ caseId: c.caseId, caseCode: c.caseCode, closedAt: c.closedAt.toISOString(), fields });
      } catch (e) {
        // an event changed behind the triggers: nothing of this case is erased, so the evidence stays for ledger:verify
        if (!(e instanceof TamperedEventError)) throw e;
        this.logger.error(`case ${c.caseCode} not erased: ${e.message}`);
        skipped.push({ caseId: c.caseId, caseCode: c.caseCode, closedAt: c.closedAt.toISOString(), reason: e.message });
      }
    }
    return { dryRun: opts.dryRun, cutoff: cutoff.toISOString(), retentionMonths: this.config.retentionNarrativeMonths, cases, skipped };
  }

  async erasures(limit = 200): Promise<RetentionErasureDto[]> {
    return (await this.repo.erasures(limit)).map((e) => ({
      id: e.id,
      erasedAt: e.erasedAt.toISOString(),
      caseId: e.caseId,
      caseCode: e.caseCode ?? '',
      closedAt: e.caseClosedAt.toISOString(),
      fields: e.fields,
      channel: e.channel,
    }));
  }
}
