import { computeComparison, ComparisonLineInput } from './comparison';
import { DEFAULT_METHOD, timeFactors } from './method';

function line(overrides: Partial<ComparisonLineInput>): ComparisonLineInput {
  return {
    costItemKey: 'x',
    costItemVersion: 1,
    label: 'x',
    unit: 'per jaar',
    bearer: 'municipality',
    bearerLabel: 'Gemeente',
    kind: 'fiscal',
    confidence: 'high',
    sourceAmount: '15000.00',
    sourceYear: 2026,
    unitAmount: '15000.00',
    quantity: '1',
    probability: '0.5',
    note: null,
    unindexed: false,
    ...overrides,
  };
}

describe('timeFactors', () => {
  it('leaves a one-year line undiscounted: both factors are 1', () => {
    const f = timeFactors(1, DEFAULT_METHOD);
    expect([f.years, f.gross.toFixed(), f.net.toFixed()]).toEqual([1, '1', '1']);
  });

  it('discounts three years at 2.25 % to 2.934470 and with 20 % drop-off to 2.394540', () => {
    const f = timeFactors(3, DEFAULT_METHOD);
    expect([f.years, f.gross.toFixed(), f.net.toFixed()]).toEqual([3, '2.93447', '2.39454']);
  });

  it('cuts a ten-year line off at the five-year horizon', () => {
    const f = timeFactors(10, DEFAULT_METHOD);
    expect([f.years, f.gross.toFixed(), f.net.toFixed()]).toEqual([5, '4.78474', '3.248198']);
  });

  it('counts every year in full at a 0 % rate without drop-off', () => {
    const f = timeFactors(4, { dropOff: '0', discountRate: '0', horizonYears: 50 });
    expect([f.gross.toFixed(), f.net.toFixed()]).toEqual(['4', '4']);
  });
});

describe('computeComparison: gross and net avoided cost', () => {
  it('keeps avoidedCost gross and takes the fund defaults (deadweight 0.1, attribution 0.8) off the net figure', () => {
    const c = computeComparison({ priceYear: 2026, maatwerkCost: '3000.00', lines: [line({})] });
    expect(c.avoidedCost).toEqual({ low: '6750.00', central: '7500.00', high: '8250.00' });
    expect(c.avoidedCostNet).toEqual({ low: '4860.00', central: '5400.00', high: '5940.00' });
    expect([c.netBenefit, c.ratio, c.netBenefitNet, c.ratioNet]).toEqual(['4500.00', '2.50', '2400.00', '1.80']);
  });

  it("uses a line's own deadweight and attribution instead of the fund's", () => {
    const c = computeComparison({ priceYear: 2026, maatwerkCost: '3000.00', lines: [line({ deadweight: '0.5', attribution: '1' })] });
    expect([c.lines[0].deadweight, c.lines[0].attribution, c.lines[0].defaultShares, c.lines[0].net]).toEqual(['0.5', '1', false, '3750.00']);
  });

  it('discounts a three-year shelter place to 22008.53 gross and 12930.52 net', () => {
    const c = computeComparison({ priceYear: 2026, maatwerkCost: '3000.00', lines: [line({ years: 3 })] });
    const l = c.lines[0];
    expect([l.expected, l.yearsCounted, l.grossFactor, l.netFactor, l.gross, l.net]).toEqual(['7500.00', 3, '2.93447', '2.39454', '22008.53', '12930.52']);
    expect(c.avoidedCost.central).toBe('22008.53');
    expect(c.avoidedCostNet.central).toBe('12930.52');
  });

  it('states the method it used', () => {
    const method = { deadweight: '0.25', attribution: '0.5', dropOff: '0', discountRate: '0.04', horizonYears: 10 };
    const c = computeComparison({ priceYear: 2026, maatwerkCost: '1.00', lines: [], method });
    expect(c.method).toEqual(method);
  });

  it('splits the net figure into cash, capacity and no budget', () => {
    const c = computeComparison({
      priceYear: 2026,
      maatwerkCost: '1.00',
      lines: [
        line({ budgetEffect: 'capacity', unitAmount: '100.00', probability: '1' }),
        line({ unitAmount: '200.00', probability: '1' }),
        line({ kind: 'societal', bearer: 'society', unitAmount: '50.00', probability: '1' }),
      ],
    });
    expect([c.avoidedNetByBudgetEffect.cash.central, c.avoidedNetByBudgetEffect.capacity.central, c.avoidedNetByBudgetEffect.none.central]).toEqual([
      '144.00', '72.00', '36.00',
    ]);
  });

  it('rejects a line deadweight above 1 naming the line', () => {
    expect(() => computeComparison({ priceYear: 2026, maatwerkCost: '1.00', lines: [line({ deadweight: '1.2' })] })).toThrow(
      'lines[0] (x): deadweight must be between 0 and 1',
    );
  });

  it('rejects a negative discount rate in the method', () => {
    const method = { ...DEFAULT_METHOD, discountRate: '-0.01' };
    expect(() => computeComparison({ priceYear: 2026, maatwerkCost: '1.00', lines: [], method })).toThrow('method.discountRate must not be negative');
  });

  it('rejects a horizon over 50 years', () => {
    const method = { ...DEFAULT_METHOD, horizonYears: 51 };
    expect(() => computeComparison({ priceYear: 2026, maatwerkCost: '1.00', lines: [], method })).toThrow(
      'method.horizonYears must be a whole number from 1 to 50',
    );
  });
});
