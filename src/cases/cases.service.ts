import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { calendarYear } from '../common/dutch-time';
import { AccessService } from '../access/access.service';
import { makeCaseCode } from './case-code';
import { CaseErrors } from './case.errors';
import { CaseDetailDto, CaseDto, CaseListQueryDto, CasePageDto, CreateCaseDto } from './case.dto';
import { CaseEntity } from './case.entity';
import { mapCase, mapCaseDetail } from './case.mapper';
import { CaseRequestsReader } from './case-requests.reader';
import { CasesRepository } from './cases.repository';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/cursor';

const CODE_ATTEMPTS = 25;

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as QueryFailedError & { driverError?: { code?: string; constraint?: string } };
  return e instanceof QueryFailedError && err.driverError?.code === '23505' && (err.driverError.constraint ?? constraint) === constraint;
}

/** Cases: the person the money follows, known only by a pseudonymous code. */
@Injectable()
export class CasesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
    private readonly requests: CaseRequestsReader,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async create(user: AuthUser, dto: CreateCaseDto): Promise<CaseDetailDto> {
    // Random codes can collide with a concurrent insert; the unique index decides and we try again.
    for (let attempt = 0; ; attempt++) {
      try {
        const id = await this.tx.run(() => this.insert(user, dto));
        return this.get(user, id);
      } catch (e) {
        if (!dto.code && attempt < 3 && !this.tx.inTransaction && isUniqueViolation(e, 'uq_cases_code')) continue;
        if (isUniqueViolation(e, 'uq_cases_code')) {
          throw CaseErrors.codeTaken(dto.code);
        }
        throw e;
      }
    }
  }

  private async insert(user: AuthUser, dto: CreateCaseDto): Promise<string> {
    const now = this.clock.now();
    let code = dto.code;
    if (code) {
      if (await this.cases.codeExists(code)) throw CaseErrors.codeTaken(code);
    } else {
      for (let i = 0; i < CODE_ATTEMPTS && !code; i++) {
        const candidate = makeCaseCode(dto.neighbourhood, calendarYear(now));
        if (!(await this.cases.codeExists(candidate))) code = candidate;
      }
      if (!code) throw CaseErrors.codeExhausted();
    }
    const memberIds = (dto.memberIds ?? []).filter((id) => id !== user.id);
    for (const [i, memberId] of memberIds.entries()) {
      const member = await this.users.activeProfessional(memberId);
      if (!member) throw CaseErrors.notAProfessional(`memberIds.${i}`, memberId);
    }
    const saved = await this.cases.save(
      this.cases.create({
        code,
        neighbourhood: dto.neighbourhood,
        lifeDomains: dto.lifeDomains,
        leadProfessionalId: user.id,
        organisationId: user.organisationId,
        status: 'open',
        createdAt: now,
        closedAt: null,
      }),
    );
    for (const memberId of memberIds) await this.cases.addMember(saved.id, memberId);
    return saved.id;
  }

  async list(user: AuthUser, query: CaseListQueryDto): Promise<CasePageDto> {
    const scope = this.access.requireCaseLists(user);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = await this.cases.page(scope, {
      status: query.status,
      limit: limit + 1,
      after: after ? { createdAt: after[0] ?? '', id: after[1] ?? '' } : undefined,
    });
    const items = rows.slice(0, limit);
    const ctx = await this.context(items);
    const last = items[items.length - 1];
    return {
      items: items.map((c) => mapCase(c, ctx)),
      next: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async get(user: AuthUser, id: string): Promise<CaseDetailDto> {
    const c = await this.visible(user, id);
    const ctx = await this.context([c]);
    return mapCaseDetail(c, ctx, await this.requests.totalsByFund(c.id), await this.requests.requestsOfCase(c.id));
  }

  async close(user: AuthUser, id: string): Promise<CaseDetailDto> {
    await this.tx.run(async () => {
      await this.access.requireCase(user, id, 'manage', 'close');
      const c = await this.cases.lockById(id);
      if (!c) throw DomainError.notFound('case', id);
      if (c.status === 'closed') throw CaseErrors.closed(c.code, 'close');
      c.status = 'closed';
      c.closedAt = this.clock.now();
      await this.cases.save(c);
    });
    return this.get(user, id);
  }

  async addMember(user: AuthUser, id: string, userId: string): Promise<CaseDetailDto> {
    await this.tx.run(async () => {
      const c = await this.visible(user, id, 'manage', 'add members to');
      const member = await this.users.activeProfessional(userId);
      if (!member) throw CaseErrors.notAProfessional('userId', userId);
      if (member.id !== c.leadProfessionalId) await this.cases.addMember(c.id, member.id);
    });
    return this.get(user, id);
  }

  private async visible(user: AuthUser, id: string, purpose: 'read' | 'manage' = 'read', verb?: string): Promise<CaseEntity> {
    await this.access.requireCase(user, id, purpose, verb);
    const c = await this.cases.findById(id);
    if (!c) throw DomainError.notFound('case', id);
    return c;
  }

  private async context(cases: CaseEntity[]) {
    const ids = cases.map((c) => c.id);
    const members = await this.cases.memberIds(ids);
    const personIds = [...cases.map((c) => c.leadProfessionalId), ...[...members.values()].flat()];
    const people = await this.users.people(personIds);
    const organisations = await this.organisations.names(cases.map((c) => c.organisationId));
    const totals = await this.requests.totalsByCase(ids);
    return { people, organisations, members, totals };
  }
}
