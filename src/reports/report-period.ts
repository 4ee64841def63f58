/**
 * Report periods are calendar dates in Dutch time: `from` starts at 00:00 Europe/Amsterdam and
 * `to` ends at 24:00, whatever the server's own zone (CI runs in UTC, the funds are Dutch).
 */
import { addDays, startOfDutchDay } from '../common/dutch-time';
import { isRealDate } from '../common/validation';
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
