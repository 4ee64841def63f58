import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Dec } from '../common/money';

/** CBS CPI (all items): the change of the yearly average against the year before, in percent. */
export interface CpiYear {
  year: number;
  changePct: Dec;
}

/** Result of {@link CpiSeries.factor}: multiply an amount by `factor` to move it between price levels. */
export interface CpiFactor {
  /** unrounded; rounding happens once, on the resulting amount (roundMoney) */
  factor: Dec;
  /** the price level the factor actually reaches (the last CPI year when the target lies beyond it) */
  effectiveYear: number;
  /** Dutch remarks for the reader of the comparison, e.g. that the CPI is only known up to 2025 */
  notes: string[];
}

/** Path of the CPI series shipped with the code. */
export const CPI_CSV_PATH = path.join(__dirname, 'data', 'cpi-nl.csv');

/**
 * The yearly CPI changes as one gap-free series. The change for year y moves a price from the
 * level of y − 1 to the level of y, so the series covers price levels firstYear − 1 … lastYear.
 */
export class CpiSeries {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly growth = new Map<number, Dec>();

  constructor(years: readonly CpiYear[]) {
    if (years.length === 0) throw new Error('CpiSeries: at least one year is needed');
    const sorted = [...years].sort((a, b) => a.year - b.year);
    sorted.forEach((y, i) => {
      // A missing year would make the product skip a year of inflation without anyone noticing.
      if (i > 0 && y.year !== sorted[i - 1].year + 1) {
        throw new Error(`CpiSeries: years must be consecutive, ${sorted[i - 1].year} is followed by ${y.year}`);
      }
      this.growth.set(y.year, new Dec(1).plus(new Dec(y.changePct).dividedBy(100)));
    });
    this.firstYear = sorted[0].year;
    this.lastYear = sorted[sorted.length - 1].year;
  }

  /**
   * Factor that brings an amount from the price level of `fromYear` to that of `toYear`:
   * Π (1 + change_y / 100) for y = fromYear + 1 … toYear, or the reciprocal of the same product
   * when `fromYear` lies after `toYear` (deflation), so that factor(a, b) × factor(b, a) = 1.
   *
   * Years outside the series are clamped to the nearest known price level and the notes say so:
   * a comparison for 2026 made in January 2026 cannot wait for CBS, but the reader must know that
   * the 2026 figure is really a 2025 price. `fromYear` null means the source gave no year; the
   * amount is then used as is (factor 1), which is also said in the notes.
   */
  factor(fromYear: number | null, toYear: number): CpiFactor {
    if (fromYear === null) {
      return {
        factor: new Dec(1),
        effectiveYear: toYear,
        notes: [`Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil ${toYear} (niet geïndexeerd)`],
      };
    }
    const notes: string[] = [];
    if (fromYear === toYear) return { factor: new Dec(1), effectiveYear: toYear, notes };

    const from = this.clamp(fromYear, 'prijsjaar', notes);
    const to = this.clamp(toYear, 'prijspeil', notes);
    const factor = from <= to ? this.product(from, to) : new Dec(1).dividedBy(this.product(to, from));
    return { factor, effectiveYear: to, notes };
  }

  /** Π growth for y = low + 1 … high (1 when low = high). */
  private product(low: number, high: number): Dec {
    let result = new Dec(1);
    for (let y = low + 1; y <= high; y++) result = result.times(this.growthOf(y));
    return result;
  }

  private growthOf(year: number): Dec {
    const g = this.growth.get(year);
    if (g === undefined) throw new Error(`CpiSeries: no CPI change for ${year}`);
    return g;
  }

  private clamp(year: number, what: 'prijsjaar' | 'prijspeil', notes: string[]): number {
    if (year > this.lastYear) {
      notes.push(`CPI bekend t/m ${this.lastYear}; ${what} ${year} benaderd met ${this.lastYear}`);
      return this.lastYear;
    }
    const firstLevel = this.firstYear - 1;
    if (year < firstLevel) {
      notes.push(`CPI bekend vanaf ${this.firstYear}; ${what} ${year} benaderd met ${firstLevel}`);
      return firstLevel;
    }
    return year;
  }
}

/**
 * Parse cpi-nl.csv (year, cpi_annual_change_pct, index_2015_100, source, url). Only the yearly
 * change is used: the index column is partly derived and has gaps, the changes do not.
 */
export function loadCpiSeries(csvText?: string): CpiSeries {
  const text = csvText ?? readFileSync(CPI_CSV_PATH, 'utf8');
  const records = parse(text, { bom: true, skip_empty_lines: true });
  const [header, ...rows] = records;
  const yearCol = header?.indexOf('year') ?? -1;
  const changeCol = header?.indexOf('cpi_annual_change_pct') ?? -1;
  if (yearCol < 0 || changeCol < 0) {
    throw new Error('cpi-nl.csv: header must contain the columns year and cpi_annual_change_pct');
  }
  const years = rows.map((cells, index): CpiYear => {
    const rowNo = index + 2; // header is row 1, as in a spreadsheet
    const yearText = (cells[yearCol] ?? '').trim();
    const changeText = (cells[changeCol] ?? '').trim();
    if (!/^\d{4}$/.test(yearText)) {
      throw new Error(`cpi-nl.csv row ${rowNo}, column year: must be a four-digit year (got "${yearText}")`);
    }
    if (!/^-?\d+(\.\d+)?$/.test(changeText) || new Dec(changeText).lessThanOrEqualTo(-100)) {
      throw new Error(
        `cpi-nl.csv row ${rowNo}, column cpi_annual_change_pct: must be a percentage above -100 (got "${changeText}")`,
      );
    }
    return { year: Number.parseInt(yearText, 10), changePct: new Dec(changeText) };
  });
  return new CpiSeries(years);
}

