import { Dec, moneyString, sumDec } from '../common/money';
import { ratioString } from './comparison';
import type { Comparison, ComparisonRange, Confidence } from './comparison.types';

export interface SensitivityItem {
  caseId: string;
  comparison: Comparison;
  /** the maatwerk counted for this request (as paid, or as committed) */
  maatwerkCost: string;
}

export interface Scenario {
  avoidedNet: string;
  netBenefit: string;
  ratio: string | null;
}

export interface Sensitivity {
  /** on the net basis: low, central and high unit costs */
  scenarios: { low: Scenario; central: Scenario; high: Scenario };
  /** the central result without the one person (case) with the most net avoided cost */
  withoutLargestCase: (Scenario & { requests: number; shareOfAvoided: string | null }) | null;
  /** net avoided cost (range) of the lines per confidence class of their catalogue item */
  byConfidence: Record<Confidence, ComparisonRange & { lines: number }>;
}

const scenario = (avoided: Dec, maatwerk: Dec): Scenario => ({
  avoidedNet: moneyString(avoided),
  netBenefit: moneyString(avoided.minus(maatwerk)),
  ratio: ratioString(avoided, maatwerk),
});

/**
 * How much the result leans on what: the low / central / high unit costs, the result without the
 * largest case (does one person carry the fund's result?), and how much of the avoided cost rests
 * on catalogue items of low confidence. Everything on the net basis and from the rounded figures of
 * the comparisons, so it adds up with the report's totals.
 */
export function sensitivity(items: readonly SensitivityItem[]): Sensitivity {
  const maatwerk = sumDec(items.map((i) => i.maatwerkCost));
  const net = (pick: (r: ComparisonRange) => string) => sumDec(items.map((i) => pick(i.comparison.avoidedCostNet)));
  const perCase = new Map<string, { avoided: Dec; maatwerk: Dec; requests: number }>();
  for (const i of items) {
    const c = perCase.get(i.caseId) ?? { avoided: new Dec(0), maatwerk: new Dec(0), requests: 0 };
    perCase.set(i.caseId, {
      avoided: c.avoided.plus(i.comparison.avoidedCostNet.central),
      maatwerk: c.maatwerk.plus(i.maatwerkCost),
      requests: c.requests + 1,
    });
  }
  const largest = [...perCase.entries()].sort((a, b) => b[1].avoided.comparedTo(a[1].avoided) || (a[0] < b[0] ? -1 : 1))[0];
  const central = net((r) => r.central);
  const lines = items.flatMap((i) => i.comparison.lines);
  const byConfidence = (c: Confidence) => {
    const own = lines.filter((l) => l.confidence === c);
    return {
      low: moneyString(sumDec(own.map((l) => l.netLow))),
      central: moneyString(sumDec(own.map((l) => l.net))),
      high: moneyString(sumDec(own.map((l) => l.netHigh))),
      lines: own.length,
    };
  };
  return {
    scenarios: {
      low: scenario(net((r) => r.low), maatwerk),
      central: scenario(central, maatwerk),
      high: scenario(net((r) => r.high), maatwerk),
    },
    withoutLargestCase:
      perCase.size > 1 && largest
        ? {
            ...scenario(central.minus(largest[1].avoided), maatwerk.minus(largest[1].maatwerk)),
            requests: items.length - largest[1].requests,
            shareOfAvoided: ratioString(largest[1].avoided, central),
          }
        : null,
    byConfidence: { high: byConfidence('high'), medium: byConfidence('medium'), low: byConfidence('low') },
  };
}
