import Decimal from 'decimal.js';
import { DomainError } from '../common/domain-error';
import { formatEuro, MAX_AMOUNT, moneyString, roundMoney, Dec } from '../common/money';

export type LedgerErrorCode =
  | 'LEDGER.INSUFFICIENT_FUNDS'
  | 'LEDGER.EXCEEDS_COMMITMENT'
  | 'LEDGER.EXCEEDS_SPENT'
  | 'LEDGER.ALREADY_REVERSED'
  | 'LEDGER.NOT_REVERSIBLE';

const conflict = (code: LedgerErrorCode, message: string): DomainError => DomainError.conflict(code, message);

/** The plain decimals in parentheses, so scripts can parse them (people get Dutch from the problem-text layer). */
const plain = (pairs: Record<string, Decimal>): string =>
  `(${Object.entries(pairs).map(([k, v]) => `${k} ${moneyString(v)}`).join(', ')})`;

export const LedgerErrors = {
  insufficientFunds: (available: Decimal, requested: Decimal): DomainError =>
    conflict(
      'LEDGER.INSUFFICIENT_FUNDS',
      `the fund has ${formatEuro(available, 'en')} available; ${formatEuro(requested, 'en')} was asked ${plain({ available, requested })}`,
    ),
  exceedsCommitment: (what: string, committed: Decimal, requested: Decimal): DomainError =>
    conflict(
      'LEDGER.EXCEEDS_COMMITMENT',
      `${what} of ${formatEuro(requested, 'en')} is more than is committed for this request (${formatEuro(committed, 'en')}) ${plain({ committed, requested })}`,
    ),
  exceedsSpent: (what: string, spent: Decimal, requested: Decimal): DomainError =>
    conflict(
      'LEDGER.EXCEEDS_SPENT',
      `${what} of ${formatEuro(requested, 'en')} is more than was paid for this request (${formatEuro(spent, 'en')}) ${plain({ spent, requested })}`,
    ),
  alreadyReversed: (entryId: string, reversalId: string): DomainError =>
    conflict('LEDGER.ALREADY_REVERSED', `journal entry ${entryId} is already reversed by entry ${reversalId}`),
  notReversible: (message: string): DomainError => conflict('LEDGER.NOT_REVERSIBLE', message),
};

/**
 * An amount handed to the ledger: whole cents, above zero (or zero when `allowZero`), at most
 * 1,000,000,000. Money arrives as a Decimal or a decimal string — never a JS number.
 */
export function ledgerAmount(value: Decimal | string, field = 'amount', allowZero = false): Dec {
  let d: Dec;
  try {
    d = new Dec(value);
  } catch {
    throw DomainError.invalidField(field, 'must be a decimal amount such as "300.00"');
  }
  if (!d.isFinite() || !roundMoney(d).eq(d)) throw DomainError.invalidField(field, 'must be whole cents (at most 2 decimals)');
  if (allowZero ? d.isNegative() : d.lte(0)) throw DomainError.invalidField(field, allowZero ? 'must not be negative' : 'must be above 0');
  if (d.gt(MAX_AMOUNT)) throw DomainError.invalidField(field, `must be at most ${MAX_AMOUNT.toFixed(2)}`);
  return d;
}

/** A required free-text field (memo, reason, reference). */
export function requiredText(value: string | undefined | null, field: string): string {
  const text = (value ?? '').trim();
  if (!text) throw DomainError.invalidField(field, 'is required');
  return text;
}
