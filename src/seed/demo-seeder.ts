import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/env';
import { TransactionRunner } from '../database/transaction-runner';
import { FundsService } from '../funds/funds.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { PayeesService } from '../payments/payees.service';
import { RequestDecisionsService } from '../requests/request-decisions.service';
import { RequestDraftsService } from '../requests/request-drafts.service';
import { RequestOutcomesService } from '../requests/request-outcomes.service';
import { RequestPaymentsService } from '../requests/request-payments.service';
import type { CreateRequestDto } from '../requests/request.dto';
import { UserEntity } from '../users/user.entity';
import { toAuthUser, UsersService } from '../users/users.service';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-data';
import { DEMO_CASES, DEMO_REQUESTS, DemoAction, DemoRequest } from './demo-scenarios';

export interface SeededBasics {
  password: string;
  organisations: Record<string, OrganisationEntity>;
  users: Record<string, UserEntity>;
}

/** What the boot tells about the demo accounts. */
export interface DemoBoot {
  /** seeded at this start (false: from an earlier start) */
  created: boolean;
  /** null when it was random and is no longer known */
  password: string | null;
  fromEnv: boolean;
}

export const DEMO_FUND_NAME = (year: number) => `Doorbraakfonds Zuidoost ${year}`;

/**
 * Demo data: organisations, the demo accounts, a fund with contributions from three partners and
 * requests in every state, written on a believable timeline through the real services (so the
 * ledger, hash chain and audit trail are exactly what real use produces). Keyed on
 * admin@demo.local, so a second boot adds nothing twice; all in one transaction, so a crash
 * half-way leaves nothing.
 */
