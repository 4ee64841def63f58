import { Dec, moneyString, sumDec } from '../common/money';
import { ComparisonLine } from './comparison.types';
import { ratioString } from './comparison';

export type Happened = 'no' | 'partly' | 'yes';

/** Follow-up for one cost item of the conventional route: did it happen anyway? */
export interface LineOutcome {
  costItemKey: string;
  happened: Happened;
  /** share (0..1) of the quantity that did happen; required for 'partly', not allowed otherwise */
  fraction?: string;
}

export interface RealisedLine {
  costItemKey: string;
  /** the estimate: unitAmount × quantity × probability */
  expected: string;
  /** what did not happen: unitAmount × quantity × (1 − happened fraction) */
  realised: string;
}

export interface RealisedComparison {
  lines: RealisedLine[];
  /** the comparison's central estimate (Σ expected) */
  estimated: string;
  realised: string;
  /** realised − estimated: positive when more was avoided than estimated */
  difference: string;
  /** realised / estimated, 2 decimals; null when the estimate was 0 */
  estimateAccuracy: string | null;
}

/**
 * Compare the estimate of a request with what happened afterwards.
 *
 * Per line, realised = round(unitAmount × quantity × (1 − h)), with h = 0 for 'no', 1 for 'yes'
 * and the given fraction for 'partly': the part of the conventional route that did NOT happen.
 * The estimate weighted the same cost by a probability, so the two differ even for a perfect
 * estimate (a 50 % chance of detention that did not materialise shows up as twice the estimate).
 * estimateAccuracy = Σ realised / Σ expected makes that visible over many requests; it is not
 * proof that the maatwerk caused the avoidance, which no follow-up of one case can show.
 *
 * Outcomes are matched by costItemKey; when a route lists one item twice the outcome applies to
 * both lines. Every line needs an outcome and every outcome a line, so that a typo in a key fails
 * loudly instead of silently counting a cost as avoided.
 */
export function computeRealised(
  lines: readonly Pick<ComparisonLine, 'costItemKey' | 'unitAmount' | 'quantity' | 'expected'>[],
  outcomes: readonly LineOutcome[],
): RealisedComparison {
  const byKey = new Map<string, LineOutcome>();
  for (const outcome of outcomes) {
    if (byKey.has(outcome.costItemKey)) throw new RangeError(`outcome for ${outcome.costItemKey} is given twice`);
    if (!lines.some((l) => l.costItemKey === outcome.costItemKey)) {
      throw new RangeError(`outcome for ${outcome.costItemKey} has no line in the comparison`);
    }
    byKey.set(outcome.costItemKey, outcome);
  }

  const realisedLines = lines.map((line): RealisedLine => {
    const outcome = byKey.get(line.costItemKey);
    if (outcome === undefined) throw new RangeError(`no outcome for ${line.costItemKey}`);
    const notHappened = new Dec(1).minus(happenedFraction(outcome));
    return {
      costItemKey: line.costItemKey,
      expected: moneyString(line.expected),
      realised: moneyString(new Dec(line.unitAmount).times(line.quantity).times(notHappened)),
    };
  });

  const estimated = sumDec(realisedLines.map((l) => l.expected));
  const realised = sumDec(realisedLines.map((l) => l.realised));
  return {
    lines: realisedLines,
    estimated: moneyString(estimated),
    realised: moneyString(realised),
    difference: moneyString(realised.minus(estimated)),
    estimateAccuracy: ratioString(realised, estimated),
  };
}

function happenedFraction(outcome: LineOutcome): Dec {
  const { costItemKey, happened, fraction } = outcome;
  if (happened !== 'partly') {
    if (fraction !== undefined) throw new RangeError(`outcome ${costItemKey}: fraction is only allowed for 'partly'`);
    return new Dec(happened === 'yes' ? 1 : 0);
  }
  if (fraction === undefined || !/^(0(\.\d+)?|1(\.0+)?)$/.test(fraction)) {
    throw new RangeError(`outcome ${costItemKey}: 'partly' needs a fraction between 0 and 1 (got "${fraction ?? ''}")`);
  }
  return new Dec(fraction);
}

