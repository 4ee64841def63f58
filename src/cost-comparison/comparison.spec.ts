import { Dec } from '../common/money';
import { CostItemSeed, loadCatalogueSeed } from './catalogue-csv';
import { ComparisonLineInput, computeComparison, priceUnit } from './comparison';
import { loadCpiSeries } from './cpi';

const cpi = loadCpiSeries();
const catalogue = loadCatalogueSeed();

function item(key: string): CostItemSeed {
  const found = catalogue.find((s) => s.key === key);
  if (!found) throw new Error(`no catalogue item ${key}`);
  return found;
}

/** What the request service does: price a catalogue item for the request year and describe the line. */
function routeLine(key: string, quantity: string, probability: string, priceYear: number) {
  const seed = item(key);
  const priced = priceUnit(seed, priceYear, cpi);
  const line: ComparisonLineInput = {
    costItemKey: seed.key,
    costItemVersion: 1,
    label: seed.labelNl,
    unit: seed.unit,
    bearer: seed.bearerKey,
    bearerLabel: seed.bearerLabelNl,
    kind: seed.kind,
    confidence: seed.confidence,
    sourceAmount: seed.amount,
    sourceYear: seed.priceYear,
    unitAmount: priced.unitAmount,
    quantity,
    probability,
    note: null,
    unindexed: priced.unindexed,
  };
  return { line, notes: priced.notes };
}

/** A hand-made line for rounding scenarios, independent of the catalogue. */
function plainLine(overrides: Partial<ComparisonLineInput>): ComparisonLineInput {
  return {
    costItemKey: 'x',
    costItemVersion: 1,
    label: 'x',
    unit: 'per keer',
    bearer: 'municipality',
    bearerLabel: 'Gemeente',
    kind: 'fiscal',
    confidence: 'high',
    sourceAmount: '0.00',
    sourceYear: 2025,
    unitAmount: '0.00',
    quantity: '1',
    probability: '1',
    note: null,
    unindexed: false,
    ...overrides,
  };
}

describe('priceUnit', () => {
  it('brings the 2013 detention day of 262.00 to 358.10 for a 2026 request', () => {
    const priced = priceUnit(item('detention_day'), 2026, cpi);
    expect(priced.unitAmount.toFixed(2)).toBe('358.10');
    expect(priced.unindexed).toBe(false);
    expect(priced.notes).toEqual(['CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025']);
  });

  it('uses the case meeting without price year as is and flags it as unindexed', () => {
    const priced = priceUnit(item('case_meeting'), 2026, cpi);
    expect(priced.unitAmount.toFixed(2)).toBe('1500.00');
    expect(priced.unindexed).toBe(true);
    expect(priced.notes).toEqual(['Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd)']);
  });

  it('deflates a 2025 amount of 358.10 back to 262.00 in 2013 prices', () => {
    expect(priceUnit({ amount: '358.10', priceYear: 2025 }, 2013, cpi).unitAmount.toFixed(2)).toBe('262.00');
  });

  it('deflates 1038.00 of 2023 to 1000.00 in 2022 prices', () => {
    expect(priceUnit({ amount: '1038.00', priceYear: 2023 }, 2022, cpi).unitAmount.toFixed(2)).toBe('1000.00');
  });
});

describe('computeComparison: the rail pass instead of detention (canonical case)', () => {
  const detention = routeLine('detention_day', '365', '0.5', 2026);
  const meetings = routeLine('case_meeting', '6', '1', 2026);
  const comparison = computeComparison({
    priceYear: 2026,
    priceNotes: [...detention.notes, ...meetings.notes],
    maatwerkCost: '3000.00',
    lines: [detention.line, meetings.line],
  });

  it('prices 365 detention days at 358.10 with a 50 % chance as 65353.25 within 49014.94 – 81691.56', () => {
    expect(comparison.lines[0]).toMatchObject({
      costItemKey: 'detention_day',
      sourceAmount: '262.00',
      sourceYear: 2013,
      unitAmount: '358.10',
      quantity: '365',
      probability: '0.5',
      expected: '65353.25',
      low: '49014.94',
      high: '81691.56',
      unindexed: false,
    });
  });

  it('prices 6 case meetings of 1500.00 as 9000.00 within 6750.00 – 11250.00, flagged unindexed', () => {
    expect(comparison.lines[1]).toMatchObject({
      costItemKey: 'case_meeting',
      sourceYear: null,
      unitAmount: '1500.00',
      quantity: '6',
      probability: '1',
      expected: '9000.00',
      low: '6750.00',
      high: '11250.00',
      unindexed: true,
    });
  });

  it('sums the lines to an avoided cost of 74353.25 within 55764.94 – 92941.56', () => {
    expect(comparison.avoidedCost).toEqual({ low: '55764.94', central: '74353.25', high: '92941.56' });
  });

  it('gives a net benefit of 71353.25 and a ratio of 24.78 against the 3000.00 rail pass', () => {
    expect(comparison.maatwerkCost).toBe('3000.00');
    expect(comparison.netBenefit).toBe('71353.25');
    expect(comparison.ratio).toBe('24.78');
  });

  it('shows justice as the largest bearer ahead of the municipality', () => {
    expect(comparison.byBearer).toEqual([
      {
        bearer: 'justice', bearerLabel: 'Justitie (DJI)', low: '49014.94', central: '65353.25', high: '81691.56',
        net: { low: '35290.76', central: '47054.34', high: '58817.93' },
      },
      {
        bearer: 'municipality', bearerLabel: 'Gemeente', low: '6750.00', central: '9000.00', high: '11250.00',
        net: { low: '4860.00', central: '6480.00', high: '8100.00' },
      },
    ]);
  });

  it('counts everything as fiscal because both items are budgets somebody pays', () => {
    expect(comparison.avoidedByKind).toEqual({
      fiscal: { low: '55764.94', central: '74353.25', high: '92941.56' },
      societal: { low: '0.00', central: '0.00', high: '0.00' },
    });
  });

  it('states both the CPI cut-off and the unindexed case meeting in the price notes', () => {
    expect(comparison.priceYear).toBe(2026);
    expect(comparison.priceNotes).toEqual([
      'CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025',
      'Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd)',
    ]);
  });
});

