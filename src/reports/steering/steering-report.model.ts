/**
 * Pure model builder of the steering-group report: raw data in, formatted strings out.
 * Sections 1–4 live here; the cost comparison and the appendices in steering-report.sections.ts.
 */
import { Dec } from '../../common/money';
import { isOverdue } from '../../common/dutch-time';
import { AWAITING_DECISION } from '../../requests/request-state';
import type { MandateTier, SteeringReportData } from '../report-data.types';
import { barChart, burnDownChart, decisionHistogram } from './report-charts';
import { fill, formatCount, formatDate, formatDateTime, formatHours, formatPercent, toDate } from '../report-format';
import type { KeyFigure, ReportAttachment, SteeringReportModel, TableModel } from '../report-model.types';
import { byAmountDesc, decisionHours, elapsedShare, hoursBetween, median, percentile, ratioOf, shareOf, sumBy } from './report-stats';
import { avoidedSentence, decisionsNote, ratioSentence, requestsSentence, speedSentence } from './steering-report.sentences';
import { trendSection } from './steering-report.trend';
import { steeringContext, type SteeringContext } from './steering-report.context';
import {
  appendixSection,
  barriersSection,
  csvOf,
  requestsAttachment,
  comparisonSection,
  methodologySection,
  realisedSection,
  vignettesSection,
} from './steering-report.sections';

/** Underspend is flagged when the spending rate lags the elapsed share of the period by more than this. */
const UNDERSPEND_LAG = new Dec('0.25');
const TIERS: MandateTier[] = ['requester', 'single', 'double'];
/** Overdue requests listed in the PDF; the complete list is attached as a CSV. */
const MAX_OVERDUE_ROWS = 15;
const OVERDUE_FILE = 'te-laat.csv';

export function buildSteeringReportModel(data: SteeringReportData): SteeringReportModel {
  const ctx = steeringContext(data);
  const { L, locale } = { L: ctx.L, locale: data.locale };
  const S = L.steering;
  const periodLabel = `${formatDate(data.period.from, locale)} – ${formatDate(data.period.to, locale)}`;
  const generated = formatDateTime(data.generatedAt, locale);
  const fundNames = data.funds.map((f) => f.name).join(', ');
  const priceYear = data.requests.find((r) => r.comparison)?.comparison.priceYear ?? toDate(data.generatedAt).getUTCFullYear();
  const keyFigures = keyFiguresSection(ctx);
  const speed = speedSection(ctx);
  // a period that has not ended yet shows the figures as of today, and says so
  const today = formatDate(data.generatedAt, locale);
  const running = toDate(data.generatedAt).toISOString().slice(0, 10) <= data.period.to;

  return {
    meta: {
      title: `${S.title} – ${fundNames}`,
      subject: fill(S.subject, { period: periodLabel }),
      author: L.author,
      lang: L.lang,
      headerTitle: S.title,
      headerFund: `${fundNames} · ${periodLabel}`,
      footerLeft: fill(L.footerLeft, { generated }),
      pageOf: L.pageOf,
    },
    cover: {
      kicker: S.coverKicker,
      title: S.title,
      facts: [
        { label: data.funds.length > 1 ? S.funds : S.fund, value: fundNames },
        { label: S.period, value: running ? `${periodLabel} (${fill(S.asOfRunning, { date: today })})` : periodLabel },
        { label: S.priceYear, value: String(priceYear) },
        { label: S.generated, value: generated },
        ...(data.checkpoint ? [{ label: S.checkpoint, value: data.checkpoint }] : []),
      ],
      summaryHeading: S.summaryHeading,
      summary: summary(ctx, speed.summary, keyFigures.pace.underspend),
      anonymised: S.anonymised,
    },
    keyFigures,
    requests: requestsSection(ctx),
    speed: speed.section,
    spending: spendingSection(ctx),
    comparison: comparisonSection(ctx, priceYear),
    realised: realisedSection(ctx),
    barriers: barriersSection(ctx),
    vignettes: vignettesSection(ctx),
    appendix: appendixSection(ctx),
    methodology: methodologySection(ctx),
    attachments: [requestsAttachment(ctx), speed.attachment],
  };
}

