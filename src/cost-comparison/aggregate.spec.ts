import { AggregateItem, aggregateComparisons, paybackMonths } from './aggregate';
import { ComparisonLineInput, computeComparison } from './comparison';

function line(overrides: Partial<ComparisonLineInput>): ComparisonLineInput {
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

/** The canonical rail-pass request: central 74353.25 (justice 65353.25, municipality 9000.00). */
const railPass = computeComparison({
  priceYear: 2026,
  maatwerkCost: '3000.00',
  lines: [
    line({
      costItemKey: 'detention_day',
      bearer: 'justice',
      bearerLabel: 'Justitie (DJI)',
      confidence: 'medium',
      unitAmount: '358.10',
      quantity: '365',
      probability: '0.5',
    }),
    line({ costItemKey: 'case_meeting', confidence: 'medium', unitAmount: '1500.00', quantity: '6' }),
  ],
});

/** Central 766.00: 516.00 for the insurer (fiscal), 250.00 for society (societal). */
const emergencyCare = computeComparison({
  priceYear: 2026,
  maatwerkCost: '500.00',
  lines: [
    line({
      costItemKey: 'seh_visit',
      bearer: 'health_insurer',
      bearerLabel: 'Zorgverzekeraar',
      unitAmount: '258.00',
      quantity: '2',
    }),
    line({
      costItemKey: 'crime_vandalism',
      bearer: 'society',
      bearerLabel: 'Samenleving',
      kind: 'societal',
      confidence: 'medium',
      unitAmount: '1000.00',
      probability: '0.25',
    }),
  ],
});

const nothingAvoided = computeComparison({ priceYear: 2026, maatwerkCost: '0.00', lines: [] });

const items: AggregateItem[] = [
  { comparison: railPass, lifeDomain: 'safety', organisationId: 'org-a', caseId: 'case-1', maatwerkCost: '3000.00' },
  { comparison: emergencyCare, lifeDomain: 'housing', organisationId: 'org-b', caseId: 'case-2', maatwerkCost: '450.00' },
  { comparison: nothingAvoided, lifeDomain: 'housing', organisationId: 'org-a', caseId: 'case-1', maatwerkCost: '0.00' },
];

describe('aggregateComparisons', () => {
  const aggregate = aggregateComparisons(items);

  it('adds up maatwerk as paid and the avoided range of all requests', () => {
    expect(aggregate.totals).toMatchObject({
      requests: 3,
      maatwerk: '3450.00',
      avoided: { low: '56416.84', central: '75119.25', high: '93821.66' },
      netBenefit: '71669.25',
      ratio: '21.77',
    });
  });

  it('adds up the net avoided cost (fund defaults: deadweight 0.1, attribution 0.8) beside the gross', () => {
    expect([aggregate.totals.avoidedNet, aggregate.totals.netBenefitNet, aggregate.totals.ratioNet]).toEqual([
      { low: '40620.13', central: '54085.86', high: '67551.60' },
      '50635.86',
      '15.68',
    ]);
  });

  it('adds up the net avoided cost per bearer', () => {
    expect(aggregate.byBearer.map((b) => [b.bearer, b.net.low, b.net.central, b.net.high])).toEqual([
      ['justice', '35290.76', '47054.34', '58817.93'],
      ['municipality', '4860.00', '6480.00', '8100.00'],
      ['health_insurer', '334.37', '371.52', '408.67'],
      ['society', '135.00', '180.00', '225.00'],
    ]);
  });

  it('adds up avoided cost per bearer, largest first', () => {
    expect(aggregate.byBearer.map(({ net: _net, ...gross }) => gross)).toEqual([
      { bearer: 'justice', bearerLabel: 'Justitie (DJI)', low: '49014.94', central: '65353.25', high: '81691.56' },
      { bearer: 'municipality', bearerLabel: 'Gemeente', low: '6750.00', central: '9000.00', high: '11250.00' },
      { bearer: 'health_insurer', bearerLabel: 'Zorgverzekeraar', low: '464.40', central: '516.00', high: '567.60' },
      { bearer: 'society', bearerLabel: 'Samenleving', low: '187.50', central: '250.00', high: '312.50' },
    ]);
  });

  it('keeps fiscal and societal avoided cost apart', () => {
    expect(aggregate.byKind).toEqual({
      fiscal: { low: '56229.34', central: '74869.25', high: '93509.16' },
      societal: { low: '187.50', central: '250.00', high: '312.50' },
    });
  });

  it('groups by life domain with maatwerk, avoided cost, net benefit and ratio', () => {
    expect(aggregate.byLifeDomain.map(({ avoidedNetCentral: _a, netBenefitNet: _b, ...g }) => g)).toEqual([
      { key: 'safety', requests: 1, maatwerk: '3000.00', avoidedCentral: '74353.25', netBenefit: '71353.25', ratio: '24.78' },
      { key: 'housing', requests: 2, maatwerk: '450.00', avoidedCentral: '766.00', netBenefit: '316.00', ratio: '1.70' },
    ]);
  });

  it('groups by requesting organisation', () => {
    expect(aggregate.byOrganisation.map(({ avoidedNetCentral: _a, netBenefitNet: _b, ...g }) => g)).toEqual([
      { key: 'org-a', requests: 2, maatwerk: '3000.00', avoidedCentral: '74353.25', netBenefit: '71353.25', ratio: '24.78' },
      { key: 'org-b', requests: 1, maatwerk: '450.00', avoidedCentral: '766.00', netBenefit: '316.00', ratio: '1.70' },
    ]);
  });

  it('groups by case so that two requests for one person add up', () => {
    expect(aggregate.byCase.map((g) => [g.key, g.requests, g.maatwerk, g.avoidedCentral])).toEqual([
      ['case-1', 2, '3000.00', '74353.25'],
      ['case-2', 1, '450.00', '766.00'],
    ]);
  });

  it('returns zeros and ratio null for an empty period', () => {
    const empty = aggregateComparisons([]);
    expect(empty.totals).toMatchObject({
      requests: 0,
      maatwerk: '0.00',
      avoided: { low: '0.00', central: '0.00', high: '0.00' },
      netBenefit: '0.00',
      ratio: null,
    });
    expect(empty.byBearer).toEqual([]);
    expect(empty.byLifeDomain).toEqual([]);
  });

  it('gives ratio null for a group whose maatwerk cost nothing', () => {
    const only = aggregateComparisons([items[2]]);
    expect(only.byCase).toEqual([
      {
        key: 'case-1', requests: 1, maatwerk: '0.00', avoidedCentral: '0.00', netBenefit: '0.00', ratio: null,
        avoidedNetCentral: '0.00', netBenefitNet: '0.00',
      },
    ]);
  });
});

describe('paybackMonths', () => {
  it('pays back the 3000.00 rail pass in 0.48 months of 74353.25 avoided per year', () => {
    expect(paybackMonths('3000.00', '74353.25')).toBe('0.48');
  });

  it('takes 5.14 months to pay back 3000.00 against 7000.00 avoided per year', () => {
    expect(paybackMonths('3000.00', '7000.00')).toBe('5.14');
  });

  it('takes exactly 12.00 months when a year of avoided cost equals the maatwerk', () => {
    expect(paybackMonths('1200.00', '1200.00')).toBe('12.00');
  });

  it('never pays back when nothing is avoided', () => {
    expect(paybackMonths('3000.00', '0.00')).toBeNull();
  });

  it('never pays back when the avoided cost is negative', () => {
    expect(paybackMonths('3000.00', '-10.00')).toBeNull();
  });
});
