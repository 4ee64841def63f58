import { Clock } from '../../src/common/clock';
import { NotificationsWorker } from '../../src/notifications/notifications.worker';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { TestSmtpServer } from './smtp';

const PUBLIC = 'https://doorbraak.gemeente.test';
const HOUR = 3_600_000;
/** words that only occur in the request's free text: they must never leave the system by mail */
const PRIVATE_TITLE = 'Jaarabonnement Vertrouwelijk';
const PRIVATE_JUSTIFICATION = 'meneer Jansen uit de Dorpsstraat';

/**
 * Notifications over real SMTP (smtp-server on loopback): who gets which mail, with which subject
 * and link; reminders and escalations with a controllable clock; the daily digest; retries; and
 * one mail only when two app instances share the work.
 */
describe('notifications by e-mail', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let worker: NotificationsWorker;
  let clock: Clock;
  let fundId: string;
  let caseCode: string;
  let caseId: string;
  let smtpUrl: string;

  const run = (schedule = false) => worker.runOnce({ schedule });
  const newRequest = (patch: Record<string, unknown> = {}) =>
    makeRequest(t, caseId, fundId, { title: PRIVATE_TITLE, justification: `Voor ${PRIVATE_JUSTIFICATION}.`, ...patch });

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Doorbraakbudget <fonds@gemeente.test>', PUBLIC_URL: PUBLIC, REMINDER_HOURS: '4', DIGEST_HOUR: '8' } });
    worker = t.app.get(NotificationsWorker);
    clock = t.app.get(Clock);
    fundId = await makeFund(t, { rules: { singleApproverLimit: '5000.00', personCapPerYear: '100000.00' }, budget: '50000.00' });
    const c = await makeCase(t);
    caseId = c.id;
    caseCode = c.code;
  });

  afterAll(async () => {
    await t?.close();
    await smtp.close();
  });

  beforeEach(() => smtp.clear());

  it('mails the fund’s budget holders at once when an urgent request is submitted, marked urgent, with a link and no personal data', async () => {
    const r = await newRequest({ urgent: true, amount: '3000.00' });
    await act(t, r.id, 'submit', U.pro);
    await run();
    expect(smtp.mails.map((m) => m.to).flat().sort()).toEqual([U.bh, U.bh2].sort());
    for (const m of smtp.mails) {
      expect(m.from).toBe('fonds@gemeente.test');
      expect(m.subject).toBe(`[SPOED] Nieuwe aanvraag voor casus ${caseCode} wacht op uw beslissing (€ 3.000,00)`);
      expect(m.text).toContain(`${PUBLIC}/approvals/${r.id}`);
      expect(m.html).toContain(`href="${PUBLIC}/approvals/${r.id}"`);
      for (const body of [m.subject, m.text, m.html]) {
        expect(body).not.toContain(PRIVATE_TITLE);
        expect(body).not.toContain(PRIVATE_JUSTIFICATION);
        expect(body).not.toContain('NS Reizigers');
      }
    }
    // the requester is not mailed about their own submission, and a second round sends nothing new
    await run();
    expect(smtp.mails).toHaveLength(2);
  });

  it('tells the requester of an approval, a rejection (without the reason) and a question, with a link to the request', async () => {
    const approved = await newRequest({ amount: '1200.00' });
    const rejected = await newRequest({ amount: '800.00' });
    const asked = await newRequest({ amount: '900.00' });
    for (const r of [approved, rejected, asked]) await act(t, r.id, 'submit', U.pro);
    await run();
    smtp.clear();
    await act(t, approved.id, 'approve', U.bh, { comment: 'akkoord' });
    await act(t, rejected.id, 'reject', U.bh, { reason: 'Vertrouwelijke reden over de bewoner' });
    await act(t, asked.id, 'request-info', U.bh2, { question: 'Is er al contact met de woningcorporatie?' });
    await run();
    const mails = smtp.to(U.pro);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `Uw aanvraag voor casus ${caseCode} is goedgekeurd (€ 1.200,00)`,
        `Uw aanvraag voor casus ${caseCode} is afgewezen`,
        `Vraag om informatie over uw aanvraag voor casus ${caseCode}`,
      ].sort(),
    );
    expect(mails.find((m) => m.subject.includes('goedgekeurd'))!.text).toContain(`${PUBLIC}/requests/${approved.id}`);
    const rejection = mails.find((m) => m.subject.includes('afgewezen'))!;
    expect(rejection.text).toContain(`${PUBLIC}/requests/${rejected.id}`);
    expect(rejection.text).not.toContain('Vertrouwelijke reden');
    expect(mails.find((m) => m.subject.includes('informatie'))!.text).not.toContain('woningcorporatie');
    // the deciders do not get mail about their own decisions
    expect(smtp.to(U.bh)).toEqual([]);
    expect(smtp.to(U.bh2)).toEqual([]);
  });

  it('asks the budget holder of the other organisation for the second approval once the first one is in', async () => {
    const r = await newRequest({ amount: '7500.00' });
    await act(t, r.id, 'submit', U.pro);
    await run();
    smtp.clear();
    await act(t, r.id, 'approve', U.bh, { comment: 'eerste akkoord' });
    await run();
    expect(smtp.to(U.bh2).map((m) => m.subject)).toEqual([`Tweede akkoord nodig voor casus ${caseCode} (€ 7.500,00)`]);
    expect(smtp.to(U.bh2)[0].text).toContain(`${PUBLIC}/approvals/${r.id}`);
    expect(smtp.to(U.pro).map((m) => m.subject)).toEqual([`Eerste akkoord op uw aanvraag voor casus ${caseCode}`]);
    expect(smtp.to(U.bh)).toEqual([]);
  });

  it('reminds the budget holders before an urgent deadline passes and escalates to them and the admin once it has passed, each once', async () => {
    const r = await newRequest({ urgent: true, amount: '400.00' });
    await act(t, r.id, 'submit', U.pro);
    await run();
    smtp.clear();
    await run(true);
    expect(smtp.mails).toEqual([]); // 24 hours left: nothing yet

    clock.advance(21 * HOUR); // 3 hours left, inside the 4-hour reminder window
    await run(true);
    await run(true);
    const reminders = smtp.mails.filter((m) => m.text.includes(r.id) && m.subject.includes('Herinnering'));
    expect(reminders.map((m) => m.to).flat().sort()).toEqual([U.bh, U.bh2].sort());
    expect(reminders[0].subject).toBe(`[SPOED] Herinnering: nog 3 uur om te beslissen over casus ${caseCode}`);
    expect(reminders[0].text).toContain(`${PUBLIC}/approvals/${r.id}`);

    smtp.clear();
    clock.advance(4 * HOUR); // one hour past the deadline
    await run(true);
    await run(true);
    const escalations = smtp.mails.filter((m) => m.subject.startsWith('[ESCALATIE]') && m.text.includes(r.id));
    expect(escalations.map((m) => m.to).flat().sort()).toEqual([U.admin, U.bh, U.bh2].sort());
    expect(escalations[0].subject).toBe(`[ESCALATIE] Beslistermijn verstreken voor casus ${caseCode} (€ 400,00)`);
    expect(escalations.find((m) => m.to.includes(U.admin))!.text).toContain(`${PUBLIC}/requests/${r.id}`);
    // decided now: the other overdue requests of earlier tests may escalate, this one never again
    await act(t, r.id, 'approve', U.bh);
    smtp.clear();
    clock.advance(HOUR);
    await run(true);
    expect(smtp.mails.filter((m) => m.text.includes(r.id)).map((m) => m.subject)).toEqual([`Uw aanvraag voor casus ${caseCode} is goedgekeurd (€ 400,00)`]);
  });

  it('bundles non-urgent requests in one daily digest for a user who chose it, but mails urgent ones at once', async () => {
    ok(await t.api('PUT', '/api/v1/me/notification-settings', { as: U.bh2, body: { mode: 'daily_digest' } }));
    expect(ok(await t.api('GET', '/api/v1/me/notification-settings', { as: U.bh2 })).body).toEqual({ mode: 'daily_digest' });
    // start from a quiet moment: everything older is handled (escalations of earlier tests included)
    await run(true);
    smtp.clear();
    const calm = await newRequest({ amount: '300.00' });
    const urgent = await newRequest({ amount: '350.00', urgent: true });
    await act(t, calm.id, 'submit', U.pro);
    await act(t, urgent.id, 'submit', U.pro);
    await run();
    expect(smtp.to(U.bh).map((m) => m.subject).sort()).toEqual(
      [`Nieuwe aanvraag voor casus ${caseCode} wacht op uw beslissing (€ 300,00)`, `[SPOED] Nieuwe aanvraag voor casus ${caseCode} wacht op uw beslissing (€ 350,00)`].sort(),
    );
    expect(smtp.to(U.bh2).map((m) => m.subject)).toEqual([`[SPOED] Nieuwe aanvraag voor casus ${caseCode} wacht op uw beslissing (€ 350,00)`]);

    // the next 08:00 in Amsterdam: one digest with the non-urgent request
    const now = clock.now();
    const next8 = new Date(now.getTime() + 25 * HOUR);
    clock.advance(next8.getTime() - now.getTime());
    await run(true);
    await run(true);
    const digests = smtp.to(U.bh2).filter((m) => m.subject.startsWith('Dagelijks overzicht'));
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain(`Nieuwe aanvraag voor casus ${caseCode} wacht op uw beslissing (€ 300,00)`);
    expect(digests[0].text).toContain(`${PUBLIC}/approvals/${calm.id}`);
    expect(digests[0].text).not.toContain(`${PUBLIC}/approvals/${urgent.id}`);
    expect(digests[0].html).toContain(`href="${PUBLIC}/notifications"`);
    ok(await t.api('PUT', '/api/v1/me/notification-settings', { as: U.bh2, body: { mode: 'immediate' } }));
  });

  it('refuses an unknown mail preference with a 400 naming the field', async () => {
    const res = await t.api('PUT', '/api/v1/me/notification-settings', { as: U.bh, body: { mode: 'weekly' } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/mode/);
  });

  it('retries a mail the server refused, with backoff, and delivers it once', async () => {
    smtp.refuseNext(1);
    const r = await newRequest({ urgent: true, amount: '610.00' });
    await act(t, r.id, 'submit', U.pro);
    await run();
    const about = (address: string) => smtp.to(address).filter((m) => m.text.includes(r.id));
    // one of the two was refused; the other got through
    expect(about(U.bh).length + about(U.bh2).length).toBe(1);
    await run();
    expect(about(U.bh).length + about(U.bh2).length).toBe(1); // not yet: backoff
    clock.advance(31_000);
    await run();
    expect(about(U.bh)).toHaveLength(1);
    expect(about(U.bh2)).toHaveLength(1);
  });

  it('sends each mail once when two app instances do the work at the same time', async () => {
    const other = await startTestApp({ db: t.db, env: { SMTP_URL: smtpUrl, PUBLIC_URL: PUBLIC } });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await newRequest({ urgent: true, amount: `${700 + i}.00` });
        await act(t, r.id, 'submit', U.pro);
        ids.push(r.id);
      }
      await Promise.all([run(), other.app.get(NotificationsWorker).runOnce(), run(), other.app.get(NotificationsWorker).runOnce()]);
      for (const id of ids) {
        expect(smtp.to(U.bh).filter((m) => m.text.includes(id))).toHaveLength(1);
        expect(smtp.to(U.bh2).filter((m) => m.text.includes(id))).toHaveLength(1);
      }
    } finally {
      await other.close();
    }
  });
});