@Injectable()
export class DemoSeeder {
  private readonly log = new Logger('DemoSeed');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly funds: FundsService,
    private readonly cases: CasesService,
    private readonly drafts: RequestDraftsService,
    private readonly decisions: RequestDecisionsService,
    private readonly payments: RequestPaymentsService,
    private readonly outcomes: RequestOutcomesService,
    private readonly payees: PayeesService,
  ) {}

  /**
   * Boot rule: DEMO_SEED=true seeds; unset seeds only an empty embedded database. Returns what the
   * ready message should tell about the demo (null: no demo data here), including the password: a
   * random one is kept in DATA_DIR/demo-password so that every start can repeat it.
   */
  async seedOnBoot(config: AppConfig, embedded: boolean): Promise<DemoBoot | null> {
    const passwordFile = join(config.dataDir, 'demo-password');
    const present = !!(await this.tx.manager.findOneBy(UserEntity, { email: 'admin@demo.local' }));
    const empty = present ? false : (await this.tx.manager.count(UserEntity)) === 0;
    const wanted = config.demoSeed ?? (embedded && empty);
    if (present) {
      if (!wanted && !embedded) return null;
      const kept = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : null;
      return { created: false, password: config.demoPassword ?? kept, fromEnv: config.demoPassword !== null };
    }
    if (!wanted) return null;
    const password = config.demoPassword ?? randomBytes(9).toString('base64url');
    const started = Date.now();
    await this.seed(password);
    if (!config.demoPassword) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
    }
    this.log.log(`demo data created in ${Date.now() - started} ms`);
    return { created: true, password, fromEnv: config.demoPassword !== null };
  }

  /** Organisations and users only (tests build the rest themselves). */
  async seedBasics(password: string): Promise<SeededBasics> {
    return this.tx.run(async () => {
      const organisations: Record<string, OrganisationEntity> = {};
      for (const o of DEMO_ORGANISATIONS) organisations[o.key] = await this.organisations.create(o.name, o.kind);
      const users: Record<string, UserEntity> = {};
      for (const u of DEMO_USERS) {
        users[u.email] = await this.users.create({
          email: u.email,
          displayName: u.displayName,
          password,
          organisationId: organisations[u.org].id,
          roles: u.roles,
        });
      }
      return { password, organisations, users };
    });
  }

  /** Everything: basics, the fund of this year with contributions, cases and requests in every state. */
  async seed(password: string): Promise<SeededBasics> {
    const realNow = this.clock.now();
    const year = realNow.getUTCFullYear();
    try {
      return await this.tx.run(async () => {
        const basics = await this.seedBasics(password);
        const as = (email: string): AuthUser => toAuthUser(basics.users[email]);
        this.clock.set(new Date(Date.UTC(year, 0, 2, 9)));
        const { fund } = await this.funds.create(
          {
            name: DEMO_FUND_NAME(year),
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`,
            rules: { requesterMandate: '250.00', singleApproverLimit: '5000.00', personCapPerYear: '12000.00', urgentDecisionHours: 24, decisionWorkingDays: 5 },
            holderIds: [basics.users['budgethouder@demo.local'].id, basics.users['budgethouder2@demo.local'].id],
          },
          basics.users['admin@demo.local'].id,
        );
        const adminId = basics.users['admin@demo.local'].id;
        await this.funds.contribute(fund.id, { organisationId: basics.organisations.gemeente.id, amount: '60000.00', note: 'Bijdrage gemeente (Wmo-middelen)', effectiveDate: `${year}-01-02` }, adminId);
        await this.funds.contribute(fund.id, { organisationId: basics.organisations.zorgverzekeraar.id, amount: '15000.00', note: 'Bijdrage zorgverzekeraar (Zvw, vermeden crisisopnames)', effectiveDate: `${year}-01-02` }, adminId);
        await this.funds.contribute(fund.id, { organisationId: basics.organisations.ggz.id, amount: '10000.00', note: 'Bijdrage GGZ-instelling (zorgaanbieder)', effectiveDate: `${year}-01-02` }, adminId);
        const caseIds: Record<string, string> = {};
        for (const c of DEMO_CASES) {
          caseIds[c.key] = (await this.cases.create(as(c.lead), { neighbourhood: c.neighbourhood, lifeDomains: c.lifeDomains })).id;
        }
        const shift = storyShiftMs(year, realNow);
        for (const r of DEMO_REQUESTS) await this.play(r, fund.id, caseIds[r.caseKey], as, realNow, shift);
        return basics;
      });
    } finally {
      this.clock.set(null);
    }
  }

  private async play(r: DemoRequest, fundId: string, caseId: string, as: (email: string) => AuthUser, realNow: Date, shift: number): Promise<void> {
    const year = realNow.getUTCFullYear();
    const requester = as(r.requester);
    const dto: CreateRequestDto = {
      caseId,
      fundId,
      title: r.title,
      justification: r.justification,
      amount: r.amount,
      payee: r.payee,
      lifeDomain: r.lifeDomain,
      urgent: r.urgent,
      barriers: r.barriers,
      existingProvisions: r.existingProvisions,
      residentWish: r.residentWish,
      conventionalRoute: r.route.map((l) => ({ costItemKey: l.costItemKey, quantity: l.quantity, probability: l.probability, note: l.note ?? null })),
    };
    let id = '';
    let last = 0;
    for (const [i, [month, day, hour, action]] of r.steps.entries()) {
      // never in the future: a step planned after today happens a few minutes before now, in order
      const planned = Date.UTC(year, month - 1, day, hour - 1) + shift;
      const latest = realNow.getTime() - (r.steps.length - i) * 5 * 60_000;
      const at = Math.max(Math.min(planned, latest), last + 60_000);
      last = at;
      this.clock.set(new Date(at));
      if (action.do === 'create') {
        id = r.retroactive
          ? (await this.payments.registerRetroactive(requester, { ...dto, reference: r.retroactive.reference })).id
          : (await this.drafts.create(requester, dto)).id;
        // where the money goes, as the requester records it with the request (a SEPA batch needs it)
        if (r.payeeIban && !r.retroactive) await this.payees.set(requester, id, { name: r.payee, iban: r.payeeIban });
      } else {
        await this.act(id, action, requester, as);
      }
    }
  }

  private async act(id: string, a: DemoAction, requester: AuthUser, as: (email: string) => AuthUser): Promise<unknown> {
    switch (a.do) {
      case 'create':
        return;
      case 'submit':
        return this.decisions.submit(requester, id);
      case 'approve':
        return this.decisions.approve(as(a.by), id, a.comment ?? '');
      case 'reject':
        return this.decisions.reject(as(a.by), id, a.reason);
      case 'requestInfo':
        return this.decisions.requestInfo(as(a.by), id, a.question);
      case 'withdraw':
        return this.decisions.withdraw(requester, id, a.reason);
      case 'cancel':
        return this.decisions.cancel(as(a.by), id, a.reason);
      case 'pay':
        return this.payments.pay(as('admin@demo.local'), id, { reference: a.reference });
      case 'outcome':
        return this.outcomes.record(requester, id, {
          months: a.months,
          goalReached: a.goalReached,
          lines: Object.entries(a.happened).map(([costItemKey, [happened, fraction]]) => ({ costItemKey, happened, ...(fraction ? { fraction } : {}) })),
          note: a.note,
        });
    }
  }
}

/**
 * How far to move the demo story forward so that it ends a few hours before the seed runs: seeded
 * late in the year, the open requests would otherwise be weeks past their deadlines the moment the
 * demo starts. Early in the year the story is not moved; steps after today are squeezed into the
 * last minutes instead (see `play`).
 */
function storyShiftMs(year: number, now: Date): number {
  const last = Math.max(...DEMO_REQUESTS.flatMap((r) => r.steps.map(([month, day, hour]) => Date.UTC(year, month - 1, day, hour - 1))));
  return Math.max(0, now.getTime() - 3 * 3_600_000 - last);
}
