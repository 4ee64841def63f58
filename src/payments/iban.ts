import { electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { DomainError } from '../common/domain-error';

/** Why an IBAN is refused, as `args.reason` of the error (pages translate it). */
export type IbanReason = 'country' | 'length' | 'format' | 'check-digits' | 'checksum' | 'national-check' | 'other';
const REASON_KEYS: Partial<Record<ValidationErrorsIBAN, IbanReason>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'length',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check-digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'checksum',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'national-check',
};

const REASONS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'is required',
  [ValidationErrorsIBAN.NoIBANCountry]: 'does not start with a known country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'has the wrong format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'has check digits that are not numbers',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'fails the IBAN check (mod 97): check digits do not match',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'fails the national account check',
};

/**
 * A valid IBAN in electronic format (upper case, no spaces), or a 400 naming `field`. Checks the
 * country's length and format and the ISO 13616 check digits (mod 97) with ibantools; only SEPA
 * countries, since the batch is a SEPA credit transfer.
 */
export function parseIban(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !raw.trim()) throw DomainError.invalidField(field, 'is required: an IBAN such as NL91ABNA0417164300', 'IBAN_REQUIRED');
  const iban = electronicFormatIBAN(raw) ?? '';
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) throw DomainError.invalidField(field, `"${raw.slice(0, 40)}" is not an IBAN (two letters, two check digits, up to 30 letters or digits)`, 'IBAN_INVALID', 'body', { iban: raw.slice(0, 40), reason: 'format' });
  const result = validateIBAN(iban);
  if (!result.valid) {
    const reason = result.errorCodes.map((c) => REASONS[c]).find(Boolean) ?? 'is not a valid IBAN';
    const key = result.errorCodes.map((c) => REASON_KEYS[c]).find(Boolean) ?? 'other';
    throw DomainError.invalidField(field, `${iban} ${reason}`, 'IBAN_INVALID', 'body', { iban, reason: key });
  }
  if (!isSEPACountry(iban.slice(0, 2))) throw DomainError.invalidField(field, `${iban} is not an account in a SEPA country`, 'IBAN_NOT_SEPA', 'body', { iban });
  return iban;
}

export function parseBic(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return null;
  const bic = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!isValidBIC(bic)) throw DomainError.invalidField(field, `"${String(raw).slice(0, 20)}" is not a BIC (8 or 11 letters and digits)`, 'BIC_INVALID', 'body', { bic: String(raw).slice(0, 20) });
  return bic;
}

/**
 * The IBAN as shown to anyone but an administrator: country code and the last four characters,
 * the rest starred, grouped by four ("NL** **** **** **43 00").
 */
export function maskIban(iban: string): string {
  const masked = iban.slice(0, 2) + '*'.repeat(Math.max(0, iban.length - 6)) + iban.slice(-4);
  return groupIban(masked);
}

/** Paper format: groups of four. */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
