import { addWorkingDays, calendarYear, decisionDue, dutchDate, formatDateTime, hoursToDecision, isOverdue, lastWallClockHour, startOfDutchDay, startOfYear } from './dutch-time';

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

describe('Dutch wall clock (cached offsets) against Intl', () => {
  const intl = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const viaIntl = (t: number): string => {
    const p: Record<string, string> = {};
    for (const part of intl.formatToParts(new Date(t))) p[part.type] = part.value;
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  const viaUs = (t: number): string => {
    const at = new Date(t);
    // formatDateTime gives `d mon. yyyy hh:mm`; rebuild the ISO-like form from dutchDate and its time
    return `${dutchDate(at)} ${formatDateTime(at, 'en').slice(-5)}`;
  };

  it('agrees minute by minute around every DST change from 2020 to 2030', () => {
    for (let year = 2020; year <= 2030; year++) {
      for (const month of [2, 9]) {
        // last Sunday of March / October, 01:00 UTC is the change
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
        const change = Date.UTC(year, month, sunday, 1);
        for (let t = change - 3 * 3_600_000; t <= change + 3 * 3_600_000; t += 60_000 * 7) expect([t, viaUs(t)]).toEqual([t, viaIntl(t)]);
      }
    }
  });

  it('agrees on 5,000 instants spread from 1970 to 2210, the cache edges included', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2210, 0, 1);
    const edges = [Date.UTC(1977, 0, 1) - 1, Date.UTC(1977, 0, 1), Date.UTC(2200, 0, 1) - 1, Date.UTC(2200, 0, 1)];
    for (const t of [...edges, ...Array.from({ length: 5000 }, () => Math.floor(from + next() * (to - from)))]) expect([t, viaUs(t)]).toEqual([t, viaIntl(t)]);
  });

  it('starts a Dutch day at local midnight on both sides of the clock change', () => {
    expect(startOfDutchDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDutchDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDutchDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDutchDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
