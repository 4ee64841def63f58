import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';

export { ok, U };

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** the body parsed as JSON when it is a problem */
  problem: any;
}

/** GET a binary download (PDF, CSV) as a user. */
export async function download(t: TestApp, path: string, as: string): Promise<Download> {
  const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${await t.tokenFor(as)}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  let problem: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) problem = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, headers: res.headers, bytes, problem };
}

/** A scratch folder for PDFs and the poppler/qpdf tools that read them. */
export class PdfTools {
  readonly dir = mkdtempSync(join(tmpdir(), 'dbb-report-test-'));
  private n = 0;

  save(bytes: Buffer): string {
    const file = join(this.dir, `r${++this.n}.pdf`);
    writeFileSync(file, bytes);
    return file;
  }

  /** `pdftotext -layout`, with runs of spaces folded to one so figures can be searched for. */
  text(file: string): string {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \u00a0]+/g, ' ');
  }

  pages(file: string): number {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  }

  /** `qpdf --check`; throws (non-zero exit) when the file is broken. */
  check(file: string): string {
    return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  }

  /** KEEP_REPORT_PDFS=1 keeps the files to look at (the folder is printed). */
  cleanup(): void {
    if (process.env.KEEP_REPORT_PDFS) {
      process.stdout.write(`report PDFs kept in ${this.dir}\n`);
      return;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Scenario {
  fundId: string;
  fundName: string;
  otherFundId: string;
  caseCode: string;
  /** the canonical case: an annual rail pass of 3000.00, paid, with follow-up */
  railPassId: string;
  approvedId: string;
  rejectedId: string;
  pendingId: string;
  withdrawnId: string;
  draftId: string;
  retroactiveId: string;
}

/**
 * A fund with contributions from three partners and requests in several states, built through the
 * real API: paid (the rail pass: 3000.00 against 365 detention days × 0.5 and 6 case meetings),
 * approved (committed), rejected, submitted (urgent, pending), withdrawn, a draft and a retroactive
 * expense within the requester's mandate. A second fund with a request of its own stays out of the
 * first fund's report.
 */
export async function buildScenario(t: TestApp): Promise<Scenario> {
  const users = t.seeded.users;
  const orgs = t.seeded.organisations;
  const rules = { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '25000.00', urgentDecisionHours: 24 };
  const makeFund = async (name: string) =>
    ok(
      await t.api('POST', '/api/v1/funds', {
        as: U.admin,
        body: { name, periodStart: '2026-01-01', periodEnd: '2026-12-31', rules, holderIds: [users[U.bh].id] },
      }),
      201,
    ).body as { id: string; name: string };
  const fund = await makeFund('Doorbraakfonds Zuidoost rapportagetest 2026');
  const other = await makeFund('Ander fonds 2026');
  const contribute = async (fundId: string, org: string, amount: string) =>
    ok(await t.api('POST', `/api/v1/funds/${fundId}/contributions`, { as: U.admin, body: { organisationId: orgs[org].id, amount, note: 'bijdrage 2026' } }), 201);
  await contribute(fund.id, 'gemeente', '25000.00');
  await contribute(fund.id, 'ggz', '10000.00');
  await contribute(fund.id, 'politie', '5000.00');
  await contribute(other.id, 'gemeente', '9999.00');

  const theCase = ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: 'Zuidoost', lifeDomains: ['safety', 'housing'] } }), 201).body;
  const create = async (patch: Record<string, unknown>, fundId = fund.id): Promise<string> =>
    ok(
      await t.api('POST', '/api/v1/requests', {
        as: U.pro,
        body: {
          caseId: theCase.id,
          fundId,
          title: 'Aanvraag',
          justification: 'Zonder deze uitgave volgt de reguliere route.',
          amount: '500.00',
          payee: 'Leverancier B.V.',
          lifeDomain: 'housing',
          urgent: false,
          barriers: ['funding_split'],
          existingProvisions: [{ provision: 'Wmo-vervoer', reason: 'not_eligible', note: 'alleen regionaal' }],
          residentWish: 'Gewoon kunnen reizen.',
          conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '2', probability: '0.5' }],
          ...patch,
        },
      }),
      201,
    ).body.id;
  const act = async (id: string, action: string, as: string, body: unknown = {}) => ok(await t.api('POST', `/api/v1/requests/${id}/${action}`, { as, body }));

  const railPassId = await create({
    title: 'Jaarabonnement NS voor meneer die zonder kaartje reist',
    justification: 'Meneer reist voor "vergaderingen" het land door zonder kaartje; boete na boete eindigt in detentie.',
    amount: '3000.00',
    payee: 'NS Reizigers B.V.',
    lifeDomain: 'safety',
    barriers: ['rules_protocol', 'funding_split'],
    conventionalRoute: [
      { costItemKey: 'detention_day', quantity: '365', probability: '0.5', note: 'een jaar detentie na opgestapelde boetes' },
      { costItemKey: 'case_meeting', quantity: '6', probability: '1' },
    ],
  });
  await act(railPassId, 'submit', U.pro);
  await act(railPassId, 'approve', U.bh, { comment: 'Goedkoper en menselijker dan detentie.' });
  await act(railPassId, 'pay', U.admin, { reference: 'NS-2026-0042' });
  ok(
    await t.api('POST', `/api/v1/requests/${railPassId}/outcome`, {
      as: U.pro,
      body: { months: 6, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'no' }, { costItemKey: 'case_meeting', happened: 'partly', fraction: '0.5' }] },
    }),
    201,
  );

  const approvedId = await create({ title: 'Woonunit voor zes maanden', amount: '1200.00' });
  await act(approvedId, 'submit', U.pro);
  await act(approvedId, 'approve', U.bh);

  const rejectedId = await create({ title: 'Opslag van de inboedel', amount: '800.00' });
  await act(rejectedId, 'submit', U.pro);
  await act(rejectedId, 'reject', U.bh, { reason: 'Past niet bij het doel van het fonds.' });

  const pendingId = await create({ title: 'Taxi naar de GGZ-intake', amount: '400.00', urgent: true, lifeDomain: 'care_support' });
  await act(pendingId, 'submit', U.pro);

  const withdrawnId = await create({ title: 'Cursus budgetteren', amount: '300.00', lifeDomain: 'income_debts' });
  await act(withdrawnId, 'submit', U.pro);
  await act(withdrawnId, 'withdraw', U.pro, { reason: 'Vrijwilliger neemt het op zich.' });

  const draftId = await create({ title: 'Nog een concept', amount: '700.00' });

  const retroactiveId = ok(
    await t.api('POST', '/api/v1/requests/retroactive', {
      as: U.pro,
      body: {
        caseId: theCase.id,
        fundId: fund.id,
        title: 'Boodschappen na ontslag uit de kliniek',
        justification: 'Direct nodig; achteraf verantwoord.',
        amount: '150.00',
        payee: 'Supermarkt',
        lifeDomain: 'care_support',
        urgent: false,
        barriers: [],
        conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '1', probability: '0.3' }],
        reference: 'BON-0001',
      },
    }),
    201,
  ).body.id;

  const otherRequest = await create({ title: 'Verzoek in het andere fonds', amount: '250.01' }, other.id);
  await act(otherRequest, 'submit', U.pro);

  return {
    fundId: fund.id,
    fundName: fund.name,
    otherFundId: other.id,
    caseCode: theCase.code,
    railPassId,
    approvedId,
    rejectedId,
    pendingId,
    withdrawnId,
    draftId,
    retroactiveId,
  };
}
