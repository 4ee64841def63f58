import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { calendarYear } from '../common/dutch-time';
import { AccessScope, scopeOf } from '../access/visibility';
import { makeCaseCode } from './case-code';
import { CaseDetailDto, CaseDto, CaseListQueryDto, CasePageDto, CreateCaseDto } from './case.dto';
import { CaseEntity } from './case.entity';
import { mapCase, mapCaseDetail } from './case.mapper';
import { CasesRepository } from './cases.repository';
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
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
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
          throw DomainError.conflict('CASE.CODE_TAKEN', dto.code ? `case code ${dto.code} is already in use` : 'could not allocate a free case code; try again');
        }
        throw e;
      }
    }
  }

  private async insert(user: AuthUser, dto: CreateCaseDto): Promise<string> {
    const now = this.clock.now();
    let code = dto.code;
    if (code) {
      if (await this.cases.codeExists(code)) throw DomainError.conflict('CASE.CODE_TAKEN', `case code ${code} is already in use`);
    } else {
      for (let i = 0; i < CODE_ATTEMPTS && !code; i++) {
        const candidate = makeCaseCode(dto.neighbourhood, calendarYear(now));
        if (!(await this.cases.codeExists(candidate))) code = candidate;
      }
      if (!code) throw DomainError.conflict('CASE.CODE_EXHAUSTED', 'no free case code found for this neighbourhood and year; pass a code');
    }
    const memberIds = (dto.memberIds ?? []).filter((id) => id !== user.id);
    for (const [i, memberId] of memberIds.entries()) {
      const member = await this.cases.activeUser(memberId);
      if (!member || !member.roles.includes('professional')) {
        throw DomainError.invalidField(`memberIds.${i}`, `user ${memberId} is not an active professional`);
      }
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
    const scope = this.scope(user);
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
    return mapCaseDetail(c, ctx, await this.cases.totalsByFund(c.id), await this.cases.requestsOfCase(c.id));
  }

  async close(user: AuthUser, id: string): Promise<CaseDetailDto> {
    await this.tx.run(async () => {
      await this.visible(user, id);
      const c = await this.cases.lockById(id);
      if (!c) throw DomainError.notFound('case', id);
      this.assertLeadOrAdmin(user, c, 'close');
      if (c.status === 'closed') throw DomainError.conflict('CASE.CLOSED', `case ${c.code} is already closed`);
      c.status = 'closed';
      c.closedAt = this.clock.now();
      await this.cases.save(c);
    });
    return this.get(user, id);
  }

  async addMember(user: AuthUser, id: string, userId: string): Promise<CaseDetailDto> {
    await this.tx.run(async () => {
      const c = await this.visible(user, id);
      this.assertLeadOrAdmin(user, c, 'add members to');
      const member = await this.cases.activeUser(userId);
      if (!member || !member.roles.includes('professional')) throw DomainError.invalidField('userId', `user ${userId} is not an active professional`);
      if (member.id !== c.leadProfessionalId) await this.cases.addMember(c.id, member.id);
    });
    return this.get(user, id);
  }

  /**
   * For the requests module: the case a professional wants to spend on. Out of sight → 404 naming
   * the field; closed → 409.
   */
  async caseForNewRequest(user: AuthUser, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.findVisible({ ...scopeOf(user), admin: false, budgetHolder: false }, caseId);
    if (!c) throw new DomainError('not_found', 'NOT_FOUND', `caseId: case ${caseId} does not exist or is not one of your cases`);
    if (c.status === 'closed') throw DomainError.conflict('CASE.CLOSED', `case ${c.code} is closed; no new requests can be made for it`);
    return c;
  }

  private scope(user: AuthUser): AccessScope {
    const scope = scopeOf(user);
    if (!scope.admin && !scope.professional && !scope.budgetHolder) {
      throw DomainError.forbidden('cases are not available to the steering group; its reports and request lists are anonymised');
    }
    return scope;
  }

  private async visible(user: AuthUser, id: string): Promise<CaseEntity> {
    const c = await this.cases.findVisible(this.scope(user), id);
    if (!c) throw DomainError.notFound('case', id);
    return c;
  }

  private assertLeadOrAdmin(user: AuthUser, c: CaseEntity, verb: string): void {
    if (c.leadProfessionalId !== user.id && !hasRole(user, 'admin')) {
      throw DomainError.forbidden(`only the lead professional of case ${c.code} or an administrator can ${verb} it`);
    }
  }

  private async context(cases: CaseEntity[]) {
    const ids = cases.map((c) => c.id);
    const members = await this.cases.memberIds(ids);
    const personIds = [...cases.map((c) => c.leadProfessionalId), ...[...members.values()].flat()];
    const people = await this.cases.people(personIds);
    const organisations = await this.cases.organisationNames(cases.map((c) => c.organisationId));
    const totals = await this.cases.totalsByCase(ids);
    return { people, organisations, members, totals };
  }
}