function summary(ctx: SteeringContext, speed: string, underspend: boolean): string[] {
  const S = ctx.L.steering;
  const { totals, data } = ctx;
  const ratio = ratioOf(totals.central, totals.cost);
  const funded = ctx.funded.length;
  const avoided = avoidedSentence(S, funded, {
    central: ctx.money(totals.central), low: ctx.money(totals.low), high: ctx.money(totals.high), gross: ctx.money(totals.gross.central),
  });
  const lines = [
    requestsSentence(S, data.locale, ctx.requests.length, funded, ctx.money(totals.cost)),
    // without granted requests there is nothing avoided, no ratio and no money freed to speak of
    ...(avoided === null
      ? []
      : [
          avoided,
          ratioSentence(S, ratio === null ? null : ctx.money(ratio), ctx.money(totals.central.minus(totals.cost))),
          fill(S.summaryNotBudget, { cash: ctx.money(totals.cash) }),
        ]),
    speed,
  ];
  if (underspend) lines.push(S.summaryUnderspend);
  return lines;
}

function keyFiguresSection(ctx: SteeringContext): SteeringReportModel['keyFigures'] {
  const { data, L } = ctx;
  const S = L.steering;
  const locale = data.locale;
  const total = (pick: (f: SteeringReportData['funds'][number]) => string) =>
    data.funds.reduce((s, f) => s.plus(pick(f)), new Dec(0));
  // A period that has ended shows the balances at its end (the burn-down adds up the journal to
  // that day), not today's; a running period shows today's and says "stand per".
  const ended = data.period.to < toDate(data.generatedAt).toISOString().slice(0, 10);
  const atEnd = ended ? [...data.burnDown].sort((a, b) => a.date.localeCompare(b.date)).at(-1) : undefined;
  const committed = atEnd ? new Dec(atEnd.committed) : total((f) => f.committed);
  const spent = atEnd ? new Dec(atEnd.spent) : total((f) => f.spent);
  const available = atEnd ? new Dec(atEnd.available) : total((f) => f.available);
  const budget = atEnd ? committed.plus(spent).plus(available) : total((f) => f.budget);
  const rate = shareOf(committed.plus(spent), budget);
  const from = data.funds.map((f) => f.periodStart).sort()[0] ?? data.period.from;
  const to = data.funds.map((f) => f.periodEnd).sort().reverse()[0] ?? data.period.to;
  const elapsed = elapsedShare(from, to, data.generatedAt);
  const underspend = elapsed.minus(rate).greaterThan(UNDERSPEND_LAG);
  const rateLabel = formatPercent(rate, locale);
  const elapsedLabel = formatPercent(elapsed, locale);

  const contributions = data.funds.flatMap((f) => f.contributions);
  const perPartner = [...sumBy(contributions, (c) => c.organisationName, (c) => c.amount)]
    .map(([name, v]) => ({ name, sum: v.sum, kind: contributions.find((c) => c.organisationName === name)?.organisationKind ?? '' }))
    .sort(byAmountDesc((p) => p.sum, (p) => p.name));
  const contributed = perPartner.reduce((s, p) => s.plus(p.sum), new Dec(0));

  const figures: KeyFigure[] = [
    { label: S.budget, value: ctx.money(budget) },
    { label: S.committed, value: ctx.money(committed) },
    { label: S.spent, value: ctx.money(spent) },
    { label: S.available, value: ctx.money(available) },
    { label: S.spendingRate, value: rateLabel, note: S.spendingRateNote, tone: underspend ? 'warning' : 'normal' },
    {
      label: S.elapsed,
      value: elapsedLabel,
      note: fill(S.elapsedNote, { from: formatDate(from, locale), to: formatDate(to, locale) }),
    },
  ];
  return {
    heading: S.keyFigures,
    asOf: fill(S.asOf, { date: formatDate(atEnd ? data.period.to : data.generatedAt, locale) }),
    figures,
    pace: { text: fill(underspend ? S.underspend : S.onTrack, { rate: rateLabel, elapsed: elapsedLabel }), underspend },
    fundsHeading: S.fundComparison,
    funds: data.funds.length > 1 ? fundComparison(ctx) : null,
    contributionsHeading: S.contributions,
    contributions: {
      columns: [
        { header: S.colPartner, align: 'left', weight: 4 },
        { header: S.colKind, align: 'left', weight: 2.4 },
        { header: S.colContribution, align: 'right', weight: 2.2 },
        { header: S.colShare, align: 'right', weight: 1.3 },
      ],
      rows: perPartner.map((p) => [
        p.name,
        L.organisationKind[p.kind] ?? p.kind,
        ctx.money(p.sum),
        formatPercent(shareOf(p.sum, contributed), locale),
      ]),
      totalRow: [S.total, '', ctx.money(contributed), formatPercent(contributed.isZero() ? 0 : 1, locale)],
      emptyText: L.none,
    },
    burnDown: burnDownChart(
      S.burnDown,
      fill(S.burnDownAlt, { from: formatDate(data.period.from, locale), to: formatDate(data.period.to, locale) }),
      { committed: S.committed, spent: S.spent, available: S.available },
      data.burnDown,
      locale,
    ),
    trend: trendSection(ctx, { committed, spent }),
  };
}

