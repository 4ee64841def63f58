/**
 * Dutch time, in one place. The funds are Dutch and their days, years and deadlines are counted in
 * Europe/Amsterdam whatever the server's own zone (CI runs in UTC): calendar dates, the year of the
 * per-person cap and price level, decision deadlines, daily digests, report periods, and the dates
 * and times people read.
 *
 * Deadlines: urgent requests get `urgentDecisionHours` clock hours (nights and weekends count:
 * urgency does not wait for Monday); the others get `decisionWorkingDays` working days skipping
 * Saturdays and Sundays, ending at the same wall-clock time as the submission. Public holidays are
 * not skipped (no holiday calendar yet).
 */
import type { Locale } from './locale';

export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: DUTCH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type WallClock = Readonly<{ y: number; m: number; d: number; hh: number; mm: number; ss: number }>;
let lastSecond = NaN;
let lastParts: WallClock | null = null;

/**
 * Wall-clock fields of the instant `t` in Dutch time. The last second asked is remembered: Intl
 * formatting costs tens of microseconds, and a busy moment asks for the same second many times.
 */
function wallClockParts(t: number): WallClock {
  const second = Math.floor(t / 1000);
  if (second === lastSecond && lastParts) return lastParts;
  const parts: Record<string, string> = {};
  for (const p of WALL_CLOCK.formatToParts(new Date(t))) parts[p.type] = p.value;
  lastParts = Object.freeze({ y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), hh: Number(parts.hour), mm: Number(parts.minute), ss: Number(parts.second) });
  lastSecond = second;
  return lastParts;
}

/** Offset (ms) of Dutch time from UTC at the instant `t`. */
function offsetAt(t: number): number {
  const p = wallClockParts(t);
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** Instant of a Dutch wall-clock time given as a UTC-based timestamp. */
function fromWallClock(wall: number): number {
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t); // second pass settles DST transitions
  return t;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of `at` in Dutch time. */
export function dutchDate(at: Date): string {
  const p = wallClockParts(at.getTime());
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The calendar year of `date` in Dutch time (price year, per-person cap year, case codes). */
export function calendarYear(date: Date): number {
  return wallClockParts(date.getTime()).y;
}

/** The instant the calendar year `year` starts in Dutch time. */
export function startOfYear(year: number): Date {
  return new Date(fromWallClock(Date.UTC(year, 0, 1)));
}

/** The instant of 00:00 Dutch time on the calendar date `date` (YYYY-MM-DD). */
export function startOfDutchDay(date: string): Date {
  return new Date(fromWallClock(Date.parse(`${date}T00:00:00Z`)));
}

/** A calendar date plus `days` days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(wallClock: Date): boolean {
  const day = wallClock.getUTCDay();
  return day === 0 || day === 6;
}

/** `from` plus `days` working days (Mon–Fri) in Dutch time, at the same wall-clock time. */
export function addWorkingDays(from: Date, days: number): Date {
  let wall = from.getTime() + offsetAt(from.getTime());
  let left = days;
  while (left > 0) {
    wall += DAY_MS;
    if (!isWeekend(new Date(wall))) left -= 1;
  }
  return new Date(fromWallClock(wall));
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

/** The latest instant at or before `now` at which the Dutch wall clock read `hour`:00 (daily digests). */
export function lastWallClockHour(now: Date, hour: number): Date {
  const wall = now.getTime() + offsetAt(now.getTime());
  let candidate = Math.floor(wall / DAY_MS) * DAY_MS + hour * HOUR_MS;
  if (candidate > wall) candidate -= DAY_MS;
  return new Date(fromWallClock(candidate));
}

const MONTHS: Record<Locale, readonly string[]> = {
  // Dutch abbreviations per Taaladvies; "mei" has no full stop because it is not shortened.
  nl: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function monthShort(monthIndex: number, locale: Locale): string {
  return MONTHS[locale][monthIndex];
}

/** `22 nov. 2026 14:05` in Dutch time (`22 Nov 2026 14:05` in English). */
export function formatDateTime(at: Date, locale: Locale): string {
  const p = wallClockParts(at.getTime());
  return `${p.d} ${MONTHS[locale][p.m - 1]} ${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

/** A calendar date (`2026-01-01` → `1 jan. 2026`); instants are taken in Dutch time. */
export function formatDate(value: Date | string, locale: Locale): string {
  const [y, m, d] = (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dutchDate(new Date(value))).split('-').map(Number);
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}
