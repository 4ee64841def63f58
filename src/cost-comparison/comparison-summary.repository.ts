import type { OutcomeLine } from './comparison.types';
import type { StoredCostLine } from './cost-comparison.service';
import type { MaatwerkCostInput } from './maatwerk-cost';

export interface SummaryFilter {
  fundIds: string[] | null;
  caseId: string | null;
  from: string | null;
  to: string | null;
  /** only requests with at least one recorded follow-up (for calibration) */
  followedUpOnly?: boolean;
}

/** A funded request as the summary weighs it. */
export interface FundedRequest extends MaatwerkCostInput {
  id: string;
  fundId: string;
  caseId: string;
  organisationId: string;
  lifeDomain: string;
  priceYear: number;
  status: string;
  /** when the request was approved: once paid, its follow-ups fall due 3, 6 and 12 months later */
  decidedAt: Date | null;
}

/** A recorded follow-up of a funded request. */
export interface FundedOutcome {
  requestId: string;
  months: number;
  goalReached: 'yes' | 'partly' | 'no';
  lines: OutcomeLine[];
}

/**
 * Funded requests (approved, paid, evaluated) and their conventional-route lines. The requests
 * feature owns those tables and provides this read model (RequestsReadModule).
 */
export abstract class ComparisonSummaryRepository {
  abstract fundedRequests(f: SummaryFilter): Promise<{ requests: FundedRequest[]; lines: Map<string, StoredCostLine[]> }>;
  /** every recorded follow-up of these requests */
  abstract outcomes(requestIds: readonly string[]): Promise<FundedOutcome[]>;
}
