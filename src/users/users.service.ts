import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { OrganisationsService } from '../organisations/organisations.service';
import { Role, UserEntity } from './user.entity';
import { PersonRow, UsersRepository } from './users.repository';

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  organisationId: string;
  roles: Role[];
  mandate?: string | null;
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: Role[];
  mandate?: string | null;
  active?: boolean;
  password?: string;
  organisationId?: string;
}

export function toAuthUser(u: UserEntity): AuthUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    organisationId: u.organisationId,
    organisationName: u.organisation?.name ?? '',
    roles: u.roles,
    mandate: u.mandate,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.users.list();
  }

  async get(id: string): Promise<UserEntity> {
    const u = await this.users.findById(id);
    if (!u) throw DomainError.notFound('user', id);
    return u;
  }

  /** Names and organisations of users, for other features' views. */
  people(ids: readonly string[]): Promise<Map<string, PersonRow>> {
    return this.users.people(ids);
  }

  /** The active users among `ids`. */
  async activeByIds(ids: string[]): Promise<UserEntity[]> {
    return (await this.users.listByIds(ids)).filter((u) => u.active);
  }

  /** An active user with the professional role, or null (case members must be one). */
  async activeProfessional(id: string): Promise<UserEntity | null> {
    const u = await this.users.findActive(id);
    return u && u.roles.includes('professional') ? u : null;
  }

  /** The active user behind a session or token, or null (deactivated users are logged out at once). */
  async findActive(id: string): Promise<AuthUser | null> {
    const u = await this.users.findById(id);
    return u && u.active ? toAuthUser(u) : null;
  }

  /** Check a password; null when the email is unknown, the user inactive or the password wrong. */
  async authenticate(email: string, password: string): Promise<AuthUser | null> {
    const u = await this.users.findByEmail(email);
    // verify against a dummy hash for unknown users too, so timing does not reveal which emails exist
    const hash = u?.passwordHash ?? DUMMY_HASH;
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!u || !ok || !u.active) return null;
    return toAuthUser(u);
  }

  async create(input: CreateUserInput): Promise<UserEntity> {
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return this.tx.run(async () => {
      await this.organisations.get(input.organisationId);
      const email = input.email.trim().toLowerCase();
      if (await this.users.findByEmail(email)) throw DomainError.conflict('USER.EXISTS', `a user with email ${email} already exists`);
      const saved = await this.users.save(
        this.users.create({
          email,
          displayName: input.displayName,
          passwordHash,
          organisationId: input.organisationId,
          roles: [...new Set(input.roles)],
          mandate: input.mandate == null ? null : new Dec(input.mandate),
          active: true,
        }),
      );
      return this.get(saved.id);
    });
  }

  async update(id: string, input: UpdateUserInput): Promise<UserEntity> {
    const passwordHash = input.password ? await argon2.hash(input.password, { type: argon2.argon2id }) : undefined;
    return this.tx.run(async () => {
      const u = await this.get(id);
      if (input.organisationId) {
        await this.organisations.get(input.organisationId);
        u.organisationId = input.organisationId;
        u.organisation = undefined;
      }
      if (input.displayName !== undefined) u.displayName = input.displayName;
      if (input.roles !== undefined) u.roles = [...new Set(input.roles)];
      if (input.mandate !== undefined) u.mandate = input.mandate === null ? null : new Dec(input.mandate);
      if (input.active !== undefined) u.active = input.active;
      if (passwordHash) u.passwordHash = passwordHash;
      await this.users.save(u);
      return this.get(id);
    });
  }
}

/** argon2id hash of a random string nobody knows; used to equalise timing for unknown emails. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$enj+EWNSdta5Myy7zzD8pg$8OOAmkxbnN3+67EhcTpAijXm3iGFdvfiwd6PRWUpLWA';
