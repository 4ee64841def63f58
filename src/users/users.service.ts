import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { OrganisationsService } from '../organisations/organisations.service';
import { Role, UserEntity } from './user.entity';
import { PersonRow, UsersRepository } from './users.repository';
import { assertAdminsRemain, isActiveAdmin } from './admin-guard';
import { UserIdentitiesRepository } from './user-identities.repository';
import { OidcError } from '../oidc/oidc.errors';

/** What an identity provider vouched for, after openid-client validated the ID token. */
export interface SsoIdentity {
  providerId: string;
  issuer: string;
  subject: string;
  /** lower-cased; null when the provider sent none */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** organisation (name or id) new users are provisioned into; null → no provisioning */
  organisationRef: string | null;
  /** roles a new user gets (already limited to the provider's allowedRoles) */
  roles: Role[];
}

/** A password hash no password matches: users made by single sign-on log in through their provider. */
const NO_PASSWORD = '!sso';

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
    tokenVersion: u.tokenVersion,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
    private readonly identities: UserIdentitiesRepository,
  ) {}

  /**
   * Single sign-on: the user linked to (issuer, subject), else the user with the verified e-mail
   * address (and the link is stored), else a new user in the provider's organisation without roles.
   * Deactivated users are refused like at the password login.
   */
  async ssoSignIn(id: SsoIdentity): Promise<AuthUser> {
    return this.tx.run(async () => {
      const link = await this.identities.findByIssuerSubject(id.issuer, id.subject);
      if (link) {
        const u = await this.get(link.userId);
        if (!u.active) throw new OidcError('DEACTIVATED', 'this account is deactivated');
        await this.identities.touch(link.id);
        return toAuthUser(u);
      }
      if (!id.email) throw new OidcError('NO_EMAIL', 'the identity provider sent no e-mail address for this account');
      if (!id.emailVerified) throw new OidcError('EMAIL_UNVERIFIED', `the identity provider has not verified the e-mail address ${id.email}`);
      let u = await this.users.findByEmail(id.email);
      if (u) {
        if (!u.active) throw new OidcError('DEACTIVATED', 'this account is deactivated');
        if (await this.identities.findByUserAndIssuer(u.id, id.issuer)) {
          throw new OidcError('LINKED_ELSEWHERE', `${id.email} is already linked to another account at this identity provider`);
        }
      } else {
        const org = id.organisationRef ? await this.organisations.findByRef(id.organisationRef) : null;
        if (!org) throw new OidcError('NO_ACCOUNT', `there is no account for ${id.email} and this identity provider does not create accounts`);
        u = await this.users.save(
          this.users.create({
            email: id.email,
            displayName: id.name?.trim().slice(0, 200) || id.email,
            passwordHash: NO_PASSWORD,
            organisationId: org.id,
            roles: [...new Set(id.roles)],
            mandate: null,
            active: true,
          }),
        );
      }
      await this.identities.link(u.id, id.issuer, id.subject, id.providerId);
      return toAuthUser(await this.get(u.id));
    });
  }

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
  async findActive(id: string, tokenVersion?: number): Promise<AuthUser | null> {
    const u = await this.users.findAuthRow(id);
    if (tokenVersion !== undefined && u?.tokenVersion !== tokenVersion) return null;
    if (!u || !u.active) return null;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      organisationId: u.organisationId,
      organisationName: u.organisationName,
      roles: u.roles,
      mandate: u.mandate === null ? null : new Dec(u.mandate),
      tokenVersion: u.tokenVersion,
    };
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

  /** An administrator corrects a user's name, e-mail address or organisation. */
  async updateProfile(id: string, input: { displayName: string; email: string; organisationId: string }): Promise<UserEntity> {
    return this.tx.run(async () => {
      const u = await this.get(id);
      const email = input.email.trim().toLowerCase();
      const other = await this.users.findByEmail(email);
      if (other && other.id !== id) throw DomainError.conflict('USER.EXISTS', `a user with email ${email} already exists`);
      await this.organisations.get(input.organisationId);
      // another organisation changes what the user may see: tokens and sessions issued before stop working
      if (u.organisationId !== input.organisationId) u.tokenVersion += 1;
      Object.assign(u, { displayName: input.displayName, email, organisationId: input.organisationId, organisation: undefined });
      await this.users.save(u);
      return this.get(id);
    });
  }

  /**
   * A temporary password for a user who lost theirs: random, returned once to be handed over, stored
   * only as its hash. The old password stops working at once.
   */
  async resetPassword(id: string): Promise<string> {
    const temporary = randomBytes(12).toString('base64url');
    const passwordHash = await argon2.hash(temporary, { type: argon2.argon2id });
    await this.tx.run(async () => {
      const u = await this.get(id);
      u.passwordHash = passwordHash;
      u.tokenVersion += 1; // the old password's tokens and sessions stop working too
      await this.users.save(u);
    });
    return temporary;
  }

  /** `actorId`: the administrator making the change (self-lockout is refused). */
  async update(id: string, input: UpdateUserInput, actorId?: string): Promise<UserEntity> {
    const passwordHash = input.password ? await argon2.hash(input.password, { type: argon2.argon2id }) : undefined;
    return this.tx.run(async () => {
      // lock the active admins first, so two admins demoting each other at once cannot both succeed
      const otherAdmins = (await this.users.lockActiveAdminIds()).filter((a) => a !== id).length;
      const u = await this.get(id);
      const wasActiveAdmin = isActiveAdmin(u);
      const before = { active: u.active, roles: [...u.roles].sort().join(','), organisationId: u.organisationId };
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
      assertAdminsRemain({ targetId: id, actorId, wasActiveAdmin, staysActiveAdmin: isActiveAdmin(u), otherActiveAdmins: otherAdmins });
      // credentials, rights or deactivation changed: every token and session issued before is dead
      if (passwordHash || u.active !== before.active || [...u.roles].sort().join(',') !== before.roles || u.organisationId !== before.organisationId) {
        u.tokenVersion += 1;
      }
      await this.users.save(u);
      return this.get(id);
    });
  }
}

/** argon2id hash of a random string nobody knows; used to equalise timing for unknown emails. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$enj+EWNSdta5Myy7zzD8pg$8OOAmkxbnN3+67EhcTpAijXm3iGFdvfiwd6PRWUpLWA';
