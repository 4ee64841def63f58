import { DataSource } from 'typeorm';
import { AnonymiseSteeringNotifications1796400000001 } from '../../migrations/1796400000001-AnonymiseSteeringNotifications';
import { NotificationsWorker } from '../../src/notifications/notifications.worker';
import { WebSession } from '../reliability/support/web';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { userId } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { TestSmtpServer } from './smtp';

/**
 * Issue 14.9: the steering group sees no case codes anywhere. When a fund has no budget holder of
 * a second organisation, the steering group is asked for the second approval: its inbox, its
 * mail and the notification API name no case code, while the budget holders' do.
 */
describe('steering group notifications carry no case codes (e2e)', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let caseCode: string;
  let requestId: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Doorbraakbudget <fonds@gemeente.test>', PUBLIC_URL: 'https://doorbraak.gemeente.test' } });
    const fundId = await makeFund(t, { holders: [U.bh], rules: { singleApproverLimit: '1000.00', personCapPerYear: '100000.00' } });
    const c = await makeCase(t);
    caseCode = c.code;
    const r = await makeRequest(t, c.id, fundId, { amount: '4000.00' });
    requestId = r.id;
    await act(t, r.id, 'submit', U.pro);
    await t.app.get(NotificationsWorker).runOnce({ schedule: false });
    smtp.clear();
    await act(t, r.id, 'approve', U.bh, { comment: 'eerste akkoord' });
    await t.app.get(NotificationsWorker).runOnce({ schedule: false });
  });

  afterAll(async () => {
    await t?.close();
    await smtp.close();
  });

  it('asks the steering group for the second approval without naming the case code', async () => {
    const mails = smtp.to(U.sg);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Tweede akkoord nodig');
    expect(mails[0].subject).toContain('geanonimiseerd');
    for (const m of mails) expect(JSON.stringify(m)).not.toContain(caseCode);
    // the requester still reads the code in its own mail
    expect(smtp.to(U.pro).some((m) => m.subject.includes(caseCode))).toBe(true);
  });

  it('shows no case code in the notification API and the web inbox of the steering group', async () => {
    const api = ok(await t.api('GET', '/api/v1/notifications', { as: U.sg })).body;
    expect(api.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(api)).not.toContain(caseCode);
    const web = new WebSession();
    await web.login(t.baseUrl, U.sg, TEST_PASSWORD);
    const inbox = await web.get(`${t.baseUrl}/notifications`);
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain('geanonimiseerd');
    expect(inbox.html).not.toContain(caseCode);
    const approval = await web.get(`${t.baseUrl}/approvals/${requestId}`);
    expect(approval.html).not.toContain(caseCode);
  });

  it('scrubs case codes from steering-group notifications written before the fix (data migration)', async () => {
    const ds = t.app.get(DataSource);
    const sg = await userId(t, U.sg);
    await ds.query(
      `INSERT INTO notifications (user_id, request_id, kind, subject, body, link, dedupe_key, created_at)
       VALUES ($1, $2, 'second_approval_needed', $3, $4, '/approvals/x', 'old-' || gen_random_uuid(), now())`,
      [sg, requestId, `Tweede akkoord nodig voor casus ${caseCode} (€ 1,00)`, `Een budgethouder heeft de aanvraag voor casus ${caseCode} goedgekeurd.`],
    );
    const runner = ds.createQueryRunner();
    try {
      await new AnonymiseSteeringNotifications1796400000001().up(runner);
    } finally {
      await runner.release();
    }
    const rows: { subject: string; body: string }[] = await ds.query('SELECT subject, body FROM notifications WHERE user_id = $1', [sg]);
    expect(JSON.stringify(rows)).not.toContain(caseCode);
    const others: { subject: string }[] = await ds.query('SELECT subject FROM notifications WHERE user_id <> $1', [sg]);
    expect(others.some((r) => r.subject.includes(caseCode))).toBe(true);
  });
});
