import { ComparisonLine } from './comparison.types';
import { computeRealised } from './realised';

type Line = Pick<ComparisonLine, 'costItemKey' | 'unitAmount' | 'quantity' | 'expected' | 'probability'>;

/** The canonical rail-pass lines: 365 × 358.10 at 50 % (65353.25) and 6 × 1500.00 at 100 % (9000.00). */
const lines: Line[] = [
  { costItemKey: 'detention_day', unitAmount: '358.10', quantity: '365', expected: '65353.25', probability: '0.5' },
  { costItemKey: 'case_meeting', unitAmount: '1500.00', quantity: '6', expected: '9000.00', probability: '1' },
];

describe('computeRealised over the elapsed follow-up window', () => {
  const none = [
    { costItemKey: 'detention_day', happened: 'no' as const },
    { costItemKey: 'case_meeting', happened: 'no' as const },
  ];

  it('counts half a year of avoided cost after the 6-month follow-up, not the whole year', () => {
    const result = computeRealised(lines, none, 6);
    expect([result.windowShare, result.estimated, result.realised]).toEqual(['0.5', '37176.63', '69853.25']);
  });

  it('counts a quarter of a year after the 3-month follow-up', () => {
    const result = computeRealised(lines, none, 3);
    expect([result.windowShare, result.lines[0].expected, result.lines[0].realised]).toEqual(['0.25', '16338.31', '32676.63']);
  });

  it('never counts more than the years a line counts, even for a late follow-up', () => {
    const result = computeRealised([{ ...lines[1], yearsCounted: 1 }], [none[1]], 24);
    expect(result.lines[0].realised).toBe('9000.00');
  });
});

describe('computeRealised', () => {
  it('counts the full conventional cost as avoided when none of it happened', () => {
    const result = computeRealised(lines, [
      { costItemKey: 'detention_day', happened: 'no' },
      { costItemKey: 'case_meeting', happened: 'no' },
    ]);
    expect(result).toEqual({
      lines: [
        { costItemKey: 'detention_day', expected: '65353.25', realised: '130706.50', probability: '0.5', notHappened: '1' },
        { costItemKey: 'case_meeting', expected: '9000.00', realised: '9000.00', probability: '1', notHappened: '1' },
      ],
      windowMonths: null,
      windowShare: '1',
      estimated: '74353.25',
      realised: '139706.50',
      difference: '65353.25',
      estimateAccuracy: '1.88',
    });
  });

  it('counts 90 % of the detention as avoided when a tenth of the days happened anyway', () => {
    const result = computeRealised(lines, [
      { costItemKey: 'detention_day', happened: 'partly', fraction: '0.1' },
      { costItemKey: 'case_meeting', happened: 'yes' },
    ]);
    expect(result.lines).toEqual([
      { costItemKey: 'detention_day', expected: '65353.25', realised: '117635.85', probability: '0.5', notHappened: '0.9' },
      { costItemKey: 'case_meeting', expected: '9000.00', realised: '0.00', probability: '1', notHappened: '0' },
    ]);
    expect(result.realised).toBe('117635.85');
    expect(result.difference).toBe('43282.60');
    expect(result.estimateAccuracy).toBe('1.58');
  });

  it('shows a negative difference and accuracy 0.00 when everything happened anyway', () => {
    const result = computeRealised(lines, [
      { costItemKey: 'detention_day', happened: 'yes' },
      { costItemKey: 'case_meeting', happened: 'yes' },
    ]);
    expect(result.realised).toBe('0.00');
    expect(result.difference).toBe('-74353.25');
    expect(result.estimateAccuracy).toBe('0.00');
  });

  it('rounds a realised half cent up', () => {
    const result = computeRealised(
      [{ costItemKey: 'x', unitAmount: '10.01', quantity: '1', expected: '5.01' }],
      [{ costItemKey: 'x', happened: 'partly', fraction: '0.5' }],
    );
    expect(result.lines[0].realised).toBe('5.01');
  });

  it('returns accuracy null when the estimate was zero', () => {
    const result = computeRealised(
      [{ costItemKey: 'x', unitAmount: '100.00', quantity: '1', expected: '0.00' }],
      [{ costItemKey: 'x', happened: 'no' }],
    );
    expect(result.realised).toBe('100.00');
    expect(result.estimateAccuracy).toBeNull();
  });

  it('applies one outcome to every line with the same cost item', () => {
    const twice: Line[] = [
      { costItemKey: 'x', unitAmount: '10.00', quantity: '1', expected: '5.00', probability: '0.5' },
      { costItemKey: 'x', unitAmount: '10.00', quantity: '2', expected: '10.00', probability: '0.5' },
    ];
    expect(computeRealised(twice, [{ costItemKey: 'x', happened: 'no' }]).realised).toBe('30.00');
  });

  it('refuses a line without outcome', () => {
    expect(() => computeRealised(lines, [{ costItemKey: 'detention_day', happened: 'no' }])).toThrow(
      'no outcome for case_meeting',
    );
  });

  it('refuses an outcome for a cost item that is not in the comparison', () => {
    const outcomes = [
      { costItemKey: 'detention_day', happened: 'no' as const },
      { costItemKey: 'case_meeting', happened: 'no' as const },
      { costItemKey: 'police_hour_agent', happened: 'no' as const },
    ];
    expect(() => computeRealised(lines, outcomes)).toThrow('outcome for police_hour_agent has no line');
  });

  it('refuses the same cost item twice in the outcomes', () => {
    const outcomes = [
      { costItemKey: 'detention_day', happened: 'no' as const },
      { costItemKey: 'detention_day', happened: 'yes' as const },
    ];
    expect(() => computeRealised(lines, outcomes)).toThrow('outcome for detention_day is given twice');
  });

  it('refuses partly without a fraction', () => {
    const outcomes = [
      { costItemKey: 'detention_day', happened: 'partly' as const },
      { costItemKey: 'case_meeting', happened: 'no' as const },
    ];
    expect(() => computeRealised(lines, outcomes)).toThrow("'partly' needs a fraction between 0 and 1");
  });

  it('refuses a fraction above 1', () => {
    const outcomes = [
      { costItemKey: 'detention_day', happened: 'partly' as const, fraction: '1.2' },
      { costItemKey: 'case_meeting', happened: 'no' as const },
    ];
    expect(() => computeRealised(lines, outcomes)).toThrow("'partly' needs a fraction between 0 and 1");
  });

  it('refuses a fraction on an outcome that fully happened', () => {
    const outcomes = [
      { costItemKey: 'detention_day', happened: 'yes' as const, fraction: '0.5' },
      { costItemKey: 'case_meeting', happened: 'no' as const },
    ];
    expect(() => computeRealised(lines, outcomes)).toThrow("fraction is only allowed for 'partly'");
  });
});
