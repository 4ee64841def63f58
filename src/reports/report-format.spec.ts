import { formatDate, formatDateTime, formatEuroWhole, formatHours, formatPercent, truncateWords } from './report-format';
import { median, niceScale, percentile } from './steering/report-stats';

const settle = <T>(f: () => T): Promise<T> => Promise.resolve().then(f);

describe('report formatting', () => {
  it('shows a winter moment in Amsterdam time with a Dutch month abbreviation', async () => {
    await expect(settle(() => formatDateTime(new Date('2026-11-22T13:05:00Z'), 'nl'))).resolves.toBe('22 nov. 2026 14:05');
  });

  it('shows a summer moment in Amsterdam summer time', async () => {
    await expect(settle(() => formatDateTime('2026-07-01T22:30:00Z', 'nl'))).resolves.toBe('2 jul. 2026 00:30');
  });

  it('writes May without a full stop, as it is not abbreviated', async () => {
    await expect(settle(() => formatDate('2026-05-08', 'nl'))).resolves.toBe('8 mei 2026');
  });

  it('writes percentages with a decimal comma', async () => {
    await expect(settle(() => formatPercent('0.3225', 'nl'))).resolves.toBe('32,3%');
  });

  it('groups the thousands of large percentages, negative ones too', async () => {
    await expect(settle(() => [formatPercent('180.72', 'nl'), formatPercent('180.72', 'en'), formatPercent('-12.5', 'nl'), formatPercent('9.999', 'nl'), formatPercent('0.5', 'nl', 0)])).resolves.toEqual([
      '18.072,0%',
      '18,072.0%',
      '-1.250,0%',
      '999,9%',
      '50%',
    ]);
  });

  it('adds days to long decision times', async () => {
    await expect(settle(() => [formatHours(5.5, 'nl'), formatHours(102, 'nl'), formatHours(1, 'en')])).resolves.toEqual([
      '5,5 uur',
      '102,0 uur (4,3 dagen)',
      '1.0 hour',
    ]);
  });

  it('rounds axis labels to whole euros', async () => {
    await expect(settle(() => formatEuroWhole('25000.50', 'nl'))).resolves.toBe('€ 25.001');
  });

  it('cuts long text at a word boundary with an ellipsis', async () => {
    await expect(settle(() => truncateWords('Tijdelijke woonunit voor zes maanden, daarna beschermd wonen', 30))).resolves.toBe(
      'Tijdelijke woonunit voor zes …',
    );
  });
});

describe('report statistics', () => {
  it('takes the mean of the middle two as the median of an even count', async () => {
    await expect(settle(() => median([24, 5.5, 96, 6]))).resolves.toBe(15);
  });

  it('takes the nearest rank as the 90th percentile', async () => {
    await expect(settle(() => percentile([5.5, 6, 24, 96, 102], 90))).resolves.toBe(102);
  });

  it('gives no median for no decisions', async () => {
    await expect(settle(() => median([]))).resolves.toBeNull();
  });

  it('builds a nice axis in steps of 1, 2, 2.5 or 5 × 10ⁿ', async () => {
    await expect(settle(() => niceScale('45926.16', 4).ticks.map((t) => t.toString()))).resolves.toEqual([
      '0',
      '20000',
      '40000',
      '60000',
    ]);
  });

  it('keeps count axes on whole numbers', async () => {
    await expect(settle(() => niceScale(2, 4, 1).ticks.map((t) => t.toString()))).resolves.toEqual(['0', '1', '2']);
  });
});

describe('lists and remarks in running text', () => {
  it('makes each price remark a sentence of its own, so no capital follows a semicolon', async () => {
    const { sentences } = await import('./report-cpi-note');
    const text = sentences(['CPI bekend t/m 2025; prijsjaar 2026 benaderd met 2025', 'Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd)']);
    expect(text).toBe('CPI bekend t/m 2025; prijsjaar 2026 benaderd met 2025. Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd).');
    expect(/;\s+\p{Lu}\p{Ll}/u.test(text)).toBe(false);
  });

  it('lists items as "a, b en c"', async () => {
    const { listText } = await import('./justification/justification.model');
    expect([listText([], 'nl'), listText(['a'], 'nl'), listText(['a', 'b'], 'nl'), listText(['a', 'b', 'c'], 'en')]).toEqual(['', 'a', 'a en b', 'a, b and c']);
  });
});
