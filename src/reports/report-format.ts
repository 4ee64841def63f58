/**
 * Display formatting for the report models: dates in Dutch time, percentages, hours,
 * ratios and compact euro amounts. Money stays Decimal until it becomes a string here.
 */
import type { Locale } from '../common/locale';
import Decimal from 'decimal.js';
import { formatDate as dutchDateOnly, formatDateTime as dutchDateTime } from '../common/dutch-time';
import { Dec, formatEuro, roundMoney } from '../common/money';
import type { IsoDate, IsoDateTime } from './report-data.types';

export function toDate(value: Date | IsoDateTime): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `22 nov. 2026 14:05` in Dutch time. */
export function formatDateTime(value: Date | IsoDateTime, locale: Locale): string {
  return dutchDateTime(toDate(value), locale);
}

/** A calendar date (`2026-01-01` → `1 jan. 2026`); moments are taken in Dutch time. */
export function formatDate(value: Date | IsoDate, locale: Locale): string {
  return dutchDateOnly(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : toDate(value), locale);
}

/** Decimal separator of the locale applied to a plain decimal string. */
export function localiseNumber(plain: string, locale: Locale): string {
  return locale === 'nl' ? plain.replace('.', ',') : plain;
}

/** A fraction as a percentage: `0.375` → `37,5%`, `180.72` → `18.072,0%` (`18,072.0%` in English). */
export function formatPercent(fraction: Decimal.Value, locale: Locale, decimals = 1): string {
  const [whole, part] = new Dec(fraction).times(100).toFixed(decimals, Decimal.ROUND_HALF_UP).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nl' ? '.' : ',');
  return `${grouped}${part === undefined ? '' : (locale === 'nl' ? ',' : '.') + part}%`;
}

/** Hours with one decimal; from two days on also in days: `5,5 uur`, `72,0 uur (3,0 dagen)`. */
export function formatHours(hours: number, locale: Locale): string {
  const h = localiseNumber(new Dec(hours).toFixed(1, Decimal.ROUND_HALF_UP), locale);
  const unit = locale === 'nl' ? 'uur' : hours === 1 ? 'hour' : 'hours';
  if (hours < 48) return `${h} ${unit}`;
  const d = localiseNumber(new Dec(hours).dividedBy(24).toFixed(1, Decimal.ROUND_HALF_UP), locale);
  return `${h} ${unit} (${d} ${locale === 'nl' ? 'dagen' : 'days'})`;
}

/** Ratio avoided : cost as the API gives it (`"15.02"`) or null → `15,02` / `–`. */
export function formatRatio(ratio: Decimal.Value | null, locale: Locale): string {
  if (ratio === null) return '–';
  return localiseNumber(new Dec(ratio).toFixed(2, Decimal.ROUND_HALF_UP), locale);
}

export function formatMoney(value: Decimal.Value, locale: Locale): string {
  return formatEuro(value, locale);
}

/** Whole euros for chart axes: `€ 25.000`. */
export function formatEuroWhole(value: Decimal.Value, locale: Locale): string {
  const full = formatEuro(roundMoney(new Dec(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), locale);
  return full.slice(0, -3);
}

/** An integer count with grouping: `1.000`. */
export function formatCount(n: number, locale: Locale): string {
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
