import type { Locale } from '../common/locale';
import type Decimal from 'decimal.js';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime as dutchDateTime } from '../common/dutch-time';
import { Dec, formatEuro } from '../common/money';
import { fieldId } from './forms';
import { historyReason } from '../requests/history-reason';
import { tierReasonText, unitText } from './tier-reason';
import { translate } from './i18n';
import { problemText } from './problem-text';

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && value) {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** `22 nov. 2026 14:05` in Dutch time (`22 Nov 2026 14:05` in English); empty for missing values. */
export function formatDateTime(value: unknown, lang: Locale = 'nl'): string {
  const d = toDate(value);
  return d ? dutchDateTime(d, lang) : '';
}

/** `22 nov. 2026` for calendar dates (YYYY-MM-DD) or instants. */
export function formatDay(value: unknown, lang: Locale = 'nl'): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
  const d = toDate(value);
  return d ? formatDate(d, lang) : '';
}

/** Money for people: `€ 3.000,00` (English: `€ 3,000.00`). Empty for missing values. */
export function formatMoney(value: unknown, lang: Locale = 'nl'): string {
  if (value === null || value === undefined || value === '') return '';
  try {
    return formatEuro(value as Decimal.Value, lang);
  } catch {
    return String(value);
  }
}

/** A decimal string for people: `1,5` (nl) or `1.5` (en); trailing zeros dropped. */
export function formatNumber(value: unknown, lang: Locale = 'nl'): string {
  if (value === null || value === undefined || value === '') return '';
  try {
    const s = new Dec(value as Decimal.Value).toString();
    return lang === 'nl' ? s.replace('.', ',') : s;
  } catch {
    return String(value);
  }
}

/** A probability 0..1 as a percentage: `0.5` → `50%`. */
export function formatPercent(value: unknown, lang: Locale = 'nl'): string {
  if (value === null || value === undefined || value === '') return '';
  try {
    return `${formatNumber(new Dec(value as Decimal.Value).times(100).toDecimalPlaces(2).toString(), lang)}%`;
  } catch {
    return String(value);
  }
}

/** How far `due` is from `now`: "nog 5 uur" or "2 uur te laat". */
export function timeLeft(due: unknown, now: Date, lang: Locale = 'nl'): { text: string; late: boolean } | null {
  const d = toDate(due);
  if (!d) return null;
  const diff = d.getTime() - now.getTime();
  const late = diff < 0;
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  const hours = Math.floor(abs / 3_600_000);
  const days = Math.floor(abs / 86_400_000);
  let span: string;
  if (hours < 1) span = translate(lang, 'time.minutes', { n: Math.max(minutes, 1) });
  else if (hours < 48) span = translate(lang, hours === 1 ? 'time.hour' : 'time.hours', { n: hours });
  else span = translate(lang, days === 1 ? 'time.day' : 'time.days', { n: days });
  return { text: translate(lang, late ? 'time.late' : 'time.left', { n: span }), late };
}

/** Colour of a status badge (Utrecht status-badge modifiers). */
export function statusTone(status: string): string {
  switch (status) {
    case 'approved':
    case 'paid':
    case 'evaluated':
      return 'success';
    case 'rejected':
      return 'danger';
    case 'info_requested':
      return 'warning';
    case 'submitted':
      return 'active';
    default:
      return 'neutral';
  }
}

interface FilterThis {
  ctx?: { lang?: Locale };
}
const langOf = (self: FilterThis | undefined): Locale => (self?.ctx?.lang === 'en' ? 'en' : 'nl');

/**
 * The one nunjucks environment: autoescape on (user text is always escaped; nothing from users is
 * ever marked safe), filters for money, dates and statuses in the page's language.
 */
export function createViewEnvironment(viewsDir: string, watch = false): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir, { noCache: watch, watch: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('historyReason', function (this: FilterThis, h: Parameters<typeof historyReason>[0]) {
    return historyReason(h, langOf(this));
  });
  env.addFilter('tierReason', function (this: FilterThis, v: string | null) {
    return tierReasonText(v, langOf(this));
  });
  env.addFilter('unit', function (this: FilterThis, v: string) {
    return unitText(v, langOf(this));
  });
  env.addFilter('money', function (this: FilterThis, v: unknown) {
    return formatMoney(v, langOf(this));
  });
  env.addFilter('date', function (this: FilterThis, v: unknown) {
    return formatDateTime(v, langOf(this));
  });
  env.addFilter('day', function (this: FilterThis, v: unknown) {
    return formatDay(v, langOf(this));
  });
  env.addFilter('num', function (this: FilterThis, v: unknown) {
    return formatNumber(v, langOf(this));
  });
  env.addFilter('percent', function (this: FilterThis, v: unknown) {
    return formatPercent(v, langOf(this));
  });
  env.addFilter('status', function (this: FilterThis, v: unknown) {
    return translate(langOf(this), `status.${String(v)}`);
  });
  env.addFilter('statusTone', (v: unknown) => statusTone(String(v)));
  env.addFilter('timeLeft', function (this: FilterThis & { ctx?: { now?: Date } }, v: unknown) {
    return timeLeft(v, this.ctx?.now ?? new Date(), langOf(this));
  });
  env.addGlobal('fieldId', fieldId);
  env.addFilter('problemText', function (this: FilterThis, p: { code?: string; detail?: string }) {
    return problemText(p?.code ?? '', p?.detail ?? '', langOf(this));
  });
  return env;
}
