import { computeComparison, ComparisonLineInput } from './comparison';
import { sensitivity, SensitivityItem } from './sensitivity';

function line(overrides: Partial<ComparisonLineInput>): ComparisonLineInput {
  return {
    costItemKey: 'x', costItemVersion: 1, label: 'x', unit: 'per keer', bearer: 'municipality', bearerLabel: 'Gemeente',
    kind: 'fiscal', confidence: 'high', sourceAmount: '0.00', sourceYear: 2026, unitAmount: '0.00', quantity: '1',
    probability: '1', note: null, unindexed: false, ...overrides,
  };
}

/** net = expected × 0.9 × 0.8 with the default method */
const item = (caseId: string, unitAmount: string, confidence: 'high' | 'medium' | 'low', maatwerkCost: string): SensitivityItem => ({
  caseId,
  maatwerkCost,
  comparison: computeComparison({ priceYear: 2026, maatwerkCost, lines: [line({ unitAmount, confidence })] }),
});

const items = [item('case-1', '10000.00', 'low', '1000.00'), item('case-2', '1000.00', 'high', '500.00'), item('case-2', '500.00', 'medium', '100.00')];

describe('sensitivity', () => {
  const s = sensitivity(items);

  it('gives the net result for low, central and high unit costs', () => {
    expect(s.scenarios).toEqual({
      low: { avoidedNet: '4518.00', netBenefit: '2918.00', ratio: '2.82' },
      central: { avoidedNet: '8280.00', netBenefit: '6680.00', ratio: '5.18' },
      high: { avoidedNet: '12042.00', netBenefit: '10442.00', ratio: '7.53' },
    });
  });

  it('shows the result without the case that carries the most avoided cost', () => {
    expect(s.withoutLargestCase).toEqual({ avoidedNet: '1080.00', netBenefit: '480.00', ratio: '1.80', requests: 2, shareOfAvoided: '0.87' });
  });

  it('splits the net avoided cost by confidence class of the catalogue items', () => {
    expect(s.byConfidence).toEqual({
      high: { low: '648.00', central: '720.00', high: '792.00', lines: 1 },
      medium: { low: '270.00', central: '360.00', high: '450.00', lines: 1 },
      low: { low: '3600.00', central: '7200.00', high: '10800.00', lines: 1 },
    });
  });

  it('has no result without the largest case when there is only one case', () => {
    expect(sensitivity([items[0]]).withoutLargestCase).toBeNull();
  });
});
