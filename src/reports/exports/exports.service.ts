import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { AccessService } from '../../access/access.service';
import { AuthUser, hasRole } from '../../auth/auth.decorators';
import { Clock } from '../../common/clock';
import { moneyString } from '../../common/money';
import { CostComparisonService } from '../../cost-comparison/cost-comparison.service';
import { TransactionRunner } from '../../database/transaction-runner';
import type { FundEntity } from '../../funds/fund.entity';
import type { FundPeriodQueryDto } from '../reports.dto';
import { dutchDate } from '../../common/dutch-time';
import { defaultPeriod, type ReportPeriod } from '../report-period';
import { readSnapshot, slug } from '../report-files';
import { ReportErrors } from '../reports.errors';
import { ReportFundsReadModel } from '../report-funds.read-model';
import { ReportRequestsReadModel } from '../report-requests.read-model';
import { ExportsReadModel } from './exports.read-model';
import { maatwerkCostOf } from '../../cost-comparison/maatwerk-cost';

export interface CsvFile {
  filename: string;
  csv: Buffer;
}

/**
 * CSV for the finance department, made for Dutch Excel: UTF-8 with a byte order mark, `;` between
 * fields, CRLF line ends, a header row. Amounts are plain decimal strings with a decimal POINT and
 * two decimals (`3000.00`, `-250.00`), never a decimal comma or thousands separators, so the file
 * means the same in every locale; set the column type in Excel's import when it must be a number.
 * Timestamps are ISO 8601 in UTC (as the API), dates `YYYY-MM-DD`. Text that Excel would read as a
 * formula (starting with = + - @, tab or CR) is prefixed with `'` (CSV injection); amounts are not.
 */
const CSV_OPTIONS = { header: true, delimiter: ';', bom: true, record_delimiter: 'windows' as const };

/** One row per request: which requests, and when, as the steering report (submitted or created in the period, never-submitted ones left out). */
export const REQUEST_COLUMNS = [
  'request_id', 'fund_id', 'fund', 'status', 'tier', 'title', 'payee', 'life_domain', 'organisation', 'urgent', 'retroactive',
  'submitted_at', 'decided_at', 'amount', 'committed', 'paid', 'maatwerk_cost', 'avoided_cost_central', 'net_benefit',
] as const;

/** One row per posting of every journal entry with an effective date in the period; an entry's postings sum to 0.00. */
export const POSTING_COLUMNS = [
  'entry_id', 'chain_seq', 'effective_date', 'recorded_at', 'kind', 'fund_id', 'fund', 'account', 'organisation', 'amount',
  'request_id', 'memo', 'hash',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
/** Free text into a cell: neutralise what a spreadsheet would execute. */
const text = (value: string | null | undefined): string => {
  const v = value ?? '';
  return FORMULA_START.test(v) ? `'${v}` : v;
};
const iso = (d: Date | null): string => (d ? d.toISOString() : '');

/** The finance export (GET /api/v1/exports/*.csv): administrators for every fund, budget holders for the funds they hold. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ExportsReadModel,
    private readonly fundsReadModel: ReportFundsReadModel,
    private readonly requests: ReportRequestsReadModel,
    private readonly costs: CostComparisonService,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  async requestsCsv(user: AuthUser, q: FundPeriodQueryDto): Promise<CsvFile> {
    return readSnapshot(this.tx, this.fundsReadModel, async () => {
      const { funds, period } = await this.scope(user, q);
      const rows = await this.requests.requestsInPeriod(funds.map((f) => f.id), period.start, period.end);
      const lines = await this.requests.costLines(rows.map((r) => r.id));
      const comparisons = await this.costs.compareMany(
        rows.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] })),
      );
      const records = rows.map((r, i) => [
        r.id, r.fundId, text(r.fundName), r.status, r.tier ?? '', text(r.title), text(r.payee), r.lifeDomain, text(r.organisationName),
        String(r.urgent), String(r.retroactive), iso(r.submittedAt), iso(r.decidedAt), moneyString(r.amount), moneyString(r.committedAmount),
        moneyString(r.paidAmount), comparisons[i].maatwerkCost, comparisons[i].avoidedCost.central, comparisons[i].netBenefit,
      ]);
      return { filename: filename('aanvragen', funds, q.fundId, period), csv: toCsv(REQUEST_COLUMNS, records) };
    });
  }

  async ledgerEntriesCsv(user: AuthUser, q: FundPeriodQueryDto): Promise<CsvFile> {
    return readSnapshot(this.tx, this.fundsReadModel, async () => {
      const { funds, period } = await this.scope(user, q);
      const rows = await this.repo.postings(funds.map((f) => f.id), period.from, period.to);
      const records = rows.map((p) => [
        p.entryId, p.chainSeq, p.effectiveDate, iso(p.recordedAt), p.kind, p.fundId, text(p.fundName), p.account, text(p.organisationName),
        moneyString(p.amount), p.requestId ?? '', text(p.memo), p.hash,
      ]);
      return { filename: filename('journaalposten', funds, q.fundId, period), csv: toCsv(POSTING_COLUMNS, records) };
    });
  }

  /** The funds the user may export (one asked for, or all in reach) and the period (default: the funds' periods). */
  private async scope(user: AuthUser, q: FundPeriodQueryDto): Promise<{ funds: FundEntity[]; period: ReportPeriod }> {
    const admin = hasRole(user, 'admin');
    const held = admin ? null : new Set(await this.access.heldFundIds(user));
    let funds: FundEntity[];
    if (q.fundId) {
      funds = await this.fundsReadModel.findFunds([q.fundId]);
      if (funds.length === 0) throw ReportErrors.fundNotFound(q.fundId);
      if (held && !held.has(q.fundId)) throw ReportErrors.exportNotAllowed();
    } else {
      funds = await this.fundsReadModel.findFunds(held ? [...held] : null);
    }
    return { funds, period: defaultPeriod(funds, q.from, q.to, dutchDate(this.clock.now())) };
  }
}

function toCsv(columns: readonly string[], records: string[][]): Buffer {
  return Buffer.from(stringify(records, { ...CSV_OPTIONS, columns: [...columns] }), 'utf8');
}

function filename(what: string, funds: FundEntity[], fundId: string | undefined, period: ReportPeriod): string {
  const subject = fundId && funds[0] ? slug(funds[0].name) : 'alle-fondsen';
  return `${what}-${subject}-${period.from}-${period.to}.csv`;
}
