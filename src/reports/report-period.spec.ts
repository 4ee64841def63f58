import { previousPeriod } from './report-period';

const prev = (from: string, to: string, today: string) => {
  const p = previousPeriod({ from, to }, today);
  return [p.from, p.to, p.fullTo, p.cut];
};

describe('previousPeriod', () => {
  it('takes the year before a calendar year that has ended', () => {
    expect(prev('2025-01-01', '2025-12-31', '2026-12-02')).toEqual(['2024-01-01', '2024-12-31', '2024-12-31', false]);
  });

  it('takes the quarter before a quarter, whole months rather than days (Q3 has 92 days, Q2 91)', () => {
    expect(prev('2026-07-01', '2026-09-30', '2026-12-02')).toEqual(['2026-04-01', '2026-06-30', '2026-06-30', false]);
    expect(prev('2026-01-01', '2026-02-28', '2026-12-02')).toEqual(['2025-11-01', '2025-12-31', '2025-12-31', false]);
  });

  it('takes as many days before a period that is not whole months', () => {
    // 1 jan – 22 nov is 326 days; the 326 days before end on 31 dec
    expect(prev('2026-01-01', '2026-11-22', '2026-12-02')).toEqual(['2025-02-09', '2025-12-31', '2025-12-31', false]);
    expect(prev('2026-03-10', '2026-03-16', '2026-12-02')).toEqual(['2026-03-03', '2026-03-09', '2026-03-09', false]);
  });

  it('cuts the previous period at the same point while the period is still running', () => {
    expect(prev('2026-01-01', '2026-12-31', '2026-12-02')).toEqual(['2025-01-01', '2025-12-02', '2025-12-31', true]);
    expect(prev('2026-10-01', '2026-12-31', '2026-12-02')).toEqual(['2026-07-01', '2026-09-02', '2026-09-30', true]);
    expect(prev('2026-11-20', '2026-12-09', '2026-12-02')).toEqual(['2026-10-31', '2026-11-12', '2026-11-19', true]);
  });

  it('does not cut on the last day of the period, nor before it has started', () => {
    expect(prev('2026-01-01', '2026-12-02', '2026-12-02')[3]).toBe(false);
    expect(prev('2027-01-01', '2027-12-31', '2026-12-02')).toEqual(['2026-01-01', '2026-12-31', '2026-12-31', false]);
  });

  it('covers the instants of its days in Dutch time', () => {
    const p = previousPeriod({ from: '2026-07-01', to: '2026-09-30' }, '2026-12-02');
    expect([p.start.toISOString(), p.end.toISOString()]).toEqual(['2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z']);
  });
});
