import Decimal from 'decimal.js';
import { ValueTransformer } from 'typeorm';
import { Dec } from '../common/money';

/**
 * The one door for money columns: PostgreSQL `numeric` arrives from `pg` as a string (typeorm#873)
 * and becomes a Dec; a Dec goes back as its exact decimal string. Never a JS number.
 */
export const decimalTransformer: ValueTransformer = {
  to: (v?: Decimal.Value | null) => (v == null ? v : new Dec(v).toFixed()),
  from: (v?: string | null) => (v == null ? v : new Dec(v)),
};

/** Column options for a money column: numeric(14,2) through the decimal transformer. */
export const moneyColumn = { type: 'numeric', precision: 14, scale: 2, transformer: decimalTransformer } as const;
