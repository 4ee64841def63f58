/**
 * Raw inputs of the PDF reports. The database service fills these; the pure model builders
 * (`buildSteeringReportModel`, `buildJustificationModel`) turn them into formatted strings.
 *
 * Money is always a decimal string as the API exchanges it (`"3000.00"`), never a JS number.
 * Dates without time are ISO dates (`"2026-01-01"`); moments are `Date` objects or ISO 8601
 * strings with zone (`"2026-03-02T09:15:00+01:00"`).
 */
import type { Locale } from '../common/locale';
import type { Comparison, Confidence } from '../cost-comparison/comparison.types';
import type { ComparisonMethod } from '../cost-comparison/method';

/** Decimal string with at most two decimals, e.g. `"3000.00"`. */
export type DecimalString = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 with zone, e.g. `2026-03-02T09:15:00+01:00`. */
export type IsoDateTime = string;

/** Request statuses as the workflow knows them (PRODUCT.md, part 3). */
export type RequestStatus =
  | 'draft'
  | 'submitted'
  | 'info_requested'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'paid'
  | 'cancelled'
  | 'evaluated';

/** Mandate tier that decided the request: the requester's own mandate, one budget holder, or two approvers. */
export type MandateTier = 'requester' | 'single' | 'double';

export interface ReportContribution {
  organisationName: string;
  /**
   * The organisation's kind. Use the same keys as the catalogue's bearers (`municipality`, `police`,
   * `health_insurer`, `housing_corporation`, `justice`, …) so the report can put "who pays" next
   * to "who benefits".
   */
  organisationKind: string;
  amount: DecimalString;
}

export interface ReportFund {
  id: string;
  name: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Σ contributions */
  budget: DecimalString;
  /** reserved by approvals, not yet paid, at `generatedAt` */
  committed: DecimalString;
  /** paid out, at `generatedAt` */
  spent: DecimalString;
  /** budget − committed − spent */
  available: DecimalString;
  contributions: ReportContribution[];
  /** the fund's comparison method: default deadweight and attribution, drop-off, discount rate, horizon (absent in old fixtures) */
  method?: ComparisonMethod;
}

export interface ReportRequest {
  id: string;
  /** the fund the request draws on (absent in old fixtures) */
  fundId?: string;
  /** an opaque key of the person (case): groups requests per person, never printed (absent in old fixtures) */
  caseKey?: string;
  /** the case's neighbourhood, for unique people per neighbourhood */
  neighbourhood?: string;
  title: string;
  status: RequestStatus;
  /** requested amount */
  amount: DecimalString;
  /** Σ payments so far */
  paidAmount: DecimalString;
  /** still reserved (approved, not paid, not released) */
  committedAmount: DecimalString;
  /** key into `lifeDomainLabels` */
  lifeDomain: string;
  organisationName: string;
  /** Not shown in the steering report (anonymised); allowed for internal variants. */
  requesterName?: string;
  tier: MandateTier;
  /** spent first within the requester's mandate, justified afterwards */
  retroactive: boolean;
  urgent: boolean;
  submittedAt: Date | IsoDateTime;
  /** moment of approval or rejection; null while undecided */
  decidedAt: Date | IsoDateTime | null;
  /** decision deadline (urgent requests); null when none */
  decisionDue: Date | IsoDateTime | null;
  /** the network found a way without spending money */
  solvedWithoutMoney: boolean;
  /** keys into `barrierLabels` */
  barriers: string[];
  /** the professional's own words */
  justification: string;
  comparison: Comparison;
  /**
   * Follow-up, when recorded: `estimated` is the avoided cost (central) estimated at the request,
   * `realised` the avoided cost that follow-up showed (estimated minus what of the conventional
   * route happened anyway). A `RealisedComparison` from src/cost-comparison/realised.ts fits as is.
   */
  realised?: { estimated: DecimalString; realised: DecimalString } | null;
  /** the latest follow-up's goal and the 3/6/12-month follow-up schedule of a paid request (as of the report) */
  goalReached?: 'yes' | 'partly' | 'no' | null;
  followUps?: { months: number; dueDate: string; state: 'recorded' | 'due' | 'overdue' | 'upcoming' }[];
}

export interface ReportBurnDownPoint {
  date: IsoDate;
  committed: DecimalString;
  spent: DecimalString;
  available: DecimalString;
}

export interface ReportCatalogueItem {
  key: string;
  version: number;
  label: string;
  amount: DecimalString;
  /** null when the source gives no price year */
  priceYear: number | null;
  source: string;
  url: string | null;
  confidence: Confidence;
}

/** A request of the previous period as the trend counts it: state, money and moments, no texts. */
export interface ReportTrendRequest {
  id: string;
  /** an opaque key of the person (case), for unique people; never printed */
  caseKey?: string;
  status: RequestStatus;
  tier: MandateTier;
  amount: DecimalString;
  paidAmount: DecimalString;
  committedAmount: DecimalString;
  submittedAt: Date | IsoDateTime;
  decidedAt: Date | IsoDateTime | null;
  /** net avoided cost (central) of the request's comparison; counted for granted requests only */
  avoidedNetCentral: DecimalString;
}

