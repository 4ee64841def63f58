import { loadCpiSeries } from './cpi';
import { translatePriceNote } from './price-notes';

const cpi = loadCpiSeries();

describe('translatePriceNote', () => {
  it('keeps Dutch remarks as they are for locale nl', () => {
    expect(translatePriceNote('CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025', 'nl')).toBe(
      'CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025',
    );
  });

  it('translates every remark the CPI series can make', () => {
    const notes = [
      ...cpi.factor(2013, 2026).notes,
      ...cpi.factor(2030, 2020).notes,
      ...cpi.factor(1990, 2020).notes,
      ...cpi.factor(2020, 1990).notes,
      ...cpi.factor(null, 2026).notes,
    ];
    expect(notes.map((n) => translatePriceNote(n, 'en'))).toEqual([
      'CPI known up to 2025; price level 2026 approximated by 2025',
      'CPI known up to 2025; price year 2030 approximated by 2025',
      'CPI known from 2010; price year 1990 approximated by 2009',
      'CPI known from 2010; price level 1990 approximated by 2009',
      'No price year known; amount used unchanged as price level 2026 (not indexed)',
    ]);
  });

  it('returns an unknown remark unchanged rather than dropping it', () => {
    expect(translatePriceNote('Iets nieuws', 'en')).toBe('Iets nieuws');
  });
});