describe('computeComparison: rounding and edge cases', () => {
  it('rounds an expected value of exactly half a cent up', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      lines: [plainLine({ unitAmount: '10.01', probability: '0.5' })],
    });
    expect(c.lines[0].expected).toBe('5.01');
    expect(c.lines[0].low).toBe('4.51');
    expect(c.lines[0].high).toBe('5.51');
  });

  it('rounds band limits that end in half a cent up', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      lines: [plainLine({ unitAmount: '12.34', confidence: 'medium' })],
    });
    expect(c.avoidedCost).toEqual({ low: '9.26', central: '12.34', high: '15.43' });
  });

  it('sums rounded line values so the totals match the lines to the cent', () => {
    const half = plainLine({ unitAmount: '0.01', probability: '0.5' });
    const c = computeComparison({ priceYear: 2025, maatwerkCost: '1.00', lines: [half, half, half] });
    expect(c.lines.map((l) => l.expected)).toEqual(['0.01', '0.01', '0.01']);
    expect(c.avoidedCost.central).toBe('0.03');
  });

  it('returns ratio null and the full avoided cost as net benefit when the maatwerk costs nothing', () => {
    const c = computeComparison({ priceYear: 2025, maatwerkCost: '0', lines: [plainLine({ unitAmount: '100.00' })] });
    expect(c.maatwerkCost).toBe('0.00');
    expect(c.ratio).toBeNull();
    expect(c.netBenefit).toBe('100.00');
  });

  it('gives a negative net benefit and a ratio below 1 when the maatwerk costs more than it avoids', () => {
    const c = computeComparison({ priceYear: 2025, maatwerkCost: '300.00', lines: [plainLine({ unitAmount: '100.00' })] });
    expect(c.netBenefit).toBe('-200.00');
    expect(c.ratio).toBe('0.33');
  });

  it('normalises quantity and probability to plain decimal strings', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      lines: [plainLine({ unitAmount: '2.00', quantity: '365.00', probability: '0.50' })],
    });
    expect(c.lines[0].quantity).toBe('365');
    expect(c.lines[0].probability).toBe('0.5');
    expect(c.lines[0].expected).toBe('365.00');
  });

  it('keeps fiscal and societal apart so that together they make the total', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '100.00',
      lines: [
        plainLine({ unitAmount: '200.00' }),
        plainLine({ unitAmount: '80.00', kind: 'societal', bearer: 'society', bearerLabel: 'Samenleving', confidence: 'low' }),
      ],
    });
    expect(c.avoidedByKind.fiscal).toEqual({ low: '180.00', central: '200.00', high: '220.00' });
    expect(c.avoidedByKind.societal).toEqual({ low: '40.00', central: '80.00', high: '120.00' });
    expect(c.avoidedCost).toEqual({ low: '220.00', central: '280.00', high: '340.00' });
  });

  it('orders bearers with equal central amounts by bearer key', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      lines: [
        plainLine({ unitAmount: '50.00', bearer: 'police', bearerLabel: 'Politie' }),
        plainLine({ unitAmount: '50.00', bearer: 'justice', bearerLabel: 'Justitie' }),
        plainLine({ unitAmount: '60.00', bearer: 'society', bearerLabel: 'Samenleving' }),
      ],
    });
    expect(c.byBearer.map((b) => b.bearer)).toEqual(['society', 'justice', 'police']);
  });

  it('sums two lines of the same bearer into one bearer row', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      lines: [plainLine({ unitAmount: '10.00' }), plainLine({ unitAmount: '5.00', confidence: 'low' })],
    });
    expect(c.byBearer).toEqual([
      {
        bearer: 'municipality', bearerLabel: 'Gemeente', low: '11.50', central: '15.00', high: '18.50',
        net: { low: '8.28', central: '10.80', high: '13.32' },
      },
    ]);
  });

  it('uses custom confidence bands when given', () => {
    const c = computeComparison({
      priceYear: 2025,
      maatwerkCost: '1.00',
      bands: { high: new Dec('0'), medium: new Dec('0'), low: new Dec('0') },
      lines: [plainLine({ unitAmount: '10.00' })],
    });
    expect(c.avoidedCost).toEqual({ low: '10.00', central: '10.00', high: '10.00' });
  });

  it('rejects a probability above 1 naming the line', () => {
    const input = { priceYear: 2025, maatwerkCost: '1.00', lines: [plainLine({ probability: '1.5' })] };
    expect(() => computeComparison(input)).toThrow('lines[0] (x): probability must be between 0 and 1');
  });

  it('rejects a negative maatwerk cost', () => {
    expect(() => computeComparison({ priceYear: 2025, maatwerkCost: '-1', lines: [] })).toThrow(
      'maatwerkCost must not be negative',
    );
  });

  it('returns zero figures for a route without lines', () => {
    const c = computeComparison({ priceYear: 2025, maatwerkCost: '50.00', lines: [] });
    expect(c.avoidedCost).toEqual({ low: '0.00', central: '0.00', high: '0.00' });
    expect(c.netBenefit).toBe('-50.00');
    expect(c.ratio).toBe('0.00');
    expect(c.byBearer).toEqual([]);
  });
});