/** The previous period of the same length (see previousPeriod in report-period.ts) and what happened in it. */
export interface ReportPreviousPeriod {
  from: IsoDate;
  /** the last day counted: the end of the previous period, or as far in as the running period has come */
  to: IsoDate;
  /** the end of the whole previous period */
  fullTo: IsoDate;
  /** true when `to` was cut because the report's period is still running */
  cut: boolean;
  /** requests submitted in [from, to], drafts left out, statuses as of the report */
  requests: ReportTrendRequest[];
  /** balances of the fund(s) at the end of `to` from the journal; null when nothing was booked up to then */
  balance: { committed: DecimalString; spent: DecimalString; available: DecimalString } | null;
}

/** A calibration factor (Σ realised / Σ estimated over the follow-ups) with its sample size. */
export interface ReportCalibrationRow {
  costItemKey: string;
  /** followed-up requests with this item (and organisation) */
  sample: number;
  /** 2 decimals; null below `minimumSample` */
  factor: string | null;
}

/**
 * The learning loop as the decision page shows it: calibration over the follow-ups of the whole
 * network (all funds and periods), per catalogue item and per item and requesting organisation
 * (only where that organisation has `minimumSample` follow-ups).
 */
export interface ReportCalibration {
  minimumSample: number;
  byItem: ReportCalibrationRow[];
  byOrganisation: (ReportCalibrationRow & { organisationName: string })[];
}

/**
 * Everything the steering-group report needs. Anonymised: no case codes, no names of residents.
 * `requests` are the requests submitted in `period` for the fund(s), drafts excluded or not
 * (the builder ignores drafts).
 */
export interface SteeringReportData {
  generatedAt: Date;
  /** the signed ledger checkpoint written for this report (see src/ledger/checkpoint.ts), as one line */
  checkpoint?: string;
  locale: Locale;
  period: { from: IsoDate; to: IsoDate };
  funds: ReportFund[];
  requests: ReportRequest[];
  /** barrier key → label in the report's locale */
  barrierLabels: Record<string, string>;
  /** life domain key → label in the report's locale */
  lifeDomainLabels: Record<string, string>;
  /** balance of the fund(s) over the period, ordered by date */
  burnDown: ReportBurnDownPoint[];
  /** every catalogue item (key + version) priced in the comparisons above */
  catalogueItemsUsed: ReportCatalogueItem[];
  /** half-width of the low/high band per confidence, as a fraction: `{ high: '0.10', … }` */
  confidenceBands: Record<Confidence, DecimalString>;
  /** how amounts were brought to the price year, e.g. "CBS CPI; 2026 uses 2025 (last known)" */
  cpiNote: string;
  /** the previous period of the same length, for the trend (absent in old fixtures: "geen gegevens") */
  previousPeriod?: ReportPreviousPeriod;
  /** calibration of the estimates from the follow-ups (absent in old fixtures: "te weinig waarnemingen") */
  calibration?: ReportCalibration;
}

export interface JustificationRequest {
  title: string;
  justification: string;
  amount: DecimalString;
  payee: string;
  lifeDomain: string;
  urgent: boolean;
  barriers: string[];
  /** provisions that exist and why they do not help here */
  existingProvisions: { provision: string; reason: string }[];
  /** what the person wants, in their words as recorded */
  residentWish: string;
  /** pseudonym; the only identifier of the person */
  caseCode: string;
  neighbourhood: string;
  status: RequestStatus;
  tier: MandateTier;
  requesterName: string;
  organisationName: string;
  fundName: string;
  submittedAt: Date | IsoDateTime;
  decisionDue: Date | IsoDateTime | null;
  /** still reserved for it (absent in old fixtures: 0) */
  committedAmount?: DecimalString;
  /** retention erased the case's narratives: empty texts say so instead of staying blank */
  narrativesErased?: boolean;
}

export interface JustificationData {
  generatedAt: Date;
  locale: Locale;
  request: JustificationRequest;
  comparison: Comparison;
  history: {
    at: Date | IsoDateTime;
    actorName: string;
    actorRole: string;
    from: RequestStatus | null;
    to: RequestStatus;
    reason: string | null;
    /** retention erased the reason: the report says so instead of "none" */
    reasonErased?: boolean;
  }[];
  approvals: { at: Date | IsoDateTime; approverName: string; organisationName: string; comment: string | null }[];
  payments: { at: Date | IsoDateTime; amount: DecimalString; reference: string }[];
  /** recorded follow-ups, oldest first, and the next one due (absent in old fixtures) */
  outcomes?: { months: number; goalReached: 'yes' | 'partly' | 'no'; note: string }[];
  nextFollowUp?: { months: number; dueDate: string } | null;
  barrierLabels: Record<string, string>;
  lifeDomainLabels: Record<string, string>;
  /** catalogue items of `comparison.lines` (matched on key + version) for the sources */
  catalogueItems: ReportCatalogueItem[];
  confidenceBands: Record<Confidence, DecimalString>;
}
