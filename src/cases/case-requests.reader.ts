import type { Dec } from '../common/money';

/** Committed (reserved, unpaid) and paid for one case, as decimal strings from the database. */
export interface CaseTotals {
  caseId: string;
  committed: string;
  paid: string;
}

export interface CaseFundTotals extends CaseTotals {
  fundId: string;
  fundName: string;
}

/** A request on the case, as the case page lists it. */
export interface CaseRequestRow {
  id: string;
  title: string;
  amount: Dec;
  status: string;
  fundId: string;
  fundName: string;
  urgent: boolean;
  committedAmount: Dec;
  paidAmount: Dec;
  createdAt: Date;
}

/**
 * What the requests say about cases: the money per case and the requests on one. Cases show it but
 * do not own the requests table; the requests feature provides this read model (RequestsReadModule).
 */
export abstract class CaseRequestsReader {
  abstract totalsByCase(caseIds: readonly string[]): Promise<Map<string, CaseTotals>>;
  abstract totalsByFund(caseId: string): Promise<CaseFundTotals[]>;
  abstract requestsOfCase(caseId: string): Promise<CaseRequestRow[]>;
}
