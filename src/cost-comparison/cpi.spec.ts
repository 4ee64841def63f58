import { Dec } from '../common/money';
import { CpiSeries, loadCpiSeries } from './cpi';

const cpi = loadCpiSeries();

describe('CpiSeries', () => {
  it('knows the shipped series up to 2025', () => {
    expect(cpi.firstYear).toBe(2010);
    expect(cpi.lastYear).toBe(2025);
  });

  it('applies a single year of inflation as 1 + change / 100', () => {
    const result = cpi.factor(2024, 2025);
    expect(result.factor.toFixed()).toBe('1.033');
    expect(result.effectiveYear).toBe(2025);
    expect(result.notes).toEqual([]);
  });

  it('multiplies the yearly changes from the year after the price year up to the target year', () => {
    expect(cpi.factor(2021, 2023).factor.toFixed()).toBe('1.1418');
  });

  it('brings 2013 prices to 2025 with the product of twelve yearly changes', () => {
    expect(cpi.factor(2013, 2025).factor.toFixed()).toBe('1.366775316185976549102097572321168');
  });

  it('returns factor 1 without notes when price year and target year are equal', () => {
    const result = cpi.factor(2022, 2022);
    expect(result.factor.toFixed()).toBe('1');
    expect(result.notes).toEqual([]);
  });

  it('deflates by dividing by the change of the later year', () => {
    expect(cpi.factor(2023, 2022).factor.toFixed()).toBe('0.9633911368015414258188824662813102');
  });

  it('deflates symmetrically so that there and back again is 1', () => {
    const there = cpi.factor(2013, 2025).factor;
    const back = cpi.factor(2025, 2013).factor;
    expect(there.times(back).toDecimalPlaces(30).toFixed()).toBe('1');
  });

  it('uses the last known year for a target beyond the series and says so', () => {
    const result = cpi.factor(2024, 2027);
    expect(result.factor.toFixed()).toBe('1.033');
    expect(result.effectiveYear).toBe(2025);
    expect(result.notes).toEqual(['CPI bekend t/m 2025; prijspeil 2027 benaderd met 2025']);
  });

  it('leaves an amount of the last CPI year unchanged for the next year and says so', () => {
    const result = cpi.factor(2025, 2026);
    expect(result.factor.toFixed()).toBe('1');
    expect(result.notes).toEqual(['CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025']);
  });

  it('treats a price year beyond the series as the last known year and says so', () => {
    const result = cpi.factor(2026, 2024);
    expect(result.factor.toFixed()).toBe(new Dec(1).dividedBy('1.033').toFixed());
    expect(result.notes).toEqual(['CPI bekend t/m 2025; prijsjaar 2026 benaderd met 2025']);
  });

  it('treats a price year before the series as its first price level and says so', () => {
    const result = cpi.factor(2005, 2010);
    expect(result.factor.toFixed()).toBe('1.013');
    expect(result.notes).toEqual(['CPI bekend vanaf 2010; prijsjaar 2005 benaderd met 2009']);
  });

  it('uses an item without price year as is and says so', () => {
    const result = cpi.factor(null, 2026);
    expect(result.factor.toFixed()).toBe('1');
    expect(result.effectiveYear).toBe(2026);
    expect(result.notes).toEqual(['Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd)']);
  });

  it('refuses a series with a missing year', () => {
    const years = [
      { year: 2020, changePct: new Dec('1.3') },
      { year: 2022, changePct: new Dec('10.0') },
    ];
    expect(() => new CpiSeries(years)).toThrow('years must be consecutive, 2020 is followed by 2022');
  });
});

describe('loadCpiSeries', () => {
  it('names row and column when a change is not a number', () => {
    const csv = 'year,cpi_annual_change_pct,index_2015_100,source,url\n2024,3.3,,s,u\n2025,n/a,,s,u\n';
    expect(() => loadCpiSeries(csv)).toThrow('cpi-nl.csv row 3, column cpi_annual_change_pct');
  });

  it('accepts a negative yearly change', () => {
    const csv = 'year,cpi_annual_change_pct\n2024,-0.5\n2025,1.0\n';
    expect(loadCpiSeries(csv).factor(2023, 2024).factor.toFixed()).toBe('0.995');
  });
});
