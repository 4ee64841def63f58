import { DomainError } from '../common/domain-error';
import { parseArgs } from './report-cli-args';
import { bearerOfOrganisationKind } from './report-data-labels';
import { slug } from './report-files';
import { startOfDutchDay } from '../common/dutch-time';
import { defaultPeriod, reportPeriod } from './report-period';
import { burnDown } from './steering/steering-report.assemble';

describe('report periods in Dutch time', () => {
  it('starts a winter day at 23:00 UTC the day before and a summer day at 22:00 UTC', () => {
    expect(startOfDutchDay('2026-01-01').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(startOfDutchDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('ends a period at midnight after its last day, across the DST change', () => {
    const p = reportPeriod('2026-03-01', '2026-03-29');
    expect(p.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('refuses a date that does not exist, naming from', () => {
    expect(() => reportPeriod('2026-02-30', '2026-12-31')).toThrow(DomainError);
    expect(() => reportPeriod('2026-02-30', '2026-12-31')).toThrow(/^from: /);
  });

  it('refuses a reversed period, naming to', () => {
    expect(() => reportPeriod('2026-12-31', '2026-01-01')).toThrow(/^to: must not be before from \(2026-12-31\)/);
  });

  it('fills a missing from and to with the funds’ periods, else the calendar year of today', () => {
    const funds = [
      { periodStart: '2026-03-01', periodEnd: '2026-12-31' },
      { periodStart: '2026-01-01', periodEnd: '2027-06-30' },
    ];
    expect(defaultPeriod(funds, undefined, undefined, '2026-11-22')).toMatchObject({ from: '2026-01-01', to: '2027-06-30' });
    expect(defaultPeriod(funds, '2026-05-01', undefined, '2026-11-22')).toMatchObject({ from: '2026-05-01', to: '2027-06-30' });
    expect(defaultPeriod([], undefined, undefined, '2026-11-22')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('burnDown', () => {
  const movements = [
    { date: '2025-12-20', kind: 'available', amount: '1000.00' },
    { date: '2026-01-01', kind: 'available', amount: '50000.00' },
    { date: '2026-02-03', kind: 'available', amount: '-3000.00' },
    { date: '2026-02-03', kind: 'committed', amount: '3000.00' },
    { date: '2026-02-20', kind: 'committed', amount: '-3000.00' },
    { date: '2026-02-20', kind: 'spent', amount: '3000.00' },
  ];

  it('opens with the balance at the end of the first day and adds a point per day with movements, up to today', () => {
    expect(burnDown(movements, { from: '2026-01-01', to: '2026-12-31' }, '2026-03-15')).toEqual([
      { date: '2026-01-01', committed: '0.00', spent: '0.00', available: '51000.00' },
      { date: '2026-02-03', committed: '3000.00', spent: '0.00', available: '48000.00' },
      { date: '2026-02-20', committed: '0.00', spent: '3000.00', available: '48000.00' },
      { date: '2026-03-15', committed: '0.00', spent: '3000.00', available: '48000.00' },
    ]);
  });

  it('ends at the end of a period that is over', () => {
    const points = burnDown(movements, { from: '2026-02-01', to: '2026-02-10' }, '2026-11-22');
    expect(points.map((p) => p.date)).toEqual(['2026-02-01', '2026-02-03', '2026-02-10']);
    expect(points[0].available).toBe('51000.00');
  });

  it('is a single point for a period that has not started', () => {
    expect(burnDown(movements, { from: '2027-01-01', to: '2027-12-31' }, '2026-11-22')).toEqual([
      { date: '2027-01-01', committed: '0.00', spent: '3000.00', available: '48000.00' },
    ]);
  });
});

describe('the delivery helpers', () => {
  it('maps organisation kinds onto the catalogue’s bearers, a GGZ institution as a care provider, not an insurer', () => {
    expect(
      ['municipality', 'police', 'housing', 'health_insurer', 'mental_health', 'addiction_care', 'welfare', 'other', 'unknown'].map(bearerOfOrganisationKind),
    ).toEqual([
      'municipality', 'police', 'housing_corporation', 'health_insurer', 'care_provider', 'care_provider', 'municipality', 'society', 'society',
    ]);
  });

  it('makes ASCII file names', () => {
    expect(slug('Doorbraakfonds Zuidoost 2026')).toBe('doorbraakfonds-zuidoost-2026');
    expect(slug('Fonds „Ëën” – café')).toBe('fonds-een-cafe');
    expect(slug('€€€')).toBe('fonds');
  });

  it('reads the command line', () => {
    expect(parseArgs(['--operator', 'fin@gemeente.nl', '--fund', 'Doorbraakfonds Zuidoost 2026', '--from=2026-01-01', '--to', '2026-12-31', '--lang', 'en'])).toEqual({
      operator: 'fin@gemeente.nl', fund: 'Doorbraakfonds Zuidoost 2026', from: '2026-01-01', to: '2026-12-31', out: undefined, lang: 'en',
    });
    expect(() => parseArgs(['--operator=a@b.nl', '--fund'])).toThrow('--fund needs a value');
    expect(() => parseArgs(['--colour', 'red'])).toThrow('unknown option --colour');
    expect(() => parseArgs(['--operator=a@b.nl', '--lang', 'de'])).toThrow('--lang must be nl or en');
    // the command line has no login: the operator names their account, which the access log records
    expect(() => parseArgs(['--fund', 'x'])).toThrow('--operator is required');
    expect(() => parseArgs(['--operator=', '--fund', 'x'])).toThrow('--operator is required');
  });
});
