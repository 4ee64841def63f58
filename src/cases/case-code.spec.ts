import { CASE_CODE_PATTERN, caseCodePrefix, makeCaseCode } from './case-code';

describe('case codes', () => {
  it('takes the initials of a two-word neighbourhood', () => {
    expect(caseCodePrefix('Zuid-Oost')).toBe('ZO');
    expect(caseCodePrefix('oud west')).toBe('OW');
  });
  it('takes the first two letters of a one-word neighbourhood, without accents', () => {
    expect(caseCodePrefix('Centrum')).toBe('CE');
    expect(caseCodePrefix('Écluse')).toBe('EC');
  });
  it('falls back to CS when there are not two letters', () => {
    expect(caseCodePrefix('')).toBe('CS');
    expect(caseCodePrefix('7')).toBe('CS');
    expect(caseCodePrefix('X')).toBe('CS');
  });
  it('builds <XX>-<year>-<4 digits> with digits 0001 to 9999', () => {
    expect(makeCaseCode('Zuid-Oost', 2026, () => 0.0006)).toBe('ZO-2026-0006');
    expect(makeCaseCode('Zuid-Oost', 2026, () => 0)).toBe('ZO-2026-0001');
    expect(makeCaseCode('Zuid-Oost', 2026, () => 0.99999999)).toBe('ZO-2026-9999');
    expect(CASE_CODE_PATTERN.test(makeCaseCode('Noord', 2026))).toBe(true);
  });
});
