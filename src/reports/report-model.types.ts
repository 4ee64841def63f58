/**
 * View models of the PDF reports: every value is an already-formatted string, every chart
 * geometry a fraction in [0, 1]. The renderers only lay these out.
 */

export type Align = 'left' | 'right';

export interface TableColumn {
  header: string;
  align: Align;
  /** relative width */
  weight: number;
}

export interface TableModel {
  columns: TableColumn[];
  rows: string[][];
  /** shown bold under the rows when present */
  totalRow?: string[];
  /** shown instead of the table when there are no rows */
  emptyText: string;
}

export type FigureTone = 'normal' | 'positive' | 'warning';

export interface KeyFigure {
  label: string;
  value: string;
  note?: string;
  tone?: FigureTone;
}

export interface LabelValue {
  label: string;
  value: string;
}

export interface ChartTick {
  label: string;
  fraction: number;
}

interface ChartBase {
  title: string;
  /** alternative text for screen readers */
  alt: string;
}

export interface BarChartModel extends ChartBase {
  bars: { label: string; valueLabel: string; fraction: number }[];
  ticks: ChartTick[];
}

export interface PairedBarChartModel extends ChartBase {
  seriesNames: [string, string];
  groups: { label: string; values: [BarValue, BarValue] }[];
  ticks: ChartTick[];
}

export interface BarValue {
  valueLabel: string;
  fraction: number;
}

export interface HistogramModel extends ChartBase {
  xAxisLabel: string;
  yAxisLabel: string;
  buckets: { label: string; countLabel: string; fraction: number }[];
  ticks: ChartTick[];
}

export interface LineChartModel extends ChartBase {
  series: { name: string; points: { x: number; y: number }[] }[];
  xTicks: ChartTick[];
  yTicks: ChartTick[];
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  /** BCP 47, e.g. `nl-NL` */
  lang: string;
  /** running header: report title and fund */
  headerTitle: string;
  headerFund: string;
  footerLeft: string;
  /** with `{page}` and `{pages}` */
  pageOf: string;
}

export interface Vignette {
  title: string;
  context: string;
  /** the professional's justification, in quotation marks */
  quote: string;
  figures: LabelValue[];
  routeHeading: string;
  routeLines: string[];
}

export interface SteeringReportModel {
  meta: DocumentMeta;
  cover: {
    kicker: string;
    title: string;
    facts: LabelValue[];
    summaryHeading: string;
    summary: string[];
    anonymised: string;
  };
  keyFigures: {
    /** "Stand per …": the end of a past period, or today for a running one */
    asOf: string;
    heading: string;
    figures: KeyFigure[];
    pace: { text: string; underspend: boolean };
    contributionsHeading: string;
    contributions: TableModel;
    /** one row per fund when the report covers several; null for one fund */
    fundsHeading: string;
    funds: TableModel | null;
    burnDown: LineChartModel;
    /** the key figures next to the previous period of the same length, with the change */
    trend: { heading: string; intro: string[]; table: TableModel };
  };
  requests: { heading: string; counts: TableModel; tiers: TableModel; neighbourhoods: TableModel };
  speed: {
    heading: string;
    intro: string;
    figures: KeyFigure[];
    histogram: HistogramModel;
    overdueHeading: string;
    overdue: TableModel;
    /** when the table is cut to the top N: where the complete list is */
    overdueNote: string | null;
  };
  spending: {
    heading: string;
    chart: BarChartModel;
    byLifeDomain: TableModel;
    byOrganisationHeading: string;
    byOrganisation: TableModel;
  };
  comparison: {
    heading: string;
    intro: string;
    figures: KeyFigure[];
    chart: PairedBarChartModel;
    whoPaysHeading: string;
    whoPaysIntro: string;
    whoPays: TableModel;
    /** avoided cost is not a saving: what frees money, what only capacity */
    cashNote: string;
    sensitivityHeading: string;
    sensitivityIntro: string;
    sensitivity: TableModel;
    byConfidence: TableModel;
  };
  realised: {
    heading: string;
    intro: string;
    figures: KeyFigure[];
    table: TableModel;
    more: string | null;
    /** the learning loop: calibration factors with their sample size, per item and per organisation */
    calibration: {
      heading: string;
      intro: string;
      byItem: TableModel;
      byOrganisationHeading: string;
      byOrganisation: TableModel;
    };
  };
  barriers: { heading: string; intro: string; table: TableModel };
  vignettes: { heading: string; intro: string; items: Vignette[]; emptyText: string };
  appendix: { heading: string; intro: string; table: TableModel; note: string | null };
  methodology: {
    heading: string;
    paragraphs: string[];
    bandsHeading: string;
    bands: TableModel;
    cpiHeading: string;
    cpiNote: string;
    catalogueHeading: string;
    catalogue: TableModel;
    linksHeading: string;
    /** the sources of the catalogue items as clickable links */
    links: { label: string; url: string }[];
  };
  /** complete lists embedded in the PDF as files (the tables show the top N) */
  attachments: ReportAttachment[];
}

export interface ReportAttachment {
  name: string;
  description: string;
  /** UTF-8 CSV with a header row */
  csv: string;
}

export interface JustificationModel {
  meta: DocumentMeta;
  title: string;
  requestTitle: string;
  what: { heading: string; facts: LabelValue[] };
  /** status, mandate, requester, submission: shown as one compact line */
  process: LabelValue[];
  forWhom: { heading: string; facts: LabelValue[] };
  why: { heading: string; justification: string; barriers: LabelValue | null };
  provisions: { heading: string; table: TableModel };
  route: {
    heading: string;
    priceYear: string;
    table: TableModel;
    /** net: the headline, as the steering report counts it */
    figures: KeyFigure[];
    /** the requester's gross estimate, with its net benefit and ratio */
    gross: LabelValue;
    /** which figure is the headline and how net follows from gross */
    headline: string;
    notes: string[];
    sourcesHeading: string;
    sources: string[];
  };
  /** summary: the decision (who, when, reason, on time or late), reserved and paid, evaluation due, follow-up */
  decision: { heading: string; summary: LabelValue[]; approvals: TableModel; history: TableModel };
  payments: { heading: string; table: TableModel };
}
