import { addWorkingDays, calendarYear, decisionDue, hoursToDecision, isOverdue, lastWallClockHour, startOfYear } from './dutch-time';

const rules = { urgentDecisionHours: 24, decisionWorkingDays: 5 };

describe('decisionDue', () => {
  it('gives an urgent request submitted on Friday evening 24 clock hours, into the weekend', () => {
    expect(decisionDue(new Date('2026-03-06T18:00:00Z'), true, rules).toISOString()).toBe('2026-03-07T18:00:00.000Z');
  });

  it('gives a normal request submitted on Monday until next Monday, same time', () => {
    expect(decisionDue(new Date('2026-03-02T09:30:00Z'), false, rules).toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });

  it('skips the weekend: Thursday + 2 working days is Monday', () => {
    expect(addWorkingDays(new Date('2026-03-05T10:00:00Z'), 2).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('counts a Saturday submission from Monday on: Saturday + 1 working day is Monday', () => {
    expect(addWorkingDays(new Date('2026-03-07T10:00:00Z'), 1).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('uses the Dutch calendar: Friday 23:30 UTC is already Saturday in Amsterdam', () => {
    // Saturday 00:30 in Amsterdam + 1 working day = Monday 00:30 Amsterdam = Sunday 23:30 UTC
    expect(addWorkingDays(new Date('2026-03-06T23:30:00Z'), 1).toISOString()).toBe('2026-03-08T23:30:00.000Z');
  });

  it('keeps the wall-clock time across the switch to summer time', () => {
    // Friday 27 March 2026 09:00 CET (08:00Z) + 1 working day = Monday 30 March 09:00 CEST (07:00Z)
    expect(addWorkingDays(new Date('2026-03-27T08:00:00Z'), 1).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('gives a 5-working-day deadline on a Wednesday before Christmas a week later (holidays not skipped)', () => {
    expect(addWorkingDays(new Date('2026-12-23T11:00:00Z'), 5).toISOString()).toBe('2026-12-30T11:00:00.000Z');
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-03-09T09:30:00Z');
  it('is not overdue at the deadline itself', () => {
    expect(isOverdue(due, true, new Date('2026-03-09T09:30:00Z'))).toBe(false);
  });
  it('is overdue one millisecond later while awaiting a decision', () => {
    expect(isOverdue(due, true, new Date('2026-03-09T09:30:00.001Z'))).toBe(true);
  });
  it('is not overdue once decided', () => {
    expect(isOverdue(due, false, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
  it('is not overdue without a deadline', () => {
    expect(isOverdue(null, true, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('hoursToDecision', () => {
  it('gives hours with one decimal', () => {
    expect(hoursToDecision(new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T14:15:00Z'))).toBe(5.3);
  });
  it('is null while undecided', () => {
    expect(hoursToDecision(new Date('2026-03-02T09:00:00Z'), null)).toBeNull();
  });
});

describe('calendar years in Dutch time', () => {
  it('puts New Year 00:30 in Amsterdam (23:30 UTC the day before) in the new year', () => {
    expect(calendarYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(calendarYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });
  it('starts a year at midnight Amsterdam time', () => {
    expect(startOfYear(2027).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('lastWallClockHour', () => {
  it('is today at 08:00 Dutch time once that has passed, else yesterday’s', () => {
    // 1 Dec 2026 is winter time (UTC+1): 08:00 in Amsterdam is 07:00 UTC
    expect(lastWallClockHour(new Date('2026-12-01T07:30:00Z'), 8).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(lastWallClockHour(new Date('2026-12-01T06:59:59Z'), 8).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('follows summer time', () => {
    expect(lastWallClockHour(new Date('2026-07-01T12:00:00Z'), 8).toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });
});
