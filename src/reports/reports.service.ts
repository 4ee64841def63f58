import type { Locale } from '../common/locale';
import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { describeCheckpoint } from '../ledger/checkpoint';
import { CheckpointService } from '../ledger/checkpoint.service';
import { JustificationDataService } from './justification/justification-data.service';
import { buildJustificationModel } from './justification/justification.model';
import { renderJustificationPdf } from './justification/justification.renderer';
import { readSnapshot, slug } from './report-files';
import { ReportRenderer } from './steering/report-renderer';
import { dutchDate } from '../common/dutch-time';
import { defaultPeriod } from './report-period';
import { ReportErrors } from './reports.errors';
import { ReportFundsReadModel } from './report-funds.read-model';
import { SteeringReportDataService } from './steering/steering-report-data.service';

export interface PdfFile {
  filename: string;
  pdf: Buffer;
}

export interface SteeringReportRequest {
  fundId?: string;
  from?: string;
  to?: string;
  lang?: Locale;
}

/**
 * The two PDF reports on demand (API, web UI, command line). The data is read in one read-only
 * snapshot transaction, so the key figures, the requests and the burn-down agree with each other
 * even while approvals go on; the PDF is rendered after the transaction has ended.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ReportFundsReadModel,
    private readonly steering: SteeringReportDataService,
    private readonly justification: JustificationDataService,
    private readonly clock: Clock,
    private readonly renderer: ReportRenderer,
    private readonly checkpoints: CheckpointService,
  ) {}

  /** `where` names the origin of bad input in errors: 'query' for the API, 'option' for the command line. */
  async steeringReport(q: SteeringReportRequest, where = 'query'): Promise<PdfFile> {
    const locale = q.lang ?? 'nl';
    // written before the snapshot, so the report's figures are at least as new as the checkpoint
    const checkpoint = await this.checkpoints.write();
    const data = await readSnapshot(this.tx, this.repo, async () => {
      const funds = await this.steering.funds(q.fundId);
      const period = defaultPeriod(funds, q.from, q.to, dutchDate(this.clock.now()), where);
      return this.steering.read(funds, period, locale);
    });
    if (checkpoint) data.checkpoint = describeCheckpoint(checkpoint, data.funds.map((f) => f.id));
    const subject = q.fundId && data.funds[0] ? slug(data.funds[0].name) : locale === 'en' ? 'all-funds' : 'alle-fondsen';
    const what = locale === 'en' ? 'steering-report' : 'stuurgroeprapportage';
    const filename = `${what}-${subject}-${data.period.from}-${data.period.to}.pdf`;
    // nothing of the data is used after this, so the main thread can let it go while the worker renders
    return { filename, pdf: await this.renderer.steering(data) };
  }

  async justificationReport(user: AuthUser, requestId: string, lang: Locale = 'nl'): Promise<PdfFile> {
    const data = await readSnapshot(this.tx, this.repo, async () => {
      await this.justification.assertMayRead(user, requestId);
      return this.justification.gather(requestId, lang);
    });
    const pdf = await renderJustificationPdf(buildJustificationModel(data));
    const what = lang === 'en' ? 'justification' : 'verantwoording';
    return { filename: `${what}-${slug(data.request.caseCode)}-${requestId.slice(0, 8)}.pdf`, pdf };
  }

  /** A fund by id or name for the command line; unknown → an error that lists the funds there are. */
  async fundByRef(ref: string): Promise<{ id: string; name: string }> {
    const fund = await this.repo.findFundByRef(ref);
    if (fund) return { id: fund.id, name: fund.name };
    const names = (await this.repo.findFunds(null)).map((f) => `"${f.name}" (${f.id})`);
    throw ReportErrors.unknownFundRef(ref, names);
  }
}
