import type { StoredCostLine } from './cost-comparison.service';
import type { MaatwerkCostInput } from './maatwerk-cost';

export interface SummaryFilter {
  fundIds: string[] | null;
  caseId: string | null;
  from: string | null;
  to: string | null;
}

/** A funded request as the summary weighs it. */
export interface FundedRequest extends MaatwerkCostInput {
  id: string;
  fundId: string;
  caseId: string;
  organisationId: string;
  lifeDomain: string;
  priceYear: number;
}

/**
 * Funded requests (approved, paid, evaluated) and their conventional-route lines. The requests
 * feature owns those tables and provides this read model (RequestsReadModule).
 */
export abstract class ComparisonSummaryRepository {
  abstract fundedRequests(f: SummaryFilter): Promise<{ requests: FundedRequest[]; lines: Map<string, StoredCostLine[]> }>;
}
