import { Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { AccessErrors } from './access.errors';
import { AccessRepository, CaseFacts, RequestFacts } from './access.repository';
import { AccessScope, scopeOf } from './visibility';

/**
 * What a user wants to do with a request:
 * - `read`: see it (in full or anonymised);
 * - `decide`: reject it or ask for information — a budget holder of its fund, or a steering-group
 *   member when it waits for its second approval; never its requester (four eyes);
 * - `cancel`: release what is committed — an administrator or a budget holder of its fund.
 */
export type RequestPurpose = 'read' | 'decide' | 'cancel';

/** A request the user may act on, with the role they act in (`read`: their strongest). */
export interface RequestAccess extends RequestFacts {
  role: 'admin' | 'budget_holder' | 'steering_group' | 'professional';
}

export type CasePurpose = 'read' | 'request' | 'manage';

/**
 * The one place that says who may see and do what with cases and requests (visibility.ts has the
 * rules as SQL for lists). Out of sight is a 404, so that ids do not leak; in sight but not allowed
 * is a 403 whose message says why, in terms of the request.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  scope(user: AuthUser): AccessScope {
    return scopeOf(user);
  }

  /** A budget holder of this fund (the role and the fund_holders row). */
  async isFundHolder(user: AuthUser, fundId: string): Promise<boolean> {
    return hasRole(user, 'budget_holder') && this.repo.isFundHolder(fundId, user.id);
  }

  /** The funds the user holds as budget holder. */
  async heldFundIds(user: AuthUser): Promise<string[]> {
    return hasRole(user, 'budget_holder') ? this.repo.heldFundIds(user.id) : [];
  }

  async requireRequest(user: AuthUser, id: string, purpose: RequestPurpose, verb: string = purpose): Promise<RequestAccess> {
    return this.decideRequest(user, id, await this.repo.requestFacts(scopeOf(user), id), purpose, verb);
  }

  /**
   * `requireRequest` for several requests of one user at once, with one query: each request's
   * access, or the error `requireRequest` would have thrown for it.
   */
  async requireRequests(user: AuthUser, asks: readonly { id: string; purpose: RequestPurpose; verb?: string }[]): Promise<(RequestAccess | Error)[]> {
    const facts = await this.repo.requestFactsMany(scopeOf(user), asks.map((a) => a.id));
    return asks.map((a) => {
      try {
        return this.decideRequest(user, a.id, facts.get(a.id) ?? null, a.purpose, a.verb ?? a.purpose);
      } catch (e) {
        return e as Error;
      }
    });
  }

  private decideRequest(user: AuthUser, id: string, facts: RequestFacts | null, purpose: RequestPurpose, verb: string): RequestAccess {
    if (!facts) throw DomainError.notFound('request', id);
    const holder = hasRole(user, 'budget_holder') && facts.fundHolder;
    const fact = { ...facts, fundHolder: holder };
    switch (purpose) {
      case 'read':
        return { ...fact, role: hasRole(user, 'admin') ? 'admin' : holder ? 'budget_holder' : facts.full ? 'professional' : 'steering_group' };
      case 'decide':
        if (facts.requesterId === user.id) throw AccessErrors.fourEyes(verb);
        if (holder) return { ...fact, role: 'budget_holder' };
        if (hasRole(user, 'steering_group') && facts.tier === 'double' && facts.approvals === 1) return { ...fact, role: 'steering_group' };
        throw AccessErrors.notFundHolder(facts.fundName, verb);
      case 'cancel':
        if (hasRole(user, 'admin')) return { ...fact, role: 'admin' };
        if (holder) return { ...fact, role: 'budget_holder' };
        throw AccessErrors.notFundHolder(facts.fundName, verb, true);
    }
  }

  /**
   * A case the user may `read` (professionals, budget holders, admins), make a new request on
   * (`request`: one of the professional's own cases, 404 naming caseId otherwise; whether it is still
   * open is the caller's rule),
   * or `manage` (its lead professional or an administrator).
   */
  async requireCase(user: AuthUser, id: string, purpose: CasePurpose = 'read', verb = 'change'): Promise<CaseFacts> {
    const scope = scopeOf(user);
    if (purpose === 'request') {
      const c = await this.repo.caseFacts({ ...scope, admin: false, budgetHolder: false }, id);
      if (!c) throw AccessErrors.notYourCase(id);
      return c;
    }
    if (!scope.admin && !scope.professional && !scope.budgetHolder) throw AccessErrors.noCases();
    const c = await this.repo.caseFacts(scope, id);
    if (!c) throw DomainError.notFound('case', id);
    if (purpose === 'manage' && c.leadProfessionalId !== user.id && !scope.admin) throw AccessErrors.notLead(c.code, verb);
    return c;
  }

  /** Cases at all: not for the steering group, whose views are anonymised. */
  requireCaseLists(user: AuthUser): AccessScope {
    const scope = scopeOf(user);
    if (!scope.admin && !scope.professional && !scope.budgetHolder) throw AccessErrors.noCases();
    return scope;
  }
}
