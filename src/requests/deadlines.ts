/**
 * Decision deadlines. Urgent requests get `urgentDecisionHours` clock hours (nights and weekends
 * count: urgency does not wait for Monday); the others get `decisionWorkingDays` working days,
 * counted on the Dutch calendar (Europe/Amsterdam) skipping Saturdays and Sundays, ending at the
 * same wall-clock time as the submission. Public holidays are not skipped (no holiday calendar yet).
 */
export const DEADLINE_TIME_ZONE = 'Europe/Amsterdam';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (ms) of `timeZone` from UTC at the instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** Instant of a wall-clock time (given as a UTC-based timestamp) in `timeZone`. */
function fromWallClock(wall: number, timeZone: string): number {
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone); // second pass settles DST transitions
  return t;
}

/** The calendar year of `date` in Dutch time (price year, per-person cap year, case codes). */
export function calendarYear(date: Date, timeZone = DEADLINE_TIME_ZONE): number {
  return new Date(date.getTime() + offsetAt(date.getTime(), timeZone)).getUTCFullYear();
}

/** The instant the calendar year `year` starts in Dutch time. */
export function startOfYear(year: number, timeZone = DEADLINE_TIME_ZONE): Date {
  return new Date(fromWallClock(Date.UTC(year, 0, 1), timeZone));
}

export function isWeekend(wallClock: Date): boolean {
  const day = wallClock.getUTCDay();
  return day === 0 || day === 6;
}

/** `from` plus `days` working days (Mon–Fri) in `timeZone`, at the same wall-clock time. */
export function addWorkingDays(from: Date, days: number, timeZone = DEADLINE_TIME_ZONE): Date {
  let wall = from.getTime() + offsetAt(from.getTime(), timeZone);
  let left = days;
  while (left > 0) {
    wall += DAY_MS;
    if (!isWeekend(new Date(wall))) left -= 1;
  }
  return new Date(fromWallClock(wall, timeZone));
}

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

export interface DeadlineRules {
  urgentDecisionHours: number;
  decisionWorkingDays: number;
}

/** When the decision on a request submitted at `submittedAt` is due. */
export function decisionDue(submittedAt: Date, urgent: boolean, rules: DeadlineRules): Date {
  return urgent ? addHours(submittedAt, rules.urgentDecisionHours) : addWorkingDays(submittedAt, rules.decisionWorkingDays);
}

/** Late: the deadline has passed and the request still waits for a decision. */
export function isOverdue(due: Date | null, awaitingDecision: boolean, now: Date): boolean {
  return awaitingDecision && due !== null && now.getTime() > due.getTime();
}

/** Hours from (first) submission to decision, one decimal; null while undecided. */
export function hoursToDecision(submittedAt: Date | null, decidedAt: Date | null): number | null {
  if (!submittedAt || !decidedAt) return null;
  return Math.round(((decidedAt.getTime() - submittedAt.getTime()) / HOUR_MS) * 10) / 10;
}

/** The latest instant at or before `now` at which the wall clock in `timeZone` read `hour`:00 (daily digests). */
export function lastWallClockHour(now: Date, hour: number, timeZone = DEADLINE_TIME_ZONE): Date {
  const wall = now.getTime() + offsetAt(now.getTime(), timeZone);
  let candidate = Math.floor(wall / DAY_MS) * DAY_MS + hour * HOUR_MS;
  if (candidate > wall) candidate -= DAY_MS;
  return new Date(fromWallClock(candidate, timeZone));
}
