import type { Locale } from '../common/locale';
import { formatEuro } from '../common/money';

/** "€ 3.000,00" → "3000.00" */
const EURO = '(€ ?[\\d.]+,\\d{2})';
const dec = (s: string): string => s.replace(/[€\s.]/g, '').replace(',', '.');
const en = (s: string): string => formatEuro(dec(s), 'en');

/**
 * The decision-level sentence of a request (tiers.ts writes it in Dutch, as the audit trail keeps
 * it) in English for an English page. Unknown sentences are shown as stored.
 */
export function tierReasonText(reason: string | null, lang: Locale): string {
  if (!reason || lang === 'nl') return reason ?? '';
  let m = new RegExp(`^Boven het persoonsplafond van dit fonds: dit jaar al ${EURO} gereserveerd of betaald voor deze casus, met deze aanvraag ${EURO}, meer dan het plafond van ${EURO} per jaar`).exec(reason);
  if (m) {
    return `Above this fund's cap per person: ${en(m[1])} already committed or paid for this case this year, ${en(m[2])} with this request, more than the cap of ${en(m[3])} a year; so two approvals are needed (two budget holders of different organisations, or a steering-group member as the second).`;
  }
  m = new RegExp(`^Binnen mandaat: ${EURO} valt binnen het mandaat van de aanvrager \\(${EURO}\\)\\.$`).exec(reason);
  if (m) return `Within mandate: ${en(m[1])} is within the requester's mandate (${en(m[2])}).`;
  m = new RegExp(`^${EURO} is meer dan het mandaat van de aanvrager \\(${EURO}\\) en ten hoogste ${EURO}: één budgethouder beslist\\.$`).exec(reason);
  if (m) return `${en(m[1])} is more than the requester's mandate (${en(m[2])}) and at most ${en(m[3])}: one budget holder decides.`;
  m = new RegExp(`^${EURO} is meer dan ${EURO}, de grens voor één budgethouder`).exec(reason);
  if (m) {
    return `${en(m[1])} is more than ${en(m[2])}, the limit for one budget holder: two budget holders of different organisations, or a steering-group member as the second, must approve.`;
  }
  return reason;
}

const UNITS_EN: Record<string, string> = {
  'per bezoek': 'per visit',
  'per contact': 'per contact',
  'per dag': 'per day',
  'per etmaal': 'per 24 hours',
  'per jaar': 'per year',
  'per melding': 'per call-out',
  'per overleg': 'per meeting',
  'per uur': 'per hour',
  'per uur per agent': 'per hour per officer',
  'per uitzetting': 'per eviction',
  'per delict': 'per offence',
  'per rit': 'per ride',
  'per consult': 'per consultation',
};

/** A catalogue unit ("per dag") in the page's language. */
export function unitText(unit: string, lang: Locale): string {
  return lang === 'en' ? (UNITS_EN[unit] ?? unit) : unit;
}
