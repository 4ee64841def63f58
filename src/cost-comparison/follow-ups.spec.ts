import { addMonths, calibrate, CalibrationInput, calibrated, followUpSchedule, followUpTotals } from './follow-ups';
import { computeRealised } from './realised';

const approved = new Date('2026-01-15T10:00:00+01:00');

describe('followUpSchedule', () => {
  it('puts the follow-ups 3, 6 and 12 months after the approval', () => {
    expect(followUpSchedule(approved, [], new Date('2026-02-01T12:00:00+01:00')).map((f) => [f.months, f.dueDate, f.state])).toEqual([
      [3, '2026-04-15', 'upcoming'],
      [6, '2026-07-15', 'upcoming'],
      [12, '2027-01-15', 'upcoming'],
    ]);
  });

  it('shows the 3-month follow-up as due on its date and overdue after 14 days', () => {
    expect(followUpSchedule(approved, [], new Date('2026-04-20T12:00:00+02:00'))[0].state).toBe('due');
    expect(followUpSchedule(approved, [], new Date('2026-04-30T12:00:00+02:00'))[0].state).toBe('overdue');
  });

  it('marks a recorded follow-up as recorded, also when it came late', () => {
    expect(followUpSchedule(approved, [3], new Date('2026-09-01T12:00:00+02:00')).map((f) => f.state)).toEqual(['recorded', 'overdue', 'upcoming']);
  });

  it('moves the 31st to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('goes back across the year boundary for a negative number of months', () => {
    expect([addMonths('2026-01-01', -3), addMonths('2026-03-31', -1), addMonths('2026-12-02', -12)]).toEqual(['2025-10-01', '2026-02-28', '2025-12-02']);
  });
});

describe('followUpTotals', () => {
  const line = { costItemKey: 'case_meeting', unitAmount: '1500.00', quantity: '6', expected: '9000.00', probability: '1' };
  const after6 = computeRealised([line], [{ costItemKey: 'case_meeting', happened: 'partly', fraction: '0.5' }], 6);

  it('gives coverage 0.50 and one overdue when one of two due follow-ups is recorded', () => {
    const asOf = new Date('2026-08-15T12:00:00+02:00');
    const totals = followUpTotals([
      { schedule: followUpSchedule(approved, [6], asOf), latest: { goalReached: 'yes', realised: after6 } },
    ]);
    expect([totals.due, totals.recorded, totals.overdue, totals.coverage]).toEqual([2, 1, 1, '0.50']);
  });

  it('adds up realised cost over the elapsed windows only and the share of goals reached', () => {
    const asOf = new Date('2026-08-15T12:00:00+02:00');
    const totals = followUpTotals([
      { schedule: followUpSchedule(approved, [6], asOf), latest: { goalReached: 'yes', realised: after6 } },
      { schedule: followUpSchedule(approved, [6], asOf), latest: { goalReached: 'no', realised: after6 } },
    ]);
    expect([totals.estimatedInWindow, totals.realised, totals.goals.reachedShare]).toEqual(['9000.00', '4500.00', '0.50']);
  });

  it('has no coverage figure while nothing is due yet', () => {
    const totals = followUpTotals([{ schedule: followUpSchedule(approved, [], new Date('2026-02-01T12:00:00+01:00')), latest: null }]);
    expect([totals.due, totals.coverage, totals.goals.reachedShare]).toEqual([0, null, null]);
  });
});

describe('calibrate', () => {
  const input = (organisationId: string, notHappened: string): CalibrationInput => ({
    costItemKey: 'detention_day',
    organisationId,
    line: { costItemKey: 'detention_day', expected: '100.00', realised: notHappened, probability: '0.5', notHappened: '0.25' },
  });

  it('gives no factor below the minimum sample of 10, only the sample size', () => {
    const c = calibrate(Array.from({ length: 9 }, () => input('org-a', '50.00')));
    expect(c.byItem).toEqual([
      { costItemKey: 'detention_day', organisationId: null, sample: 9, factor: null, meanProbability: '0.50', meanNotHappened: '0.25' },
    ]);
  });

  it('gives a factor of 0.50 when 10 follow-ups realised half of what was estimated', () => {
    expect(calibrate(Array.from({ length: 10 }, () => input('org-a', '50.00'))).byItem[0].factor).toBe('0.50');
  });

  it('calibrates per organisation only where it has 10 follow-ups', () => {
    const c = calibrate([...Array.from({ length: 10 }, () => input('org-a', '80.00')), ...Array.from({ length: 4 }, () => input('org-b', '10.00'))]);
    expect(c.byOrganisation.map((o) => [o.organisationId, o.sample, o.factor])).toEqual([['org-a', 10, '0.80']]);
    expect(c.byItem[0]).toMatchObject({ sample: 14, factor: '0.60' });
  });

  it('multiplies an estimate by its factor, and gives nothing without one', () => {
    expect([calibrated('65353.25', '0.60'), calibrated('65353.25', null)]).toEqual(['39211.95', null]);
  });
});
