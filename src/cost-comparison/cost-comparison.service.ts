import type { OutcomeLine } from './comparison.types';
import { Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { Aggregate, AggregateItem, aggregateComparisons } from './aggregate';
import { priceUnit } from './comparison';
import { compareWith, priceNoteKey, pricerOf, PricingContext, PricingLine, PricingSubject, PricingVersion } from './comparison-pricer';
import { ComparisonTotals, comparisonTotalsOf, totalsParams, TotalsRow } from './comparison-totals';
import { Comparison, Confidence } from './comparison.types';
import { CostItemEntity } from './cost-item.entity';
import { CostItemsRepository } from './cost-items.repository';
import { CpiSeries } from './cpi';
import { FundMethodsReader } from './fund-methods.reader';
import { ComparisonMethod, MAX_HORIZON_YEARS } from './method';
import { ComparisonLocale, translatePriceNote } from './price-notes';
import { computeRealised, RealisedComparison } from './realised';

/** Injection token: the CPI series (loaded once from data/cpi-nl.csv by the module). */
export const CPI_SERIES = Symbol('CPI_SERIES');
/** Injection token: relative uncertainty per confidence level (DEFAULT_CONFIDENCE_BANDS unless configured). */
export const CONFIDENCE_BANDS = Symbol('CONFIDENCE_BANDS');

export const MAX_QUANTITY = new Dec('100000');
/** comparisons computed between two turns of the event loop (see compareMany) */
const COMPARE_SLICE = 250;
/** catalogue versions kept in memory (a catalogue has tens of items with a few versions each) */
const VERSION_CACHE_LIMIT = 5000;
const QUANTITY_PATTERN = /^\d{1,6}(\.\d{1,2})?$/;
const PROBABILITY_PATTERN = /^[01](\.\d{1,4})?$/;

/** One line of a conventional route as a requester enters it. */
export interface RouteLineInput {
  costItemKey: string;
  quantity: string;
  probability: string;
  note?: string | null;
  /** years the cost recurs (quantity is per year), 1..50; default 1 */
  years?: number;
  /** the line's own shares 0..1; absent: the fund's defaults */
  deadweight?: string | null;
  attribution?: string | null;
}

/** A route line priced once, ready to be stored with its request (request_cost_lines). */
export interface PricedCostLine {
  /** 0-based, the index of the line in the route as entered */
  position: number;
  /** the exact catalogue version used; the request keeps it when the catalogue changes */
  costItemId: string;
  costItemKey: string;
  quantity: Dec;
  probability: Dec;
  note: string | null;
  /** catalogue amount brought to the request's price year, cents */
  unitAmount: Dec;
  unindexed: boolean;
  years: number;
  deadweight: Dec | null;
  attribution: Dec | null;
}

/** What a stored request line contributes to its comparison: the priced line as it was stored. */
export type StoredCostLine = PricedCostLine;

export interface ComparisonSubject {
  maatwerkCost: Decimal.Value;
  priceYear: number;
  /** stored lines (StoredCostLine), or the same as read with amounts as decimal strings */
  lines: readonly PricingLine[];
  /** the fund whose method (default shares, drop-off, rate, horizon) applies; DEFAULT_METHOD without one */
  fundId?: string | null;
  /** that fund's method when the caller already holds the fund (then it is not looked up) */
  method?: ComparisonMethod;
}

/**
 * The one place the API, the web UI and the PDFs get cost comparisons from. Pricing happens once,
 * when a route is entered (priceRoute); comparisons are then rebuilt from the stored unit amounts
 * and the exact catalogue versions, so they never change when the catalogue does.
 */
@Injectable()
export class CostComparisonService {
  private readonly versionCache = new Map<string, CostItemEntity>();
  /** CPI remarks per (catalogue price year, comparison price year, locale); the series never changes in a running process */
  private readonly noteCache = new Map<string, readonly string[]>();

  constructor(
    private readonly items: CostItemsRepository,
    private readonly fundMethods: FundMethodsReader,
    @Inject(CPI_SERIES) private readonly cpi: CpiSeries,
    @Inject(CONFIDENCE_BANDS) private readonly bands: Readonly<Record<Confidence, Dec>>,
  ) {}

  /**
   * Price a conventional route with the current catalogue version of each key, CPI-indexed to
   * `priceYear`. Errors name the field as `conventionalRoute.<i>.<field>`.
   */
  async priceRoute(lines: readonly RouteLineInput[], priceYear: number): Promise<PricedCostLine[]> {
    const keys = lines.map((l) => l.costItemKey).filter((k): k is string => typeof k === 'string');
    const current = new Map((await this.items.findCurrentByKeys(keys)).map((v) => [v.key, v]));
    return lines.map((line, i) => {
      const field = (name: string) => `conventionalRoute.${i}.${name}`;
      const item = current.get(line.costItemKey);
      if (!item) throw DomainError.invalidField(field('costItemKey'), `unknown cost item "${line.costItemKey}"`);
      const quantity = parseBounded(line.quantity, QUANTITY_PATTERN, (q) => q.gt(0) && q.lte(MAX_QUANTITY));
      if (!quantity) {
        throw DomainError.invalidField(
          field('quantity'),
          'must be a decimal string above 0 and at most 100000, with at most 2 decimals (e.g. "365")',
        );
      }
      const probability = parseBounded(line.probability, PROBABILITY_PATTERN, (p) => p.lte(1));
      if (!probability) {
        throw DomainError.invalidField(
          field('probability'),
          'must be a decimal string from 0 to 1, with at most 4 decimals (e.g. "0.5")',
        );
      }
      const years = line.years ?? 1;
      if (!Number.isInteger(years) || years < 1 || years > MAX_HORIZON_YEARS) {
        throw DomainError.invalidField(field('years'), `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}`);
      }
      const priced = priceUnit(item, priceYear, this.cpi);
      return {
        position: i,
        costItemId: item.id,
        costItemKey: item.key,
        quantity,
        probability,
        note: line.note ?? null,
        unitAmount: priced.unitAmount,
        unindexed: priced.unindexed,
        years,
        deadweight: parseShare(line.deadweight, field('deadweight')),
        attribution: parseShare(line.attribution, field('attribution')),
      };
    });
  }

  async compare(input: ComparisonSubject, locale: ComparisonLocale = 'nl'): Promise<Comparison> {
    const [comparison] = await this.compareMany([input], locale);
    return comparison;
  }

  /**
   * Comparisons for many requests with one catalogue query for all of them. Exact decimal maths
   * costs tens of microseconds per request, so a steering report over 10,000 requests would hold
   * the event loop for most of a second: every COMPARE_SLICE comparisons it lets other requests run.
   */
  async compareMany(inputs: readonly ComparisonSubject[], locale: ComparisonLocale = 'nl'): Promise<Comparison[]> {
    const pricer = pricerOf(await this.pricingContext(inputs, locale), this.bands);
    const out: Comparison[] = [];
    for (let i = 0; i < inputs.length; i++) {
      if (i > 0 && i % COMPARE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      out.push(compareWith(pricer, inputs[i]));
    }
    return out;
  }

  /**
   * What compareWith needs for these requests, read once and as plain data: the catalogue versions
   * of their lines, the methods of their funds, the bands and the CPI remarks. A worker thread can
   * compute the very comparisons compareMany gives from it.
   */
  async pricingContext(inputs: readonly Omit<PricingSubject, 'maatwerkCost'>[], locale: ComparisonLocale = 'nl'): Promise<PricingContext> {
    const ids = [...new Set(inputs.flatMap((input) => input.lines.map((l) => l.costItemId)))];
    const versions = await this.versionsByIds(ids);
    const methods = await this.fundMethods.methodsOf([...new Set(inputs.flatMap((input) => (input.fundId && !input.method ? [input.fundId] : [])))]);
    const priceNotes = new Map<string, readonly string[]>();
    const itemYears = new Set([...versions.values()].map((v) => v.priceYear));
    for (const toYear of new Set(inputs.map((i) => i.priceYear))) {
      for (const fromYear of itemYears) priceNotes.set(priceNoteKey(fromYear, toYear), this.priceNotes(fromYear, toYear, locale));
    }
    const plain = new Map<string, PricingVersion>();
    for (const [id, v] of versions) {
      plain.set(id, {
        key: v.key, version: v.version, labelNl: v.labelNl, labelEn: v.labelEn, unit: v.unit, amount: v.amount.toFixed(),
        priceYear: v.priceYear, bearerKey: v.bearerKey, bearerLabelNl: v.bearerLabelNl, kind: v.kind, budgetEffect: v.budgetEffect, confidence: v.confidence,
      });
    }
    const bands = { high: this.bands.high.toFixed(), medium: this.bands.medium.toFixed(), low: this.bands.low.toFixed() };
    return { locale, versions: plain, methods, bands, priceNotes };
  }

  /** The parameters comparisonTotalsSql needs: the configured confidence bands. */
  totalsParams(): Record<string, string> {
    return totalsParams(this.bands);
  }

  /** A request's comparison totals from what comparisonTotalsSql summed: the same figures compare() gives. */
  totalsOf(row: TotalsRow, subject: Parameters<typeof comparisonTotalsOf>[1]): ComparisonTotals {
    return comparisonTotalsOf(row, subject, this.bands);
  }

  /** The method of each fund (its settings), for reports that state it. */
  methodsOf(fundIds: readonly string[]): Promise<Map<string, ComparisonMethod>> {
    return this.fundMethods.methodsOf(fundIds);
  }

  /**
   * Catalogue versions by id, remembered: a version is never changed once written (a change makes a
   * new version; only the old one's superseded_at is set, which comparisons do not read), and every
   * request list and page would otherwise fetch the same few rows again.
   */
  private async versionsByIds(ids: readonly string[]): Promise<Map<string, CostItemEntity>> {
    const missing = ids.filter((id) => !this.versionCache.has(id));
    if (missing.length) {
      if (this.versionCache.size > VERSION_CACHE_LIMIT) this.versionCache.clear();
      for (const v of await this.items.findVersionsByIds(missing)) this.versionCache.set(v.id, v);
    }
    const out = new Map<string, CostItemEntity>();
    for (const id of ids) {
      const v = this.versionCache.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  /**
   * Estimate against follow-up. Throws an invalid-input error naming `lines` when the outcome does
   * not cover exactly the route's items, so it can also check an outcome before it is stored.
   */
  realised(comparison: Comparison, outcome: { lines: readonly OutcomeLine[]; months?: number }): RealisedComparison {
    try {
      return computeRealised(comparison.lines, outcome.lines, outcome.months ?? null);
    } catch (e) {
      if (e instanceof RangeError) throw DomainError.invalidField('lines', e.message, 'OUTCOME_LINES');
      throw e;
    }
  }

  /** Totals per bearer, kind, life domain, organisation and case; per fund is the caller's selection. */
  aggregate(items: readonly AggregateItem[]): Aggregate {
    return aggregateComparisons(items);
  }

  /** The CPI's remarks on bringing `fromYear` to `toYear`, translated; the same few pairs come back for every line. */
  private priceNotes(fromYear: number | null, toYear: number, locale: ComparisonLocale): readonly string[] {
    const key = `${fromYear}|${toYear}|${locale}`;
    let notes = this.noteCache.get(key);
    if (!notes) {
      if (this.noteCache.size > 1000) this.noteCache.clear();
      notes = this.cpi.factor(fromYear, toYear).notes.map((n) => translatePriceNote(n, locale));
      this.noteCache.set(key, notes);
    }
    return notes;
  }

}

const SHARE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** An optional share 0..1 (decimal string, at most 4 decimals); refused with a 400 naming `field`. */
function parseShare(value: unknown, field: string): Dec | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !SHARE_PATTERN.test(text)) {
    throw DomainError.invalidField(field, 'must be a share from 0 to 1, with at most 4 decimals (e.g. "0.2")');
  }
  return new Dec(text);
}

/** A decimal string matching `pattern` and `inRange`, or null. */
function parseBounded(value: unknown, pattern: RegExp, inRange: (d: Dec) => boolean): Dec | null {
  if (typeof value !== 'string' || !pattern.test(value)) return null;
  const d = new Dec(value);
  return inRange(d) ? d : null;
}
