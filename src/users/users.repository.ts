import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../database/prepared-query';
import { TransactionRunner } from '../database/transaction-runner';
import { Role, UserEntity } from './user.entity';

/** A user as other features show them: name and organisation. */
export interface PersonRow {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

/** A user as authentication reads it (findAuthRow). */
export interface AuthRow {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  mandate: string | null;
  active: boolean;
  tokenVersion: number;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(UserEntity);
  }

  /**
   * One query with the organisation joined. (findOne with `relations` makes TypeORM run two: a
   * DISTINCT id query for its LIMIT 1, then the join — and every authenticated request looks its user up.)
   */
  findById(id: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').leftJoinAndSelect('u.organisation', 'o').where('u.id = :id', { id }).getOne();
  }

  /**
   * What authentication needs of a user, as one plain query: every authenticated request looks its
   * user up, and TypeORM's query builder and entity hydration cost more than the query itself.
   */
  async findAuthRow(id: string): Promise<AuthRow | null> {
    const rows = await preparedQuery<AuthRow>(
      this.tx.manager,
      `SELECT u.id, u.email, u.display_name AS "displayName", u.organisation_id AS "organisationId", COALESCE(o.name, '') AS "organisationName",
              u.roles, u.mandate::text AS mandate, u.active, u.token_version AS "tokenVersion"
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').leftJoinAndSelect('u.organisation', 'o').where('u.email = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  list(): Promise<UserEntity[]> {
    return this.repo.find({ relations: { organisation: true }, order: { email: 'ASC' } });
  }

  listByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('u.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Names and organisations of users, for display. */
  async people(ids: readonly string[]): Promise<Map<string, PersonRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.repo
      .createQueryBuilder('u')
      .leftJoin('u.organisation', 'o')
      .select(['u.id AS id', 'u.display_name AS name', 'u.organisation_id AS "organisationId"', 'o.name AS "organisationName"'])
      .where('u.id = ANY(:ids)', { ids: unique })
      .getRawMany<PersonRow>();
    return new Map(rows.map((r) => [r.id, r]));
  }

  findActive(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id, active: true });
  }

  /** Ids of the active administrators, their rows locked until the transaction ends. */
  async lockActiveAdminIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(`SELECT id FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo.save(user);
  }

  create(fields: Partial<UserEntity>): UserEntity {
    return this.repo.create(fields);
  }
}
