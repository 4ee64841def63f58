import { DomainError } from '../common/domain-error';
import { groupIban, maskIban, parseIban } from './iban';

describe('IBAN', () => {
  it('accepts a valid IBAN in paper or electronic format and returns it electronic', () => {
    expect(parseIban('nl91 abna 0417 1643 00', 'payeeIban')).toBe('NL91ABNA0417164300');
    expect(parseIban('DE89370400440532013000', 'payeeIban')).toBe('DE89370400440532013000');
  });

  it('refuses a wrong check digit (mod 97) with a 400 that names the field', () => {
    try {
      parseIban('NL91ABNA0417164301', 'payeeIban');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('invalid');
      expect((e as DomainError).message).toBe('payeeIban: NL91ABNA0417164301 fails the IBAN check (mod 97): check digits do not match');
      expect((e as DomainError).errors[0]).toMatchObject({ location: '#/payeeIban', code: 'IBAN_INVALID' });
    }
  });

  it('refuses text that is no IBAN, a wrong length and a missing value', () => {
    expect(() => parseIban('hallo', 'payeeIban')).toThrow(/^payeeIban: "hallo" is not an IBAN/);
    expect(() => parseIban('NL91ABNA041716430', 'payeeIban')).toThrow(/wrong length/);
    expect(() => parseIban('', 'payeeIban')).toThrow(/^payeeIban: is required/);
  });

  it('masks all but the country and the last four characters', () => {
    expect(maskIban('NL91ABNA0417164300')).toBe('NL** **** **** **43 00');
    expect(groupIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
