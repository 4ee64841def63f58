/**
 * Report periods are calendar dates in Dutch time: `from` starts at 00:00 Europe/Amsterdam and
 * `to` ends at 24:00, whatever the server's own zone (CI runs in UTC, the funds are Dutch).
 */
import { addDays, startOfDutchDay } from '../common/dutch-time';
import { isRealDate } from '../common/validation';
import { addMonths } from '../cost-comparison/follow-ups';
import { ReportErrors } from './reports.errors';

/** A closed range of calendar dates and the half-open range of instants it covers. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** 00:00 Dutch time on `from` */
  start: Date;
  /** 00:00 Dutch time on the day after `to` (exclusive) */
  end: Date;
}

/**
 * Validate a period given as query parameters or CLI options. Errors are 400s that name the field
 * (`from` or `to`); `where` says whether it came from the query string or the command line.
 */
export function reportPeriod(from: string, to: string, where = 'query'): ReportPeriod {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isRealDate(value)) throw ReportErrors.invalidDate(field, value, where);
  }
  if (to < from) throw ReportErrors.periodReversed(from, where);
  return { from, to, start: startOfDutchDay(from), end: startOfDutchDay(addDays(to, 1)) };
}

/**
 * The period asked for, with the gaps filled from the funds: `from` defaults to the earliest
 * period start, `to` to the latest period end; without funds, the calendar year of `today`.
 */
export function defaultPeriod(
  funds: readonly { periodStart: string; periodEnd: string }[],
  from: string | undefined,
  to: string | undefined,
  today: string,
  where = 'query',
): ReportPeriod {
  const starts = funds.map((f) => f.periodStart).sort();
  const ends = funds.map((f) => f.periodEnd).sort();
  const year = today.slice(0, 4);
  return reportPeriod(from ?? starts[0] ?? `${year}-01-01`, to ?? ends[ends.length - 1] ?? `${year}-12-31`, where);
}

/** The period before a report's period that the trend compares with (see previousPeriod). */
export interface PreviousPeriod extends ReportPeriod {
  /** the last day of the whole previous period; `to` is earlier when the window was cut (`cut`) */
  fullTo: string;
  /** the report's period is still running, so the previous one counts only as far in as this one has come */
  cut: boolean;
}

/**
 * The previous period of the same length: for a period of whole calendar months (a year, a
 * quarter, a month) the same number of months before it, otherwise the same number of days. While
 * the report's period is still running (`from` ≤ `today` ≤ `to`), the previous period is cut at the
 * same point (as many months and days in), so a running year is set against the same part of last year.
 */
export function previousPeriod(period: Pick<ReportPeriod, 'from' | 'to'>, today: string): PreviousPeriod {
  const { from, to } = period;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  const months = (ty * 12 + tm) - (fy * 12 + fm) + 1;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const back = (date: string) => (wholeMonths ? addMonths(date, -months) : addDays(date, -days));
  const prevFrom = back(from);
  const fullTo = addDays(from, -1);
  const running = from <= today && today <= to;
  const cutTo = running ? back(today) : fullTo;
  const last = cutTo < fullTo ? cutTo : fullTo;
  return { from: prevFrom, to: last, fullTo, cut: last < fullTo, start: startOfDutchDay(prevFrom), end: startOfDutchDay(addDays(last, 1)) };
}
