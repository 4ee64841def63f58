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
  /** the estimate for the follow-up window: unitAmount × quantity × probability × window */
  expected: string;
  /** what did not happen in the window: unitAmount × quantity × (1 − happened fraction) × window */
  realised: string;
  /** the estimate's probability, and the observed share that did not happen (1 − h) */
  probability: string;
  notHappened: string;
}

export interface RealisedComparison {
  lines: RealisedLine[];
  /** months the follow-up covers; null: the whole first year (no follow-up moment given) */
  windowMonths: number | null;
  /** share of a year the figures cover: windowMonths / 12 (1 without a window) */
  windowShare: string;
  /** the central estimate for the window (Σ expected of the lines) */
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
 * Per line, realised = round(unitAmount × quantity × (1 − h) × w), with h = 0 for 'no', 1 for 'yes'
 * and the given fraction for 'partly': the part of the conventional route that did NOT happen,
 * and w = min(windowMonths / 12, yearsCounted) the part of the (yearly) route the follow-up
 * covers; expected is the estimate for the same window, round(expected × w). Realised is itself an
 * estimate after the fact: the requester's account of what did not happen, priced at the unit cost.
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
  lines: readonly (Pick<ComparisonLine, 'costItemKey' | 'unitAmount' | 'quantity' | 'expected'> &
    Partial<Pick<ComparisonLine, 'probability' | 'yearsCounted'>>)[],
  outcomes: readonly LineOutcome[],
  windowMonths: number | null = null,
): RealisedComparison {
  if (windowMonths !== null && (!Number.isInteger(windowMonths) || windowMonths < 1)) {
    throw new RangeError('the follow-up window must be a whole number of months');
  }
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
    // A follow-up after 6 months covers half a year of a route priced per year: no more than that
    // may count, however long the route runs (and never more than the years the line counts).
    const share = windowMonths === null ? new Dec(1) : Dec.min(new Dec(windowMonths).dividedBy(12), line.yearsCounted ?? 1);
    return {
      costItemKey: line.costItemKey,
      expected: moneyString(new Dec(line.expected).times(share)),
      realised: moneyString(new Dec(line.unitAmount).times(line.quantity).times(notHappened).times(share)),
      probability: new Dec(line.probability ?? 0).toFixed(),
      notHappened: notHappened.toFixed(),
    };
  });

  const estimated = sumDec(realisedLines.map((l) => l.expected));
  const realised = sumDec(realisedLines.map((l) => l.realised));
  return {
    lines: realisedLines,
    windowMonths,
    windowShare: windowMonths === null ? '1' : new Dec(windowMonths).dividedBy(12).toDecimalPlaces(4).toFixed(),
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

