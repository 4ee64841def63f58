import Decimal from 'decimal.js';
import { Dec } from '../common/money';
import { BEARER_LABELS, isBearerKey } from './catalogue-csv';
import { computeComparison, ComparisonLineInput } from './comparison';
import type { BudgetEffect, Comparison, Confidence, CostKind } from './comparison.types';
import { ComparisonMethod, DEFAULT_METHOD } from './method';
import type { ComparisonLocale } from './price-notes';

/** What a comparison reads of one catalogue version (CostItemEntity, or the same as plain data). */
export interface PricingVersion {
  key: string;
  version: number;
  labelNl: string;
  labelEn: string;
  unit: string;
  amount: Decimal.Value;
  priceYear: number | null;
  bearerKey: string;
  bearerLabelNl: string;
  kind: CostKind;
  budgetEffect: BudgetEffect;
  confidence: Confidence;
}

/** A stored route line as a comparison reads it; amounts and shares as Dec or decimal strings. */
export interface PricingLine {
  position: number;
  costItemId: string;
  costItemKey: string;
  quantity: Decimal.Value;
  probability: Decimal.Value;
  note: string | null;
  unitAmount: Decimal.Value;
  unindexed: boolean;
  years?: number;
  deadweight?: Decimal.Value | null;
  attribution?: Decimal.Value | null;
}

export interface PricingSubject {
  maatwerkCost: Decimal.Value;
  priceYear: number;
  lines: readonly PricingLine[];
  fundId?: string | null;
  method?: ComparisonMethod;
}

/**
 * Everything a set of comparisons needs besides the requests themselves, as plain data (strings,
 * numbers, Maps): CostComparisonService.pricingContext reads it once, and it can be handed to a
 * worker thread, where compareWith gives exactly the comparisons compareMany gives.
 */
export interface PricingContext {
  locale: ComparisonLocale;
  /** catalogue versions by id */
  versions: Map<string, PricingVersion>;
  /** the method of each fund that was asked for */
  methods: Map<string, ComparisonMethod>;
  /** relative uncertainty per confidence level, as decimal strings */
  bands: Record<Confidence, string>;
  /** the CPI's remarks (translated) per `${catalogue price year}|${comparison price year}` */
  priceNotes: Map<string, readonly string[]>;
}

export const priceNoteKey = (fromYear: number | null, toYear: number): string => `${fromYear}|${toYear}`;

/** A PricingContext made ready for computing: the bands as Dec. */
export interface Pricer {
  context: PricingContext;
  bands: Readonly<Record<Confidence, Dec>>;
}

export function pricerOf(context: PricingContext, bands?: Readonly<Record<Confidence, Dec>>): Pricer {
  return {
    context,
    bands: bands ?? { high: new Dec(context.bands.high), medium: new Dec(context.bands.medium), low: new Dec(context.bands.low) },
  };
}

/** The comparison of one request (CostComparisonService.compareMany uses the same function). */
export function compareWith(pricer: Pricer, input: PricingSubject): Comparison {
  const { context } = pricer;
  const method = input.method ?? ((input.fundId && context.methods.get(input.fundId)) || DEFAULT_METHOD);
  const priceNotes: string[] = [];
  const lines = [...input.lines]
    .sort((a, b) => a.position - b.position)
    .map((line): ComparisonLineInput => {
      const item = context.versions.get(line.costItemId);
      // Lines are written only by priceRoute and catalogue rows are never deleted.
      if (!item) throw new Error(`cost line for ${line.costItemKey} points at missing catalogue version ${line.costItemId}`);
      // The stored unit amount was priced with the CPI when the route was entered; the notes say
      // how the current series reaches that price level, which is the same unless CBS data was added.
      const notes = context.priceNotes.get(priceNoteKey(item.priceYear, input.priceYear));
      if (!notes) throw new Error(`no CPI remarks were read for ${item.priceYear} → ${input.priceYear}`);
      priceNotes.push(...notes);
      return {
        costItemKey: item.key,
        costItemVersion: item.version,
        label: context.locale === 'en' ? item.labelEn : item.labelNl,
        unit: item.unit,
        bearer: item.bearerKey,
        bearerLabel: bearerLabel(item, context.locale),
        kind: item.kind,
        confidence: item.confidence,
        sourceAmount: item.amount,
        sourceYear: item.priceYear,
        unitAmount: line.unitAmount,
        quantity: line.quantity,
        probability: line.probability,
        note: line.note,
        unindexed: line.unindexed,
        budgetEffect: item.budgetEffect,
        years: line.years ?? 1,
        deadweight: line.deadweight ?? null,
        attribution: line.attribution ?? null,
      };
    });
  return computeComparison({ priceYear: input.priceYear, priceNotes, maatwerkCost: input.maatwerkCost, lines, bands: pricer.bands, method });
}

function bearerLabel(item: PricingVersion, locale: ComparisonLocale): string {
  if (locale === 'nl') return item.bearerLabelNl;
  return isBearerKey(item.bearerKey) ? BEARER_LABELS[item.bearerKey].en : item.bearerLabelNl;
}