function requestsSection(ctx: SteeringContext): SteeringReportModel['requests'] {
  const { L, requests, data } = ctx;
  const S = L.steering;
  const n = (count: number) => formatCount(count, data.locale);
  const countStatus = (...statuses: string[]) => requests.filter((r) => statuses.includes(r.status)).length;
  const counts: [string, number][] = [
    [S.countSubmitted, requests.length],
    [S.countFunded, ctx.funded.length],
    [S.countRejected, countStatus('rejected')],
    [S.countWithdrawn, countStatus('withdrawn')],
    [S.countCancelled, countStatus('cancelled')],
    [S.countPending, countStatus('submitted', 'info_requested')],
    [S.countWithoutMoney, requests.filter((r) => r.solvedWithoutMoney).length],
    [S.countRetroactive, requests.filter((r) => r.retroactive).length],
    [S.countUrgent, requests.filter((r) => r.urgent).length],
    [S.countPeople, new Set(ctx.funded.map((f) => f.request.caseKey ?? f.request.id)).size],
  ];
  // unique people (cases) helped, per neighbourhood: a person with three requests counts once
  const perNeighbourhood = new Map<string, { people: Set<string>; requests: number }>();
  for (const f of ctx.funded) {
    const key = f.request.neighbourhood ?? L.none;
    const entry = perNeighbourhood.get(key) ?? { people: new Set<string>(), requests: 0 };
    entry.people.add(f.request.caseKey ?? f.request.id);
    entry.requests += 1;
    perNeighbourhood.set(key, entry);
  }
  const neighbourhoods = [...perNeighbourhood]
    .sort((a, b) => b[1].people.size - a[1].people.size || a[0].localeCompare(b[0], 'nl'))
    .map(([name, v]) => [name, n(v.people.size), n(v.requests)]);
  return {
    heading: S.requests,
    counts: {
      columns: [
        { header: S.colWhat, align: 'left', weight: 6 },
        { header: S.colCount, align: 'right', weight: 1.4 },
      ],
      rows: counts.map(([label, c]) => [label, n(c)]),
      emptyText: L.none,
    },
    tiers: {
      columns: [
        { header: S.colTier, align: 'left', weight: 4 },
        { header: S.colCount, align: 'right', weight: 1.4 },
        { header: S.colFundedAmount, align: 'right', weight: 2.2 },
      ],
      rows: TIERS.map((tier) => {
        const funded = ctx.funded.filter((f) => f.request.tier === tier);
        return [
          L.tier[tier],
          n(requests.filter((r) => r.tier === tier).length),
          ctx.money(funded.reduce((s, f) => s.plus(f.cost), new Dec(0))),
        ];
      }),
      emptyText: L.none,
    },
    neighbourhoods: {
      columns: [
        { header: S.colNeighbourhood, align: 'left', weight: 4 },
        { header: S.colPeople, align: 'right', weight: 2 },
        { header: S.colFundedRequests, align: 'right', weight: 2 },
      ],
      rows: neighbourhoods,
      emptyText: L.none,
    },
  };
}

