import { queueOrder } from './approvals.pages.controller';
import { moneyInput, percentToProbability, probabilityToPercent } from './forms';
import { translate } from './i18n';
import { navFor } from './nav';
import { remapRouteErrors, requestFormFromBody, requestPlain } from './request-form';
import { createViewEnvironment, formatDateTime, formatDay, formatMoney, formatPercent, timeLeft } from './view-helpers';
import type { RequestDto } from '../requests/request.dto';
import type { AuthUser } from '../auth/auth.decorators';
import { join } from 'node:path';

describe('web view helpers', () => {
  it('formats money the Dutch way', () => {
    expect(formatMoney('3000')).toBe('€ 3.000,00');
    expect(formatMoney('1234567.5')).toBe('€ 1.234.567,50');
    expect(formatMoney('-12.3')).toBe('-€ 12,30');
    expect(formatMoney('3000', 'en')).toBe('€ 3,000.00');
    expect(formatMoney(null)).toBe('');
  });

  it('formats instants in Amsterdam time as "22 nov. 2026 14:05", summer and winter', () => {
    expect(formatDateTime('2026-11-22T13:05:00Z')).toBe('22 nov. 2026 14:05');
    expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('1 jul. 2026 10:00');
    expect(formatDateTime('2026-05-03T10:00:00Z')).toBe('3 mei 2026 12:00');
    expect(formatDateTime('2026-11-22T13:05:00Z', 'en')).toBe('22 Nov 2026 14:05');
    expect(formatDay('2026-03-31')).toBe('31 mrt. 2026');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('says how much time is left or how late it is', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(timeLeft('2026-11-22T15:00:00Z', now)).toEqual({ text: 'nog 5 uur', late: false });
    expect(timeLeft('2026-11-22T08:00:00Z', now)).toEqual({ text: '2 uur te laat', late: true });
    expect(timeLeft('2026-11-22T10:20:00Z', now)).toEqual({ text: 'nog 20 min', late: false });
    expect(timeLeft('2026-11-26T10:00:00Z', now)).toEqual({ text: 'nog 4 dagen', late: false });
    expect(timeLeft('2026-11-22T11:30:00Z', now, 'en')).toEqual({ text: '1 hour left', late: false });
    expect(timeLeft(null, now)).toBeNull();
  });

  it('shows probabilities as percentages', () => {
    expect(formatPercent('0.5')).toBe('50%');
    expect(formatPercent('0.125')).toBe('12,5%');
    expect(formatPercent('0.2088')).toBe('20,88%');
  });

  it('reads money, quantities and percentages as people type them', () => {
    expect(moneyInput('3.000,00')).toBe('3000.00');
    expect(moneyInput('€ 3000,5')).toBe('3000.5');
    expect(moneyInput('3000.50')).toBe('3000.50');
    expect(moneyInput('1.500')).toBe('1500');
    expect(moneyInput('')).toBe('');
    expect(percentToProbability('50')).toBe('0.5');
    expect(percentToProbability('12,5')).toBe('0.125');
    expect(percentToProbability('150')).toBe('x');
    expect(percentToProbability('')).toBe('');
    expect(probabilityToPercent('0.25')).toBe('25');
  });

  it('escapes user text in every view and formats with filters', () => {
    const env = createViewEnvironment(join(__dirname, 'views'));
    const html = env.renderString('<h1>{{ title }}</h1><p>{{ amount | money }} {{ s | status }}</p>', {
      title: '<script>alert(1)</script>',
      amount: '3000',
      s: 'info_requested',
      lang: 'nl',
    });
    expect(html).toBe('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>€ 3.000,00 Meer informatie gevraagd</p>');
  });

  it('has a Dutch label for every request status', () => {
    const labels = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'withdrawn', 'cancelled', 'paid', 'evaluated'].map((s) => translate('nl', `status.${s}`));
    expect(labels).toEqual(['Concept', 'Ingediend', 'Meer informatie gevraagd', 'Goedgekeurd', 'Afgewezen', 'Ingetrokken', 'Geannuleerd', 'Betaald', 'Geëvalueerd']);
  });
});

describe('web request form', () => {
  it('leaves blank route lines out and points errors back at the line as shown', () => {
    const form = requestFormFromBody({
      amount: '3.000,00',
      urgent: 'true',
      conventionalRoute: [
        { costItemKey: '', quantity: '', percent: '' },
        { costItemKey: 'detention_day', quantity: '60', percent: '50' },
      ],
    });
    const { plain, routeIndex } = requestPlain(form);
    expect(plain).toMatchObject({ amount: '3000.00', urgent: true, conventionalRoute: [{ costItemKey: 'detention_day', quantity: '60', probability: '0.5' }] });
    expect(routeIndex).toEqual([1]);
    expect(remapRouteErrors({ 'conventionalRoute.0.probability': 'Regel 1: vul een kans in' }, routeIndex, 'nl')).toEqual({
      'conventionalRoute.1.percent': 'Regel 2: vul een kans in',
    });
  });
});

describe('web queue and navigation', () => {
  const req = (id: string, urgent: boolean, due: string | null, createdAt = '2026-11-20T10:00:00Z') =>
    ({ id, urgent, decisionDue: due, createdAt }) as RequestDto;

  it('puts overdue first, then urgent, then the earliest deadline', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const list = [
      req('normal-late-deadline', false, '2026-11-27T10:00:00Z'),
      req('urgent', true, '2026-11-23T09:00:00Z'),
      req('normal-soon', false, '2026-11-22T20:00:00Z'),
      req('overdue', false, '2026-11-21T10:00:00Z'),
    ];
    expect(list.sort(queueOrder(now)).map((r) => r.id)).toEqual(['overdue', 'urgent', 'normal-soon', 'normal-late-deadline']);
  });

  it('shows each role its own menu and marks the current section', () => {
    const user = (roles: AuthUser['roles']) => ({ id: 'u', roles }) as AuthUser;
    expect(navFor(user(['professional']), '/requests/new').map((i) => i.href)).toEqual(['/dashboard', '/cases/new', '/requests/retroactive', '/notifications']);
    expect(navFor(user(['budget_holder']), '/queue').find((i) => i.current)?.href).toBe('/queue');
    expect(navFor(user(['steering_group']), '/reports').map((i) => i.href)).toEqual(['/review', '/funds', '/reports', '/notifications']);
    expect(navFor(user(['admin']), '/admin/users/123').find((i) => i.current)?.href).toBe('/admin/users');
    expect(navFor(null, '/')).toEqual([]);
  });
});
