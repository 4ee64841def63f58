import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AccessLogItemDto, AccessLogPageDto, AccessLogQueryDto } from './access-log.dto';
import type { AccessAction, AccessChannel } from './access-log.entity';
import { AccessLogFilter, AccessLogRepository, AccessLogRow } from './access-log.repository';
import { amsterdamDateTime, amsterdamDayEnd, amsterdamDayStart } from './amsterdam-day';
import { checkOperator, CliOperator, osAccount, requireOperatorArg } from './cli-operator';
import type { Role } from '../users/user.entity';

export interface AccessRecord {
  /** the account; on the command line the one named with --operator (see cli-operator.ts) */
  user: Pick<AuthUser, 'id' | 'email'> | null;
  operator?: string;
  channel: AccessChannel;
  action: AccessAction;
  caseId?: string | null;
  requestId?: string | null;
  detail?: string;
}

const CSV_LIMIT = 100_000;

/**
 * The access log (NEN 7513 in spirit): who read which case, when, what and through which channel.
 * `record` is awaited before the response is sent, so a read that succeeded always has its row; it is
 * one INSERT of ids and never copies case content.
 */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly repo: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  async record(r: AccessRecord): Promise<void> {
    await this.repo.insert({
      occurredAt: this.clock.now(),
      userId: r.user?.id ?? null,
      userEmail: r.user?.email ?? r.operator ?? 'cli',
      channel: r.channel,
      action: r.action,
      caseId: r.caseId ?? null,
      requestId: r.requestId ?? null,
      detail: (r.detail ?? '').slice(0, 500),
    });
  }

  /**
   * The operator of a command line (see cli-operator.ts): --operator must name an active account
   * with one of `allowed`, else OperatorError, before anything is read.
   */
  async cliOperator(email: string | undefined, allowed: readonly Role[], purpose: string): Promise<CliOperator> {
    const wanted = requireOperatorArg(email, allowed);
    const user = checkOperator(wanted, await this.repo.findOperator(wanted), allowed, purpose);
    return { user, ...osAccount() };
  }

  /** A command line's read or export, under its operator's account, with the OS account and host beside the parameters. */
  recordCli(op: CliOperator, action: AccessAction, params: object = {}): Promise<void> {
    return this.record({ user: op.user, channel: 'cli', action, detail: describeFilter({ ...params, osUser: op.osUser, host: op.host }) });
  }

  async list(q: AccessLogQueryDto): Promise<AccessLogPageDto> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const rows = await this.repo.search(filterOf(q), limit + 1, offset);
    return { items: rows.slice(0, limit).map(mapAccessLogRow), next: rows.length > limit ? offset + limit : null };
  }

  /** CSV of the filtered log; the export is itself logged. */
  async csv(user: AuthUser, channel: AccessChannel, q: AccessLogQueryDto): Promise<{ csv: Buffer; filename: string }> {
    const rows = await this.repo.search(filterOf(q), CSV_LIMIT, 0);
    const records = rows.map((r) => ({
      tijdstip: amsterdamDateTime(r.occurredAt),
      tijdstip_utc: r.occurredAt.toISOString(),
      gebruiker: r.userEmail,
      naam: r.userName ?? '',
      kanaal: r.channel,
      handeling: r.action,
      casus: r.caseCode ?? '',
      casus_id: r.caseId ?? '',
      aanvraag_id: r.subjectId ?? '',
      details: r.detail,
    }));
    const columns = ['tijdstip', 'tijdstip_utc', 'gebruiker', 'naam', 'kanaal', 'handeling', 'casus', 'casus_id', 'aanvraag_id', 'details'];
    const csv = Buffer.from(stringify(records, { header: true, columns, delimiter: ';', bom: true, record_delimiter: 'windows' }), 'utf8');
    await this.record({ user, channel, action: 'export.access_log_csv', detail: describeFilter({ ...q, limit: undefined, offset: undefined }) });
    return { csv, filename: `toegangslog-${this.clock.now().toISOString().slice(0, 10)}.csv` };
  }
}

function filterOf(q: AccessLogQueryDto): AccessLogFilter {
  if (q.from && q.to && q.to < q.from) throw DomainError.invalidField('to', 'must not be before from', 'INVALID', 'query');
  return {
    caseId: q.caseId,
    caseCode: q.caseCode?.trim() || undefined,
    userId: q.userId,
    userEmail: q.userEmail?.trim() || undefined,
    from: q.from ? amsterdamDayStart(q.from) : undefined,
    to: q.to ? amsterdamDayEnd(q.to) : undefined,
  };
}

/** The export's parameters for its own log row. */
export function describeFilter(q: object): string {
  return Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

export function mapAccessLogRow(r: AccessLogRow): AccessLogItemDto {
  return {
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    userId: r.userId,
    userEmail: r.userEmail,
    userName: r.userName,
    channel: r.channel,
    action: r.action,
    caseId: r.caseId,
    caseCode: r.caseCode,
    requestId: r.subjectId,
    detail: r.detail,
  };
}
