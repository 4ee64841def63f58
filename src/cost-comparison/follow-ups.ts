import { addDays, dutchDate } from '../common/dutch-time';
import { Dec, moneyString, sumDec } from '../common/money';
import { ratioString } from './comparison';
import type { RealisedComparison } from './realised';

/** Follow-up moments after the approval of a funded request. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];
/** days after the due date before a follow-up that is not recorded counts as overdue */
export const FOLLOW_UP_GRACE_DAYS = 14;

/**
 * recorded: done; due: the moment has come (within the grace days), work for the requester;
 * overdue: more than FOLLOW_UP_GRACE_DAYS past its date; upcoming: not yet.
 */
export type FollowUpState = 'recorded' | 'due' | 'overdue' | 'upcoming';

export interface FollowUp {
  months: FollowUpMonths;
  /** Dutch calendar date: the approval date plus `months` calendar months */
  dueDate: string;
  state: FollowUpState;
}

/** Calendar date `months` later; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  // ((i % 12) + 12) % 12: a negative number of months goes back across the year boundary
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The 3-, 6- and 12-month follow-ups of a request approved at `approvedAt`, as of `asOf`. */
export function followUpSchedule(approvedAt: Date, recordedMonths: readonly number[], asOf: Date): FollowUp[] {
  const start = dutchDate(approvedAt);
  const today = dutchDate(asOf);
  return FOLLOW_UP_MONTHS.map((months) => {
    const dueDate = addMonths(start, months);
    let state: FollowUpState = 'upcoming';
    if (recordedMonths.includes(months)) state = 'recorded';
    else if (addDays(dueDate, FOLLOW_UP_GRACE_DAYS) < today) state = 'overdue';
    else if (dueDate <= today) state = 'due';
    return { months, dueDate, state };
  });
}

/** One funded request as the follow-up totals see it. */
export interface FollowUpSubject {
  schedule: FollowUp[];
  /** the latest recorded follow-up, if any */
  latest: { goalReached: 'yes' | 'partly' | 'no'; realised: RealisedComparison } | null;
}

export interface FollowUpTotals {
  /** follow-up moments that have come (recorded, due or overdue) */
  due: number;
  recorded: number;
  overdue: number;
  /** recorded / due as a share, 2 decimals; null when nothing is due yet */
  coverage: string | null;
  /** goal reached per latest follow-up, and the share of requests with a follow-up that reached it */
  goals: { yes: number; partly: number; no: number; reachedShare: string | null };
  /** over the latest follow-ups only, each for its own elapsed window */
  estimatedInWindow: string;
  realised: string;
  requestsFollowedUp: number;
}

/**
 * What the follow-ups cover, so that a realised figure is never shown without how much of the
 * work it rests on: coverage, overdue follow-ups and goals reached.
 */
export function followUpTotals(subjects: readonly FollowUpSubject[]): FollowUpTotals {
  const moments = subjects.flatMap((s) => s.schedule).filter((f) => f.state !== 'upcoming');
  const recorded = moments.filter((f) => f.state === 'recorded').length;
  const latest = subjects.flatMap((s) => (s.latest ? [s.latest] : []));
  const count = (g: 'yes' | 'partly' | 'no') => latest.filter((l) => l.goalReached === g).length;
  return {
    due: moments.length,
    recorded,
    overdue: moments.filter((f) => f.state === 'overdue').length,
    coverage: ratioString(recorded, moments.length),
    goals: { yes: count('yes'), partly: count('partly'), no: count('no'), reachedShare: ratioString(count('yes'), latest.length) },
    estimatedInWindow: moneyString(sumDec(latest.map((l) => l.realised.estimated))),
    realised: moneyString(sumDec(latest.map((l) => l.realised.realised))),
    requestsFollowedUp: latest.length,
  };
}

/** Below this many followed-up requests a calibration factor is not shown: it would be noise. */
export const CALIBRATION_MIN_SAMPLE = 10;

export interface CalibrationInput {
  costItemKey: string;
  organisationId: string;
  /** the line of the latest follow-up of one request */
  line: RealisedComparison['lines'][number];
}

export interface Calibration {
  costItemKey: string;
  /** null for the catalogue-wide figure */
  organisationId: string | null;
  /** followed-up requests with this item */
  sample: number;
  /** Σ realised / Σ estimated over the sample, 2 decimals; null below CALIBRATION_MIN_SAMPLE */
  factor: string | null;
  /** mean estimated probability and mean observed share not happened, 2 decimals */
  meanProbability: string;
  meanNotHappened: string;
}

/**
 * How estimates compared with what happened, per catalogue item and, where there are at least
 * CALIBRATION_MIN_SAMPLE followed-up requests, per item and requesting organisation.
 * factor = Σ realised / Σ estimated over the same windows: 1.00 means the estimates held, 0.50
 * that half of what was estimated was avoided. A calibrated estimate is expected × factor.
 */
export function calibrate(inputs: readonly CalibrationInput[]): { byItem: Calibration[]; byOrganisation: Calibration[] } {
  const group = (keyOf: (i: CalibrationInput) => string) => {
    const groups = new Map<string, CalibrationInput[]>();
    for (const i of inputs) {
      const key = keyOf(i);
      const members = groups.get(key);
      if (members) members.push(i);
      else groups.set(key, [i]);
    }
    return [...groups.values()];
  };
  const calibration = (members: CalibrationInput[], organisationId: string | null): Calibration => {
    const n = members.length;
    const estimated = sumDec(members.map((m) => m.line.expected));
    const realised = sumDec(members.map((m) => m.line.realised));
    return {
      costItemKey: members[0].costItemKey,
      organisationId,
      sample: n,
      factor: n >= CALIBRATION_MIN_SAMPLE ? ratioString(realised, estimated) : null,
      meanProbability: sumDec(members.map((m) => m.line.probability)).dividedBy(n).toDecimalPlaces(2).toFixed(2),
      meanNotHappened: sumDec(members.map((m) => m.line.notHappened)).dividedBy(n).toDecimalPlaces(2).toFixed(2),
    };
  };
  const byKey = (a: Calibration, b: Calibration) =>
    a.costItemKey < b.costItemKey ? -1 : a.costItemKey > b.costItemKey ? 1 : (a.organisationId ?? '') < (b.organisationId ?? '') ? -1 : 1;
  return {
    byItem: group((i) => i.costItemKey).map((m) => calibration(m, null)).sort(byKey),
    byOrganisation: group((i) => `${i.costItemKey}\u0000${i.organisationId}`)
      .filter((m) => m.length >= CALIBRATION_MIN_SAMPLE)
      .map((m) => calibration(m, m[0].organisationId))
      .sort(byKey),
  };
}

/** expected × factor, or null without a factor. */
export function calibrated(expected: string, factor: string | null): string | null {
  return factor === null ? null : moneyString(new Dec(expected).times(factor));
}
