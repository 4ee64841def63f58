import { buildMessage, MessageFacts, renderDigest, renderMail } from './notification-messages';

const facts = (patch: Partial<MessageFacts> = {}): MessageFacts => ({
  kind: 'submitted',
  caseCode: 'ZO-2026-0007',
  fundName: 'Doorbraakfonds Zuidoost 2026',
  amount: '3000.00',
  urgent: true,
  decisionDue: new Date('2026-11-23T13:05:00Z'),
  ...patch,
});

describe('notification messages', () => {
  it('marks an urgent new request in the subject and gives the deadline in Dutch time', () => {
    expect(buildMessage(facts())).toEqual({
      subject: '[SPOED] Nieuwe aanvraag voor casus ZO-2026-0007 wacht op uw beslissing (€ 3.000,00)',
      body: 'Er is een spoedaanvraag ingediend voor casus ZO-2026-0007 (€ 3.000,00 uit Doorbraakfonds Zuidoost 2026). Beslis uiterlijk 23 nov. 2026 14:05.',
    });
  });

  it('leaves the urgency marker off for a normal request', () => {
    expect(buildMessage(facts({ urgent: false })).subject).toBe('Nieuwe aanvraag voor casus ZO-2026-0007 wacht op uw beslissing (€ 3.000,00)');
  });

  it('says how many hours are left in a reminder, and "less than an hour" at the end', () => {
    expect(buildMessage(facts({ kind: 'reminder', hoursLeft: 3 })).subject).toBe('[SPOED] Herinnering: nog 3 uur om te beslissen over casus ZO-2026-0007');
    expect(buildMessage(facts({ kind: 'reminder', hoursLeft: 0 })).subject).toBe('[SPOED] Herinnering: nog minder dan 1 uur om te beslissen over casus ZO-2026-0007');
  });

  it('has a subject and a body for every kind, none of them naming more than the case code', () => {
    for (const kind of ['submitted', 'within_mandate', 'retroactive', 'second_approval_needed', 'first_approval', 'approved', 'rejected', 'info_requested', 'cancelled', 'paid', 'withdrawn', 'reminder', 'escalation'] as const) {
      const m = buildMessage(facts({ kind, hoursLeft: 2 }));
      expect(m.subject).toContain('ZO-2026-0007');
      expect(m.body.length).toBeGreaterThan(20);
    }
  });

  it('renders plain text and escaped HTML with the link', () => {
    const mail = renderMail({ subject: 'S <b>', body: 'Tekst & meer' }, 'https://x.test/approvals/1?a=1&b=2');
    expect(mail.text).toContain('Bekijk de aanvraag: https://x.test/approvals/1?a=1&b=2');
    expect(mail.html).toContain('<a href="https://x.test/approvals/1?a=1&amp;b=2">Bekijk de aanvraag</a>');
    expect(mail.html).toContain('<title>S &lt;b&gt;</title>');
    expect(mail.html).toContain('Tekst &amp; meer');
  });

  it('counts the items of a digest in its subject, singular and plural', () => {
    const item = { subject: 'Nieuwe aanvraag', url: 'https://x.test/approvals/1', createdAt: new Date('2026-11-23T08:00:00Z') };
    expect(renderDigest([item], 'https://x.test/notifications').subject).toBe('Dagelijks overzicht Doorbraakbudget: 1 melding');
    const two = renderDigest([item, item], 'https://x.test/notifications');
    expect(two.subject).toBe('Dagelijks overzicht Doorbraakbudget: 2 meldingen');
    expect(two.text).toContain('- 23 nov. 2026 09:00: Nieuwe aanvraag\n  https://x.test/approvals/1');
  });
});
