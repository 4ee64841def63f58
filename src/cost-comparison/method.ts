import Decimal from 'decimal.js';
import { Dec } from '../common/money';

/**
 * How a fund corrects the requester's estimate before it is reported as net avoided cost.
 * All shares are decimal strings 0..1; the rate is a real rate (0.0225 = 2.25 % a year).
 */
export interface ComparisonMethod {
  /** share of each line that would have been avoided anyway, without the request (when a line gives none) */
  deadweight: string;
  /** share of the effect attributable to this request rather than to other help (when a line gives none) */
  attribution: string;
  /** share of the effect lost each year after the first, for lines that span several years */
  dropOff: string;
  /** real discount rate per year */
  discountRate: string;
  /** longest period in years any line counts; longer lines are cut off at the horizon */
  horizonYears: number;
}

/**
 * Defaults of a new fund (and of the funds that existed before the method was introduced). The
 * shares are conservative starting assumptions, not measured values: the probability per line is
 * already the requester's estimate of what happens without the request, so deadweight covers what
 * that estimate misses (a person who would have found a way anyway), attribution the part of the
 * effect that other help in the network claims, and drop-off the fading of an effect over the years.
 * A steering group that has better figures sets them per fund (rules of POST /api/v1/funds).
 * The discount rate is the Dutch standard discount rate for social cost-benefit analysis
 * (see DISCOUNT_RATE_SOURCE); five years is the horizon a network can still oversee.
 */
export const DEFAULT_METHOD: Readonly<ComparisonMethod> = Object.freeze({
  deadweight: '0.10',
  attribution: '0.80',
  dropOff: '0.20',
  discountRate: '0.0225',
  horizonYears: 5,
});

export const MAX_HORIZON_YEARS = 50;
/** A real discount rate above 20 % a year is certainly a typo (0.0225 entered as 2.25 is refused too). */
export const MAX_DISCOUNT_RATE = new Dec('0.2');

/** Where the default discount rate comes from; printed in the methodology of every report. */
export const DISCOUNT_RATE_SOURCE = {
  nl:
    'Standaarddiscontovoet 2,25 % (reëel) voor maatschappelijke kosten-batenanalyses, vastgesteld door het kabinet ' +
    'op advies van de Werkgroep discontovoet (Rapport Werkgroep discontovoet 2020, Ministerie van Financiën), ' +
    'van toepassing sinds 1 januari 2021',
  en:
    'Standard discount rate of 2.25 % (real) for social cost-benefit analyses, set by the Dutch government on the ' +
    'advice of the Werkgroep discontovoet (Rapport Werkgroep discontovoet 2020, Ministry of Finance), in force ' +
    'since 1 January 2021',
  url: 'https://www.rwseconomie.nl/discontovoet',
} as const;

/** Decimal places of the published time factors; the money figures follow from the shown factors. */
export const FACTOR_DECIMALS = 6;

export interface TimeFactors {
  /** years the line counts: min(line years, horizon) */
  years: number;
  /** Σ_{t=0}^{years−1} 1 / (1 + r)^t, rounded to FACTOR_DECIMALS */
  gross: Dec;
  /** Σ_{t=0}^{years−1} (1 − dropOff)^t / (1 + r)^t, rounded to FACTOR_DECIMALS */
  net: Dec;
}

/**
 * Present-value factors of a yearly cost over `lineYears` years. The first year (t = 0) is the
 * price year and is not discounted; year t is discounted by (1 + r)^t and, for the net figure, has
 * lost (1 − dropOff)^t of the effect. A one-year line therefore has both factors exactly 1.
 */
export function timeFactors(lineYears: number, method: Pick<ComparisonMethod, 'dropOff' | 'discountRate' | 'horizonYears'>): TimeFactors {
  const years = Math.max(1, Math.min(lineYears, method.horizonYears));
  // a report prices tens of thousands of lines with a handful of (years, method) pairs
  const key = `${years}|${method.dropOff}|${method.discountRate}`;
  const known = FACTOR_CACHE.get(key);
  if (known) return known;
  const computed = computeTimeFactors(years, method);
  if (FACTOR_CACHE.size > 1000) FACTOR_CACHE.clear();
  FACTOR_CACHE.set(key, computed);
  return computed;
}

const FACTOR_CACHE = new Map<string, TimeFactors>();

function computeTimeFactors(years: number, method: Pick<ComparisonMethod, 'dropOff' | 'discountRate'>): TimeFactors {
  const growth = new Dec(1).plus(method.discountRate);
  const keep = new Dec(1).minus(method.dropOff);
  let gross = new Dec(0);
  let net = new Dec(0);
  for (let t = 0; t < years; t++) {
    const discount = growth.pow(t);
    gross = gross.plus(new Dec(1).dividedBy(discount));
    net = net.plus(keep.pow(t).dividedBy(discount));
  }
  return {
    years,
    gross: gross.toDecimalPlaces(FACTOR_DECIMALS, Decimal.ROUND_HALF_UP),
    net: net.toDecimalPlaces(FACTOR_DECIMALS, Decimal.ROUND_HALF_UP),
  };
}

/** The method with every share as a plain decimal string (no trailing zeros), as the API shows it. */
export function methodStrings(m: ComparisonMethod): ComparisonMethod {
  return {
    deadweight: new Dec(m.deadweight).toFixed(),
    attribution: new Dec(m.attribution).toFixed(),
    dropOff: new Dec(m.dropOff).toFixed(),
    discountRate: new Dec(m.discountRate).toFixed(),
    horizonYears: m.horizonYears,
  };
}
