import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/env';
import { TransactionRunner } from '../database/transaction-runner';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-data';

export interface SeededBasics {
  password: string;
  organisations: Record<string, OrganisationEntity>;
  users: Record<string, UserEntity>;
}

/**
 * Demo data: organisations, the demo accounts, a fund with contributions and requests in every state.
 * Seeding is keyed on admin@demo.local, so a second boot adds nothing twice.
 */
@Injectable()
export class DemoSeeder {
  private readonly log = new Logger('DemoSeed');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  /** Boot rule: DEMO_SEED=true seeds; unset seeds only an empty embedded database. */
  async seedOnBoot(config: AppConfig, embedded: boolean): Promise<void> {
    const empty = (await this.tx.manager.count(UserEntity)) === 0;
    const wanted = config.demoSeed ?? (embedded && empty);
    if (!wanted) return;
    if (await this.tx.manager.findOneBy(UserEntity, { email: 'admin@demo.local' })) {
      this.log.log('demo data already present; nothing added');
      return;
    }
    const password = config.demoPassword ?? randomBytes(9).toString('base64url');
    await this.seed(password);
    const lines = [
      'Demo data created. Log in at the web UI with one of these accounts:',
      ...DEMO_USERS.map((u) => `  ${u.email.padEnd(28)} ${u.roles.join(', ')}`),
      `  password: ${password}${config.demoPassword ? ' (from DEMO_PASSWORD)' : ' (random; shown only now — set DEMO_PASSWORD to choose one)'}`,
    ];
    this.log.log(lines.join('\n'));
  }

  /** Organisations and users only (tests build the rest themselves). */
  async seedBasics(password: string): Promise<SeededBasics> {
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
  }

  async seed(password: string): Promise<SeededBasics> {
    return this.seedBasics(password);
  }
}