function speedSection(ctx: SteeringContext): {
  section: SteeringReportModel['speed'];
  /** the summary's sentence on decision speed */
  summary: string;
  attachment: ReportAttachment;
} {
  const { L, requests, data } = ctx;
  const S = L.steering;
  const locale = data.locale;
  const now = data.generatedAt;
  const hours = decisionHours(requests);
  const med = median(hours);
  const p90 = percentile(hours, 90);
  // the API's rule: only a request that waits for a decision can be late (with a question out, the requester has the turn)
  const awaiting = requests.filter((r) => (AWAITING_DECISION as readonly string[]).includes(r.status));
  const urgentDecided = requests.filter((r) => r.urgent && r.decisionDue !== null && r.decidedAt !== null);
  const urgentInTime = urgentDecided.filter((r) => toDate(r.decidedAt as Date | string) <= toDate(r.decisionDue as Date | string));
  const overdue = awaiting
    .filter((r) => r.decisionDue !== null && isOverdue(toDate(r.decisionDue), true, now))
    .map((r) => ({ r, late: hoursBetween(r.decisionDue as Date | string, now) }))
    .sort((a, b) => b.late - a.late);
  const urgentLate = overdue.filter((o) => o.r.urgent).length;
  const urgentTotal = urgentDecided.length + urgentLate;
  const medianLabel = med === null ? L.none : formatHours(med, locale);
  const urgentShareLabel = urgentTotal === 0 ? L.none : formatPercent(shareOf(urgentInTime.length, urgentTotal), locale);
  const shownOverdue = overdue.slice(0, MAX_OVERDUE_ROWS);
  const attachment = {
    name: OVERDUE_FILE,
    description: S.overdue,
    csv: csvOf(
      ['id', 'title', 'organisation', 'urgent', 'decision_due', 'hours_overdue'],
      overdue.map(({ r, late }) => [r.id, r.title, r.organisationName, String(r.urgent), toDate(r.decisionDue as Date | string).toISOString(), late.toFixed(1)]),
    ),
  };
  return {
    summary: speedSentence(S, locale, med === null ? null : medianLabel, { total: urgentTotal, inTime: urgentInTime.length, share: urgentShareLabel }),
    attachment,
    section: {
      heading: S.speed,
      intro: S.speedIntro,
      figures: [
        { label: S.median, value: medianLabel, note: decisionsNote(S, locale, hours.length) },
        { label: S.p90, value: p90 === null ? L.none : formatHours(p90, locale) },
        {
          label: S.urgentInTime,
          value: urgentShareLabel,
          note: fill(S.urgentNote, { inTime: formatCount(urgentInTime.length, locale), total: formatCount(urgentTotal, locale) }),
        },
        { label: S.overdueNow, value: formatCount(overdue.length, locale), tone: overdue.length > 0 ? 'warning' : 'normal' },
      ],
      histogram: decisionHistogram(S.histogram, S.histogramAlt, { x: S.histogramX, y: S.histogramY }, S.buckets, hours, locale),
      overdueHeading: S.overdue,
      overdue: {
        columns: [
          { header: S.colRequest, align: 'left', weight: 5 },
          { header: S.colOrganisation, align: 'left', weight: 3 },
          { header: S.colDue, align: 'right', weight: 2.4 },
          { header: S.colOverdue, align: 'right', weight: 2.4 },
        ],
        rows: shownOverdue.map(({ r, late }) => [
          r.title,
          r.organisationName,
          formatDateTime(r.decisionDue as Date | string, locale),
          formatHours(late, locale),
        ]),
        emptyText: S.noOverdue,
      },
      overdueNote:
        overdue.length > shownOverdue.length
          ? fill(S.overdueTop, { shown: formatCount(shownOverdue.length, locale), total: formatCount(overdue.length, locale), file: OVERDUE_FILE })
          : null,
    },
  };
}

