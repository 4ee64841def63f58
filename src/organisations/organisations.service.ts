import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { OrganisationEntity, OrganisationKind } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(OrganisationEntity);
  }

  list(): Promise<OrganisationEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  /** Names by id, for display. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.repo.find({ select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  async get(id: string): Promise<OrganisationEntity> {
    const org = await this.repo.findOneBy({ id });
    if (!org) throw DomainError.notFound('organisation', id);
    return org;
  }

  /** An organisation by id or by exact name (how OIDC_PROVIDERS names the one new users join); null when absent. */
  async findByRef(ref: string): Promise<OrganisationEntity | null> {
    const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref) ? await this.repo.findOneBy({ id: ref }) : null;
    return byId ?? (await this.repo.findOneBy({ name: ref }));
  }

  async create(name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    return this.tx.run(async () => {
      if (await this.repo.findOneBy({ name })) throw DomainError.conflict('ORGANISATION.EXISTS', `organisation "${name}" already exists`);
      return this.repo.save(this.repo.create({ name, kind }));
    });
  }
}
