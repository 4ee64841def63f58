import { moneyString } from '../common/money';
import type { PersonRow } from '../users/users.repository';
import type { CaseDetailDto, CaseDto, CaseRequestSummaryDto } from './case.dto';
import type { CaseEntity } from './case.entity';
import type { CaseFundTotals, CaseRequestRow, CaseTotals } from './case-requests.reader';

export interface CaseViewContext {
  people: Map<string, PersonRow>;
  organisations: Map<string, string>;
  members: Map<string, string[]>;
  totals: Map<string, CaseTotals>;
}

export function mapCase(c: CaseEntity, ctx: CaseViewContext): CaseDto {
  const totals = ctx.totals.get(c.id);
  return {
    id: c.id,
    code: c.code,
    neighbourhood: c.neighbourhood,
    lifeDomains: c.lifeDomains,
    status: c.status,
    leadProfessional: { id: c.leadProfessionalId, name: ctx.people.get(c.leadProfessionalId)?.name ?? '' },
    organisation: { id: c.organisationId, name: ctx.organisations.get(c.organisationId) ?? '' },
    members: (ctx.members.get(c.id) ?? []).map((id) => ({ id, name: ctx.people.get(id)?.name ?? '' })),
    totals: { committed: moneyString(totals?.committed ?? 0), spent: moneyString(totals?.paid ?? 0) },
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
  };
}

export function mapCaseRequest(r: CaseRequestRow): CaseRequestSummaryDto {
  return {
    id: r.id,
    title: r.title,
    amount: moneyString(r.amount),
    status: r.status,
    fundId: r.fundId,
    fundName: r.fundName,
    urgent: r.urgent,
    committed: moneyString(r.committedAmount),
    paid: moneyString(r.paidAmount),
    createdAt: r.createdAt.toISOString(),
  };
}

export function mapCaseDetail(
  c: CaseEntity,
  ctx: CaseViewContext,
  byFund: CaseFundTotals[],
  requests: CaseRequestRow[],
): CaseDetailDto {
  return {
    ...mapCase(c, ctx),
    byFund: byFund.map((f) => ({ fundId: f.fundId, fundName: f.fundName, committed: moneyString(f.committed), spent: moneyString(f.paid) })),
    requests: requests.map(mapCaseRequest),
  };
}
