/**
 * Report periods are calendar dates in Dutch time: `from` starts at 00:00 Europe/Amsterdam and
 * `to` ends at 24:00, whatever the server's own zone (CI runs in UTC, the funds are Dutch).
 */
import { DomainError } from '../common/domain-error';
import { DATE_PATTERN } from '../common/validation';

export const REPORT_TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 86_400_000;
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: REPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: REPORT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A closed range of calendar dates and the half-open range of instants it covers. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** 00:00 Dutch time on `from` */
  start: Date;
  /** 00:00 Dutch time on the day after `to` (exclusive) */
  end: Date;
}

export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` of `at` in Dutch time. */
export function dutchDate(at: Date): string {
  return AMSTERDAM_DATE.format(at);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function offsetAt(t: number): number {
  const parts = WALL_CLOCK.formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** The instant of 00:00 Dutch time on `date`. */
export function startOfDutchDay(date: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t); // second pass settles DST transitions
  return new Date(t);
}

/**
 * Validate a period given as query parameters or CLI options. Errors are 400s that name the field
 * (`from` or `to`); `where` says whether it came from the query string or the command line.
 */
export function reportPeriod(from: string, to: string, where = 'query'): ReportPeriod {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isRealDate(value)) throw DomainError.invalidField(field, `must be a real date as YYYY-MM-DD (got "${value}")`, 'INVALID_DATE', where);
  }
  if (to < from) throw DomainError.invalidField('to', `must not be before from (${from})`, 'PERIOD_REVERSED', where);
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
