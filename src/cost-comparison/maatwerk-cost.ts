import Decimal from 'decimal.js';
import { Dec } from '../common/money';

export interface MaatwerkCostInput {
  status: string;
  amount: Decimal.Value;
  paidAmount: Decimal.Value;
  committedAmount: Decimal.Value;
}

/**
 * The maatwerk cost a comparison weighs — one rule for the API, the web UI, the PDFs and the CSV:
 * before approval the requested amount; once approved what is reserved plus what already went
 * out (a partly paid request still carries its commitment); once finally paid (or evaluated) what
 * was paid, which can be less than asked; a cancelled request what was paid before cancelling, or
 * the requested amount when nothing was.
 */
export function maatwerkCostOf(r: MaatwerkCostInput): Dec {
  const paid = new Dec(r.paidAmount);
  switch (r.status) {
    case 'paid':
    case 'evaluated':
      return paid;
    case 'cancelled':
      return paid.gt(0) ? paid : new Dec(r.amount);
    case 'approved': {
      const reserved = paid.plus(r.committedAmount);
      return reserved.gt(0) ? reserved : new Dec(r.amount);
    }
    default:
      return new Dec(r.amount);
  }
}