function costTable(ctx: SteeringContext, firstHeader: string, groups: { label: string; sum: Dec; count: number }[]): TableModel {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  return {
    columns: [
      { header: firstHeader, align: 'left', weight: 5 },
      { header: S.colCount, align: 'right', weight: 1.3 },
      { header: S.colCost, align: 'right', weight: 2.3 },
      { header: S.colShare, align: 'right', weight: 1.4 },
    ],
    rows: groups.map((g) => [g.label, formatCount(g.count, locale), ctx.money(g.sum), formatPercent(shareOf(g.sum, ctx.totals.cost), locale)]),
    totalRow: [
      S.total,
      formatCount(ctx.funded.length, locale),
      ctx.money(ctx.totals.cost),
      formatPercent(ctx.totals.cost.isZero() ? 0 : 1, locale),
    ],
    emptyText: ctx.L.none,
  };
}

function spendingSection(ctx: SteeringContext): SteeringReportModel['spending'] {
  const S = ctx.L.steering;
  const group = (key: (f: SteeringContext['funded'][number]) => string, label: (k: string) => string) =>
    [...sumBy(ctx.funded, key, (f) => f.cost)]
      .map(([k, v]) => ({ label: label(k), sum: v.sum, count: v.count }))
      .sort(byAmountDesc((g) => g.sum, (g) => g.label));
  const domains = group((f) => f.request.lifeDomain, ctx.lifeDomain);
  const organisations = group((f) => f.request.organisationName, (k) => k);
  return {
    heading: S.spending,
    chart: barChart(S.byLifeDomain, S.byLifeDomainAlt, domains.map((d) => ({ label: d.label, value: d.sum })), ctx.data.locale),
    byLifeDomain: costTable(ctx, S.colLifeDomain, domains),
    byOrganisationHeading: S.byOrganisation,
    byOrganisation: costTable(ctx, S.colOrganisation, organisations),
  };
}

/** The funds side by side: budget, spending, granted requests, net avoided cost and ratio. */
function fundComparison(ctx: SteeringContext): TableModel {
  const { data, L } = ctx;
  const S = L.steering;
  const locale = data.locale;
  return {
    columns: [
      { header: S.fund, align: 'left', weight: 4 },
      { header: S.budget, align: 'right', weight: 2.2 },
      { header: S.spent, align: 'right', weight: 2.2 },
      { header: S.colFundedRequests, align: 'right', weight: 1.6 },
      { header: S.avoidedCentral, align: 'right', weight: 2.4 },
      { header: S.ratio, align: 'right', weight: 1.8 },
    ],
    rows: data.funds.map((f) => {
      const funded = ctx.funded.filter((x) => x.request.fundId === f.id);
      const cost = funded.reduce((s, x) => s.plus(x.cost), new Dec(0));
      const avoided = funded.reduce((s, x) => s.plus(x.central), new Dec(0));
      const ratio = ratioOf(avoided, cost);
      return [f.name, ctx.money(f.budget), ctx.money(f.spent), formatCount(funded.length, locale), ctx.money(avoided), ratio === null ? L.none : ctx.money(ratio)];
    }),
    emptyText: L.none,
  };
}
