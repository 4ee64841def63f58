/**
 * Display formatting for the report models: dates in Europe/Amsterdam, percentages, hours,
 * ratios and compact euro amounts. Money stays Decimal until it becomes a string here.
 */
import Decimal from 'decimal.js';
import { Dec, formatEuro, roundMoney } from '../common/money';
import type { IsoDate, IsoDateTime, ReportLocale } from './report-data.types';

const MONTHS: Record<ReportLocale, readonly string[]> = {
  // Dutch abbreviations per Taaladvies; "mei" has no full stop because it is not shortened.
  nl: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function toDate(value: Date | IsoDateTime): Date {
  return value instanceof Date ? value : new Date(value);
}

function amsterdamParts(at: Date): { y: number; m: number; d: number; hh: string; mm: string } {
  const parts: Record<string, string> = {};
  for (const p of AMSTERDAM.formatToParts(at)) parts[p.type] = p.value;
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), hh: parts.hour, mm: parts.minute };
}

export function monthShort(monthIndex: number, locale: ReportLocale): string {
  return MONTHS[locale][monthIndex];
}

/** `22 nov. 2026 14:05` in Europe/Amsterdam. */
export function formatDateTime(value: Date | IsoDateTime, locale: ReportLocale): string {
  const p = amsterdamParts(toDate(value));
  return `${p.d} ${MONTHS[locale][p.m - 1]} ${p.y} ${p.hh}:${p.mm}`;
}

/** A calendar date (`2026-01-01` → `1 jan. 2026`); moments are taken in Europe/Amsterdam. */
export function formatDate(value: Date | IsoDate, locale: ReportLocale): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${d} ${MONTHS[locale][m - 1]} ${y}`;
  }
  const p = amsterdamParts(toDate(value));
  return `${p.d} ${MONTHS[locale][p.m - 1]} ${p.y}`;
}

/** Decimal separator of the locale applied to a plain decimal string. */
export function localiseNumber(plain: string, locale: ReportLocale): string {
  return locale === 'nl' ? plain.replace('.', ',') : plain;
}

/** A fraction as a percentage: `0.375` → `37,5%`. */
export function formatPercent(fraction: Decimal.Value, locale: ReportLocale, decimals = 1): string {
  return `${localiseNumber(new Dec(fraction).times(100).toFixed(decimals, Decimal.ROUND_HALF_UP), locale)}%`;
}

/** Hours with one decimal; from two days on also in days: `5,5 uur`, `72,0 uur (3,0 dagen)`. */
export function formatHours(hours: number, locale: ReportLocale): string {
  const h = localiseNumber(new Dec(hours).toFixed(1, Decimal.ROUND_HALF_UP), locale);
  const unit = locale === 'nl' ? 'uur' : hours === 1 ? 'hour' : 'hours';
  if (hours < 48) return `${h} ${unit}`;
  const d = localiseNumber(new Dec(hours).dividedBy(24).toFixed(1, Decimal.ROUND_HALF_UP), locale);
  return `${h} ${unit} (${d} ${locale === 'nl' ? 'dagen' : 'days'})`;
}

/** Ratio avoided : cost as the API gives it (`"15.02"`) or null → `15,02` / `–`. */
export function formatRatio(ratio: Decimal.Value | null, locale: ReportLocale): string {
  if (ratio === null) return '–';
  return localiseNumber(new Dec(ratio).toFixed(2, Decimal.ROUND_HALF_UP), locale);
}

export function formatMoney(value: Decimal.Value, locale: ReportLocale): string {
  return formatEuro(value, locale);
}

/** Whole euros for chart axes: `€ 25.000`. */
export function formatEuroWhole(value: Decimal.Value, locale: ReportLocale): string {
  const full = formatEuro(roundMoney(new Dec(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), locale);
  return full.slice(0, -3);
}

/** An integer count with grouping: `1.000`. */
export function formatCount(n: number, locale: ReportLocale): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nl' ? '.' : ',');
}

/** Cut a long text at a word boundary with an ellipsis, for vignettes and examples. */
export function truncateWords(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : clean.slice(0, maxChars);
  return `${base.replace(/[\s,.;:–-]+$/, '')} …`;
}

/** Replace `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
