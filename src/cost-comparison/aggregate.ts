import Decimal from 'decimal.js';
import { Dec, moneyString, roundMoney, sumDec } from '../common/money';
import { BudgetEffect, Comparison, ComparisonRange } from './comparison.types';
import { compareKeys, ratioString } from './comparison';

/** One request's comparison plus what it is grouped by in reports. */
export interface AggregateItem {
  comparison: Comparison;
  lifeDomain: string;
  organisationId: string;
  caseId: string;
  /**
   * The maatwerk amount to count for this request. Passed separately from
   * comparison.maatwerkCost because a report may count what was actually paid rather than
   * what was requested when the comparison was made.
   */
  maatwerkCost: string;
}

/** A group of requests (per life domain, organisation or case): what was spent, what it avoided. */
export interface AggregateGroup {
  key: string;
  requests: number;
  maatwerk: string;
  avoidedCentral: string;
  netBenefit: string;
  ratio: string | null;
  /** net of deadweight, attribution and drop-off */
  avoidedNetCentral: string;
  netBenefitNet: string;
}

/**
 * Avoided cost per bearer. There is deliberately no maatwerk here: the maatwerk is paid from the
 * fund, not by the bearer, and splitting it over bearers would invent a who-pays figure.
 */
export interface AggregateBearer {
  bearer: string;
  bearerLabel: string;
  low: string;
  central: string;
  high: string;
  net: ComparisonRange;
}

export interface Aggregate {
  totals: {
    requests: number;
    maatwerk: string;
    /** gross */
    avoided: ComparisonRange;
    netBenefit: string;
    ratio: string | null;
    /** net of deadweight, attribution and drop-off */
    avoidedNet: ComparisonRange;
    netBenefitNet: string;
    ratioNet: string | null;
  };
  byBearer: AggregateBearer[];
  byKind: { fiscal: ComparisonRange; societal: ComparisonRange };
  byKindNet: { fiscal: ComparisonRange; societal: ComparisonRange };
  byBudgetEffectNet: Record<BudgetEffect, ComparisonRange>;
  byLifeDomain: AggregateGroup[];
  byOrganisation: AggregateGroup[];
  byCase: AggregateGroup[];
}

/**
 * Add up many comparisons for a report. Only already-rounded strings from the comparisons are
 * summed, so every aggregate equals the sum of the figures printed per request, to the cent.
 * Groups are sorted by avoided central cost (largest first), then by key for a stable order.
 */
export function aggregateComparisons(items: readonly AggregateItem[]): Aggregate {
  const maatwerk = sumDec(items.map((i) => i.maatwerkCost));
  const avoided = sumRanges(items.map((i) => i.comparison.avoidedCost));
  const avoidedNet = sumRanges(items.map((i) => i.comparison.avoidedCostNet));
  const byEffect = (effect: BudgetEffect) => sumRanges(items.map((i) => i.comparison.avoidedNetByBudgetEffect[effect]));
  return {
    totals: {
      requests: items.length,
      maatwerk: moneyString(maatwerk),
      avoided,
      netBenefit: moneyString(new Dec(avoided.central).minus(maatwerk)),
      ratio: ratioString(avoided.central, maatwerk),
      avoidedNet,
      netBenefitNet: moneyString(new Dec(avoidedNet.central).minus(maatwerk)),
      ratioNet: ratioString(avoidedNet.central, maatwerk),
    },
    byBearer: aggregateBearers(items),
    byKind: {
      fiscal: sumRanges(items.map((i) => i.comparison.avoidedByKind.fiscal)),
      societal: sumRanges(items.map((i) => i.comparison.avoidedByKind.societal)),
    },
    byKindNet: {
      fiscal: sumRanges(items.map((i) => i.comparison.avoidedNetByKind.fiscal)),
      societal: sumRanges(items.map((i) => i.comparison.avoidedNetByKind.societal)),
    },
    byBudgetEffectNet: { cash: byEffect('cash'), capacity: byEffect('capacity'), none: byEffect('none') },
    byLifeDomain: groupBy(items, (i) => i.lifeDomain),
    byOrganisation: groupBy(items, (i) => i.organisationId),
    byCase: groupBy(items, (i) => i.caseId),
  };
}

/**
 * Months until the avoided cost has paid back the maatwerk: maatwerk / (avoided per year / 12).
 *
 * Assumption: a conventional route is priced per year (365 detention days, 12 meetings …), so its
 * avoided cost is a yearly flow, while the maatwerk is a one-off outlay. A route entered for a
 * different period makes this figure wrong by that period's ratio. Null when nothing is avoided,
 * because the maatwerk is then never paid back.
 */
export function paybackMonths(maatwerk: Decimal.Value, avoidedCentralPerYear: Decimal.Value): string | null {
  const perYear = new Dec(avoidedCentralPerYear);
  if (perYear.lessThanOrEqualTo(0)) return null;
  // Not money, but the same 2-decimal half-up rule applies, so it goes through the one rounding site.
  return roundMoney(new Dec(maatwerk).times(12).dividedBy(perYear)).toFixed(2);
}

function sumRanges(ranges: readonly ComparisonRange[]): ComparisonRange {
  return {
    low: moneyString(sumDec(ranges.map((r) => r.low))),
    central: moneyString(sumDec(ranges.map((r) => r.central))),
    high: moneyString(sumDec(ranges.map((r) => r.high))),
  };
}

function aggregateBearers(items: readonly AggregateItem[]): AggregateBearer[] {
  const groups = new Map<string, { bearerLabel: string; ranges: ComparisonRange[]; net: ComparisonRange[] }>();
  for (const item of items) {
    for (const b of item.comparison.byBearer) {
      const group = groups.get(b.bearer) ?? { bearerLabel: b.bearerLabel, ranges: [], net: [] };
      group.ranges.push(b);
      group.net.push(b.net);
      groups.set(b.bearer, group);
    }
  }
  return [...groups.entries()]
    .map(([bearer, g]) => ({ bearer, bearerLabel: g.bearerLabel, ...sumRanges(g.ranges), net: sumRanges(g.net) }))
    .sort((a, b) => new Dec(b.central).comparedTo(a.central) || compareKeys(a.bearer, b.bearer));
}

function groupBy(items: readonly AggregateItem[], keyOf: (item: AggregateItem) => string): AggregateGroup[] {
  const groups = new Map<string, AggregateItem[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([key, members]): AggregateGroup => {
      const maatwerk = sumDec(members.map((m) => m.maatwerkCost));
      const central = sumDec(members.map((m) => m.comparison.avoidedCost.central));
      const net = sumDec(members.map((m) => m.comparison.avoidedCostNet.central));
      return {
        key,
        requests: members.length,
        maatwerk: moneyString(maatwerk),
        avoidedCentral: moneyString(central),
        netBenefit: moneyString(central.minus(maatwerk)),
        ratio: ratioString(central, maatwerk),
        avoidedNetCentral: moneyString(net),
        netBenefitNet: moneyString(net.minus(maatwerk)),
      };
    })
    .sort((a, b) => new Dec(b.avoidedCentral).comparedTo(a.avoidedCentral) || compareKeys(a.key, b.key));
}
