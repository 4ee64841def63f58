import Decimal from 'decimal.js';
import { allocateLargestRemainder, Dec, sumDec } from '../common/money';

export interface AttributionPart {
  /** null for money transferred in from other funds */
  organisationId: string | null;
  organisationName: string;
  /** net contributed up to the end of the period */
  contributed: Dec;
  /** contributed / total contributed, exact (not rounded) */
  share: Dec;
  /** the part of the period's spending attributed to this funder; parts sum to totalSpent */
  spent: Dec;
}

export interface Attribution {
  fundId: string;
  from: string | null;
  to: string | null;
  /** what all funders (transfers in included) had put in by the end of the period */
  totalContributed: Dec;
  totalSpent: Dec;
  parts: AttributionPart[];
}

export interface AttributionInput {
  fundId: string;
  from: string | null;
  to: string | null;
  contributed: { organisationId: string; organisationName: string; amount: Decimal }[];
  transferredIn: Decimal;
  spent: Decimal;
}

export const TRANSFERS_LABEL = 'overboekingen uit andere fondsen';

/**
 * Spending of a period attributed to the funders pro rata to what each had contributed by the end
 * of the period (money is pooled, so what was paid in before the period funds it too). Money
 * transferred in from other funds is a funder of its own. Parts are split by largest remainder,
 * so they always add up to exactly the period's spending.
 */
export function attributeSpending(input: AttributionInput): Attribution {
  const funders = input.contributed.map((c) => ({ organisationId: c.organisationId as string | null, organisationName: c.organisationName, amount: new Dec(c.amount) }));
  if (new Dec(input.transferredIn).gt(0)) funders.push({ organisationId: null, organisationName: TRANSFERS_LABEL, amount: new Dec(input.transferredIn) });
  // a partner whose contributions were all reversed (or negative on balance) carries no spending
  const weights = funders.map((f) => Decimal.max(f.amount, 0));
  const totalWeight = sumDec(weights);
  const totalSpent = new Dec(input.spent);
  const spentParts = totalWeight.isZero() ? weights.map(() => new Dec(0)) : allocateLargestRemainder(totalSpent, weights);
  return {
    fundId: input.fundId,
    from: input.from,
    to: input.to,
    totalContributed: sumDec(funders.map((f) => f.amount)),
    totalSpent,
    parts: funders.map((f, i) => ({
      organisationId: f.organisationId,
      organisationName: f.organisationName,
      contributed: f.amount,
      share: totalWeight.isZero() ? new Dec(0) : weights[i].dividedBy(totalWeight),
      spent: spentParts[i],
    })),
  };
}
