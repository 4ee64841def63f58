/**
 * Sections 5–8 and the appendices of the steering report model.
 */
import { allocateLargestRemainder, Dec, roundMoney } from '../../common/money';
import type { Confidence } from '../../cost-comparison/comparison.types';
import { DEFAULT_METHOD, type ComparisonMethod } from '../../cost-comparison/method';
import { sensitivity } from '../../cost-comparison/sensitivity';
import { CALIBRATION_MIN_SAMPLE, calibrated } from '../../cost-comparison/follow-ups';
import { coverageNote, goalsNote, moreRowsNote } from './steering-report.sentences';
import { pairedBarChart } from './report-charts';
import { fill, formatCount, formatPercent, formatRatio, localiseNumber, toDate, truncateWords } from '../report-format';
import type { KeyFigure, ReportAttachment, SteeringReportModel, TableModel, Vignette } from '../report-model.types';
import { byAmountDesc, maatwerkCost, ratioOf, shareOf, sumBy } from './report-stats';
import type { FundedRequest, SteeringContext } from './steering-report.context';

const MAX_REALISED_ROWS = 15;
const MAX_BARRIERS = 10;
const MAX_VIGNETTES = 3;
const VIGNETTE_QUOTE_CHARS = 650;
/** Requests in Appendix A; the complete list is attached to the PDF as a CSV. */
export const MAX_APPENDIX_ROWS = 50;
export const APPENDIX_FILE = 'aanvragen.csv';

/** "Avoided per euro spent" reads as an amount: € 15,31. */
function ratioOrNone(ctx: SteeringContext, ratio: Dec | null): string {
  return ratio === null ? ctx.L.none : ctx.money(ratio);
}

/** The comparison method of each fund: its own settings, else what its requests were compared with. */
function fundMethods(ctx: SteeringContext): { fund: string; method: ComparisonMethod }[] {
  return ctx.data.funds.flatMap((f) => {
    const method = f.method ?? ctx.funded.find((x) => x.request.fundId === f.id)?.request.comparison.method;
    return method ? [{ fund: f.name, method }] : [];
  });
}

export function comparisonSection(ctx: SteeringContext, priceYear: number): SteeringReportModel['comparison'] {
  const S = ctx.L.steering;
  const { totals } = ctx;
  const net = totals.central.minus(totals.cost);
  const ratio = ratioOf(totals.central, totals.cost);
  const methods = fundMethods(ctx);
  const method = methods[0]?.method ?? ctx.funded[0]?.request.comparison.method ?? DEFAULT_METHOD;
  const mixed = new Set(methods.map((m) => JSON.stringify(m.method))).size > 1;
  const pct = (v: string) => formatPercent(new Dec(v), ctx.data.locale);
  const figures: KeyFigure[] = [
    { label: S.maatwerk, value: ctx.money(totals.cost) },
    { label: S.avoidedCentral, value: ctx.money(totals.central), note: `${S.avoidedGross}: ${ctx.money(totals.gross.central)}` },
    { label: S.range, value: `${ctx.money(totals.low)} – ${ctx.money(totals.high)}` },
    { label: S.ratio, value: ratioOrNone(ctx, ratio) },
    {
      label: S.netBenefit,
      value: ctx.money(net),
      note: fill(S.netRange, { low: ctx.money(totals.low.minus(totals.cost)), high: ctx.money(totals.high.minus(totals.cost)) }),
      tone: net.greaterThan(0) ? 'positive' : 'warning',
    },
    { label: S.fiscalSocietal, value: `${ctx.money(totals.fiscal)} / ${ctx.money(totals.societal)}` },
    { label: S.cashFreed, value: ctx.money(totals.cash) },
  ];
  const effect = (e: 'cash' | 'capacity' | 'none') =>
    ctx.funded.reduce((sum, f) => sum.plus(f.request.comparison.avoidedNetByBudgetEffect[e].central), new Dec(0));
  const perDomain = [...sumBy(ctx.funded, (f) => f.request.lifeDomain, (f) => f.cost)].map(([key, v]) => ({
    label: ctx.lifeDomain(key),
    a: v.sum,
    b: ctx.funded.filter((f) => f.request.lifeDomain === key).reduce((s, f) => s.plus(f.central), new Dec(0)),
  }));
  perDomain.sort(byAmountDesc((g) => g.b, (g) => g.label));
  return {
    heading: S.comparison,
    intro: fill(mixed ? S.comparisonIntroMixed : S.comparisonIntro, {
      year: priceYear,
      deadweight: pct(method.deadweight),
      attribution: pct(method.attribution),
      dropOff: pct(method.dropOff),
      // two decimals: 2,25%, not 2,3%
      rate: formatPercent(new Dec(method.discountRate), ctx.data.locale, 2),
      horizon: method.horizonYears,
    }),
    figures,
    chart: pairedBarChart(S.pairedChart, S.pairedChartAlt, [S.seriesMaatwerk, S.seriesAvoided], perDomain, ctx.data.locale),
    whoPaysHeading: S.whoPays,
    whoPaysIntro: S.whoPaysIntro,
    whoPays: whoPaysTable(ctx),
    cashNote: fill(S.cashNote, { cash: ctx.money(effect('cash')), capacity: ctx.money(effect('capacity')), none: ctx.money(effect('none')) }),
    sensitivityHeading: S.sensitivity,
    sensitivityIntro: S.sensitivityIntro,
    ...sensitivityTables(ctx),
  };
}

/** Scenarios, the result without the largest case, and the avoided cost per confidence class. */
function sensitivityTables(ctx: SteeringContext): { sensitivity: TableModel; byConfidence: TableModel } {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const sens = sensitivity(
    ctx.funded.map((f) => ({ caseId: f.request.caseKey ?? f.request.id, comparison: f.request.comparison, maatwerkCost: f.cost.toFixed(2) })),
  );
  const row = (label: string, sc: { avoidedNet: string; netBenefit: string; ratio: string | null }) => [
    label, ctx.money(sc.avoidedNet), ctx.money(sc.netBenefit), sc.ratio === null ? ctx.L.none : ctx.money(sc.ratio),
  ];
  const rows = [
    row(S.scenarioLow, sens.scenarios.low),
    row(S.scenarioCentral, sens.scenarios.central),
    row(S.scenarioHigh, sens.scenarios.high),
  ];
  const w = sens.withoutLargestCase;
  if (w) {
    const label = w.shareOfAvoided === null ? S.scenarioWithoutLargestPlain : fill(S.scenarioWithoutLargest, { share: formatPercent(new Dec(w.shareOfAvoided), locale) });
    rows.push(row(label, w));
  }
  return {
    sensitivity: {
      columns: [
        { header: S.colScenario, align: 'left', weight: 4.4 },
        { header: S.avoidedCentral, align: 'right', weight: 2.4 },
        { header: S.colNetBenefit, align: 'right', weight: 2.4 },
        { header: S.ratio, align: 'right', weight: 2 },
      ],
      rows,
      emptyText: ctx.L.none,
    },
    byConfidence: {
      columns: [
        { header: S.colConfidenceClass, align: 'left', weight: 3 },
        { header: S.colLines, align: 'right', weight: 1.2 },
        { header: S.colBenefitRange, align: 'right', weight: 3.6 },
        { header: S.colBenefit, align: 'right', weight: 2.4 },
      ],
      rows: CONFIDENCES.map((c) => {
        const b = sens.byConfidence[c];
        return [ctx.L.confidence[c], formatCount(b.lines, locale), `${ctx.money(b.low)} – ${ctx.money(b.high)}`, ctx.money(b.central)];
      }),
      emptyText: ctx.L.none,
    },
  };
}

function whoPaysTable(ctx: SteeringContext): SteeringReportModel['comparison']['whoPays'] {
  const S = ctx.L.steering;
  const contributions = ctx.data.funds.flatMap((f) => f.contributions);
  const contributed = sumBy(contributions, (c) => c.organisationKind, (c) => c.amount);
  const bearers = ctx.funded.flatMap((f) => f.request.comparison.byBearer);
  const benefit = sumBy(bearers, (b) => b.bearer, (b) => b.net.central);
  const benefitLow = sumBy(bearers, (b) => b.bearer, (b) => b.net.low);
  const benefitHigh = sumBy(bearers, (b) => b.bearer, (b) => b.net.high);
  const labelOf = (kind: string) =>
    bearers.find((b) => b.bearer === kind)?.bearerLabel ?? ctx.L.organisationKind[kind] ?? kind;
  const kinds = [...new Set([...contributed.keys(), ...benefit.keys()])];
  const weights = kinds.map((k) => contributed.get(k)?.sum ?? new Dec(0));
  const shares = allocateLargestRemainder(roundMoney(ctx.totals.cost), weights);
  const rows = kinds.map((kind, i) => {
    const paid = shares[i];
    const gain = benefit.get(kind)?.sum ?? new Dec(0);
    const low = benefitLow.get(kind)?.sum ?? new Dec(0);
    const high = benefitHigh.get(kind)?.sum ?? new Dec(0);
    return { label: labelOf(kind), contribution: weights[i], paid, gain, low, high, balance: gain.minus(paid) };
  });
  rows.sort(byAmountDesc((r) => r.gain, (r) => r.label));
  const sum = (pick: (r: (typeof rows)[number]) => Dec) => rows.reduce((s, r) => s.plus(pick(r)), new Dec(0));
  return {
    columns: [
      { header: S.colParty, align: 'left', weight: 3 },
      { header: S.colContribution, align: 'right', weight: 2 },
      { header: S.colPaysShare, align: 'right', weight: 2 },
      { header: S.colBenefit, align: 'right', weight: 2 },
      { header: S.colBenefitRange, align: 'right', weight: 3.2 },
      { header: S.colBalance, align: 'right', weight: 2 },
    ],
    rows: rows.map((r) => [
      r.label, ctx.money(r.contribution), ctx.money(r.paid), ctx.money(r.gain), `${ctx.money(r.low)} – ${ctx.money(r.high)}`, ctx.money(r.balance),
    ]),
    totalRow: [
      S.total,
      ctx.money(sum((r) => r.contribution)),
      ctx.money(sum((r) => r.paid)),
      ctx.money(sum((r) => r.gain)),
      `${ctx.money(sum((r) => r.low))} – ${ctx.money(sum((r) => r.high))}`,
      ctx.money(sum((r) => r.balance)),
    ],
    emptyText: ctx.L.none,
  };
}

export function realisedSection(ctx: SteeringContext): SteeringReportModel['realised'] {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const followed = ctx.requests
    .filter((r) => r.realised)
    .map((r) => {
      const estimated = new Dec(r.realised?.estimated ?? 0);
      const realised = new Dec(r.realised?.realised ?? 0);
      return { title: r.title, estimated, realised, diff: realised.minus(estimated) };
    })
    .sort((a, b) => b.diff.abs().comparedTo(a.diff.abs()) || a.title.localeCompare(b.title, 'nl'));
  const estimated = followed.reduce((s, f) => s.plus(f.estimated), new Dec(0));
  const realised = followed.reduce((s, f) => s.plus(f.realised), new Dec(0));
  const shown = followed.slice(0, MAX_REALISED_ROWS);
  // what the follow-ups cover: moments due so far, recorded, overdue; goals reached per latest follow-up
  const moments = ctx.requests.flatMap((r) => r.followUps ?? []).filter((f) => f.state !== 'upcoming');
  const recorded = moments.filter((f) => f.state === 'recorded').length;
  const overdue = moments.filter((f) => f.state === 'overdue').length;
  const goals = ctx.requests.filter((r) => r.goalReached);
  const reached = goals.filter((r) => r.goalReached === 'yes').length;
  return {
    heading: S.realised,
    intro: S.realisedIntro,
    figures: [
      { label: S.withFollowUp, value: formatCount(followed.length, locale) },
      { label: S.estimated, value: ctx.money(estimated) },
      { label: S.actual, value: ctx.money(realised) },
      { label: S.realisation, value: estimated.isZero() ? ctx.L.none : formatPercent(shareOf(realised, estimated), locale) },
      {
        label: S.coverage,
        value: moments.length === 0 ? ctx.L.none : formatPercent(shareOf(recorded, moments.length), locale),
        note: coverageNote(S, locale, recorded, moments.length),
      },
      { label: S.overdueFollowUps, value: formatCount(overdue, locale), tone: overdue > 0 ? 'warning' : 'normal' },
      {
        label: S.goalsReached,
        value: goals.length === 0 ? ctx.L.none : formatPercent(shareOf(reached, goals.length), locale),
        note: goalsNote(S, locale, reached, goals.length),
      },
    ],
    table: {
      columns: [
        { header: S.colRequest, align: 'left', weight: 5 },
        { header: S.colEstimated, align: 'right', weight: 2.2 },
        { header: S.colActual, align: 'right', weight: 2.2 },
        { header: S.colDifference, align: 'right', weight: 2.2 },
      ],
      rows: shown.map((f) => [f.title, ctx.money(f.estimated), ctx.money(f.realised), ctx.money(f.diff)]),
      emptyText: S.noFollowUp,
    },
    more: moreRowsNote(S, locale, followed.length - shown.length),
    calibration: calibrationTables(ctx),
  };
}

/** A money string ("1234.56", "-0.50") as whole cents; anything else through Decimal. */
function centsOf(amount: string): bigint {
  if (/^-?\d+\.\d\d$/.test(amount)) return BigInt(amount.replace('.', ''));
  return BigInt(roundMoney(amount).times(100).toFixed(0));
}

/**
 * The calibration the decision page shows (follow-ups of the whole network), for the catalogue
 * items this report's requests use: factor and sample size, or "te weinig waarnemingen" below the
 * minimum sample; next to it this report's net avoided cost with the item, and that × the factor.
 */
function calibrationTables(ctx: SteeringContext): SteeringReportModel['realised']['calibration'] {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const cal = ctx.data.calibration ?? { minimumSample: CALIBRATION_MIN_SAMPLE, byItem: [], byOrganisation: [] };
  const min = cal.minimumSample;
  const tooFew = fill(S.calibrationTooFew, { min });
  // one row per catalogue key, labelled as its newest version used here
  const labels = new Map<string, string>();
  for (const i of [...ctx.data.catalogueItemsUsed].sort((a, b) => a.version - b.version)) labels.set(i.key, i.label);
  // Σ net per item over every line of the granted requests, in whole cents (exact, and at 10,000
  // requests a tenth of the time of a Decimal per line)
  const netByKey = new Map<string, bigint>();
  for (const f of ctx.funded) {
    for (const l of f.request.comparison.lines) netByKey.set(l.costItemKey, (netByKey.get(l.costItemKey) ?? 0n) + centsOf(l.net));
  }
  const keys = [...new Set([...labels.keys(), ...netByKey.keys()])].sort((a, b) => (labels.get(a) ?? a).localeCompare(labels.get(b) ?? b, 'nl'));
  const byKey = new Map(cal.byItem.map((c) => [c.costItemKey, c]));
  const factorText = (factor: string | null) => (factor === null ? tooFew : localiseNumber(new Dec(factor).toFixed(2), locale));
  const byOrganisation = cal.byOrganisation
    .filter((o) => labels.has(o.costItemKey) || netByKey.has(o.costItemKey))
    .sort((a, b) => (labels.get(a.costItemKey) ?? a.costItemKey).localeCompare(labels.get(b.costItemKey) ?? b.costItemKey, 'nl') || a.organisationName.localeCompare(b.organisationName, 'nl'));
  return {
    heading: S.calibration,
    intro: fill(S.calibrationIntro, { min }),
    byItem: {
      columns: [
        { header: S.colItem, align: 'left', weight: 5.8 },
        { header: S.colSample, align: 'right', weight: 1.5 },
        { header: S.colFactor, align: 'right', weight: 2.9 },
        { header: S.colNetReport, align: 'right', weight: 2.2 },
        { header: S.colCalibrated, align: 'right', weight: 1.9 },
      ],
      rows: keys.map((key) => {
        const c = byKey.get(key);
        const factor = c?.factor ?? null;
        const net = new Dec((netByKey.get(key) ?? 0n).toString()).dividedBy(100);
        const adjusted = calibrated(net.toFixed(2), factor);
        return [labels.get(key) ?? key, formatCount(c?.sample ?? 0, locale), factorText(factor), ctx.money(net), adjusted === null ? ctx.L.none : ctx.money(adjusted)];
      }),
      emptyText: ctx.L.none,
    },
    byOrganisationHeading: fill(S.calibrationByOrganisation, { min }),
    byOrganisation: {
      columns: [
        { header: S.colItem, align: 'left', weight: 4.6 },
        { header: S.colOrganisation, align: 'left', weight: 3.4 },
        { header: S.colSample, align: 'right', weight: 1.6 },
        { header: S.colFactor, align: 'right', weight: 1.6 },
      ],
      rows: byOrganisation.map((o) => [labels.get(o.costItemKey) ?? o.costItemKey, o.organisationName, formatCount(o.sample, locale), factorText(o.factor)]),
      emptyText: fill(S.calibrationNoOrganisation, { min }),
    },
  };
}

export function barriersSection(ctx: SteeringContext): SteeringReportModel['barriers'] {
  const S = ctx.L.steering;
  const bySubmission = [...ctx.requests].sort((a, b) => toDate(a.submittedAt).getTime() - toDate(b.submittedAt).getTime());
  const counts = new Map<string, { count: number; examples: string[] }>();
  for (const r of bySubmission) {
    for (const key of new Set(r.barriers)) {
      const entry = counts.get(key) ?? { count: 0, examples: [] };
      entry.count += 1;
      if (entry.examples.length < 2) entry.examples.push(truncateWords(r.title, 70));
      counts.set(key, entry);
    }
  }
  const top = [...counts]
    .map(([key, v]) => ({ label: ctx.barrier(key), ...v }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nl'))
    .slice(0, MAX_BARRIERS);
  return {
    heading: S.barriers,
    intro: S.barriersIntro,
    table: {
      columns: [
        { header: S.colBarrier, align: 'left', weight: 4 },
        { header: S.colCount, align: 'right', weight: 1.2 },
        { header: S.colExamples, align: 'left', weight: 5.5 },
      ],
      rows: top.map((b) => [b.label, formatCount(b.count, ctx.data.locale), b.examples.map((e) => `• ${e}`).join('\n')]),
      emptyText: S.noBarriers,
    },
  };
}

function quantityLabel(q: string, locale: SteeringContext['data']['locale']): string {
  return localiseNumber(new Dec(q).toString(), locale);
}

function vignette(ctx: SteeringContext, f: FundedRequest): Vignette {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const quote = truncateWords(f.request.justification, VIGNETTE_QUOTE_CHARS);
  const lines = [...f.request.comparison.lines].sort((a, b) => new Dec(b.expected).comparedTo(a.expected)).slice(0, 4);
  return {
    title: f.request.title,
    context: fill(S.lifeDomainBy, { domain: ctx.lifeDomain(f.request.lifeDomain), organisation: f.request.organisationName }),
    quote: locale === 'nl' ? `„${quote}”` : `“${quote}”`,
    figures: [
      { label: S.maatwerk, value: ctx.money(f.cost) },
      { label: S.avoidedCentral, value: ctx.money(f.central) },
      { label: S.range, value: `${ctx.money(f.low)} – ${ctx.money(f.high)}` },
      { label: S.netBenefit, value: ctx.money(f.net) },
      { label: S.ratio, value: ratioOrNone(ctx, ratioOf(f.central, f.cost)) },
    ],
    routeHeading: S.route,
    routeLines: lines.map((l) =>
      fill(S.routeLine, {
        quantity: quantityLabel(l.quantity, locale),
        label: l.label,
        probability: formatPercent(l.probability, locale, 0),
        expected: ctx.money(l.expected),
      }),
    ),
  };
}

export function vignettesSection(ctx: SteeringContext): SteeringReportModel['vignettes'] {
  const S = ctx.L.steering;
  const best = ctx.funded
    .filter((f) => f.net.greaterThan(0))
    .sort(byAmountDesc((f) => f.net, (f) => f.request.title))
    .slice(0, MAX_VIGNETTES);
  return { heading: S.vignettes, intro: S.vignettesIntro, items: best.map((f) => vignette(ctx, f)), emptyText: S.noVignettes };
}

export function appendixSection(ctx: SteeringContext): SteeringReportModel['appendix'] {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const top = [...ctx.requests]
    .sort((a, b) => new Dec(b.comparison.avoidedCostNet.central).comparedTo(a.comparison.avoidedCostNet.central) || a.title.localeCompare(b.title, 'nl'))
    .slice(0, MAX_APPENDIX_ROWS);
  const rows = top
    .map((r) => {
      const cost = roundMoney(maatwerkCost(r));
      const central = r.comparison.avoidedCostNet.central;
      return [
        r.title,
        ctx.lifeDomain(r.lifeDomain),
        ctx.L.status[r.status],
        ctx.money(cost),
        ctx.money(central),
        formatRatio(ratioOf(central, cost), ctx.data.locale),
      ];
    });
  return {
    heading: S.appendix,
    intro: S.appendixIntro,
    table: {
      columns: [
        { header: S.colRequest, align: 'left', weight: 5.2 },
        { header: S.colLifeDomain, align: 'left', weight: 2.4 },
        { header: S.colStatus, align: 'left', weight: 2 },
        { header: S.colAmount, align: 'right', weight: 2.1 },
        { header: S.colAvoided, align: 'right', weight: 2.3 },
        { header: S.colRatio, align: 'right', weight: 1.5 },
      ],
      rows,
      emptyText: S.noRequests,
    },
    note:
      ctx.requests.length > top.length
        ? fill(S.appendixTop, { shown: formatCount(top.length, locale), total: formatCount(ctx.requests.length, locale), file: APPENDIX_FILE })
        : null,
  };
}

/** One CSV field: quoted when it holds a separator, quote or line break; formula starts neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvOf(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The complete list of requests behind Appendix A, amounts as plain decimals (for a spreadsheet). */
export function requestsAttachment(ctx: SteeringContext): ReportAttachment {
  const rows = [...ctx.requests]
    .sort((a, b) => toDate(a.submittedAt).getTime() - toDate(b.submittedAt).getTime() || a.title.localeCompare(b.title, 'nl'))
    .map((r) => {
      const c = r.comparison;
      return [
        r.id, r.title, r.lifeDomain, r.status, r.organisationName, toDate(r.submittedAt).toISOString(),
        roundMoney(maatwerkCost(r)).toFixed(2), c.avoidedCost.central, c.avoidedCostNet.low, c.avoidedCostNet.central, c.avoidedCostNet.high, c.netBenefitNet,
      ];
    });
  return {
    name: APPENDIX_FILE,
    description: ctx.L.steering.appendix,
    csv: csvOf(
      ['id', 'title', 'life_domain', 'status', 'organisation', 'submitted_at', 'maatwerk_cost', 'avoided_gross_central', 'avoided_net_low', 'avoided_net_central', 'avoided_net_high', 'net_benefit_net'],
      rows,
    ),
  };
}

const CONFIDENCES: Confidence[] = ['high', 'medium', 'low'];

export function methodologySection(ctx: SteeringContext): SteeringReportModel['methodology'] {
  const S = ctx.L.steering;
  const locale = ctx.data.locale;
  const items = [...ctx.data.catalogueItemsUsed].sort(
    (a, b) => a.label.localeCompare(b.label, 'nl') || a.version - b.version,
  );
  // the unit price at the report's price level, as the comparisons used it
  const lines = ctx.requests.flatMap((r) => r.comparison.lines);
  const indexed = (key: string, version: number) => lines.find((l) => l.costItemKey === key && l.costItemVersion === version);
  const priceYear = ctx.requests[0]?.comparison.priceYear ?? toDate(ctx.data.generatedAt).getUTCFullYear();
  return {
    heading: S.methodology,
    // the formulas, then the values each fund uses in them
    paragraphs: [
      ...S.method,
      ...fundMethods(ctx).map(({ fund, method: m }) =>
        fill(S.methodSettings, {
          fund,
          deadweight: formatPercent(new Dec(m.deadweight), locale),
          attribution: formatPercent(new Dec(m.attribution), locale),
          dropOff: formatPercent(new Dec(m.dropOff), locale),
          rate: formatPercent(new Dec(m.discountRate), locale, 2),
          horizon: m.horizonYears,
        }),
      ),
    ],
    bandsHeading: S.bands,
    bands: {
      columns: [
        { header: S.colConfidence, align: 'left', weight: 3 },
        { header: S.colBand, align: 'right', weight: 2 },
      ],
      rows: CONFIDENCES.map((c) => [
        ctx.L.confidence[c],
        `± ${formatPercent(new Dec(ctx.data.confidenceBands[c]), locale, 0)}`,
      ]),
      emptyText: ctx.L.none,
    },
    cpiHeading: S.cpi,
    cpiNote: ctx.data.cpiNote,
    catalogueHeading: S.catalogue,
    catalogue: {
      columns: [
        { header: S.colItem, align: 'left', weight: 3.4 },
        { header: S.colSourceAmount, align: 'right', weight: 1.7 },
        { header: S.colPriceYear, align: 'right', weight: 1.2 },
        { header: fill(S.colIndexed, { year: priceYear }), align: 'right', weight: 1.7 },
        { header: S.colEffect, align: 'left', weight: 1.3 },
        { header: S.colConfidence, align: 'left', weight: 1.5 },
        { header: S.colSource, align: 'left', weight: 4.4 },
      ],
      rows: items.map((i) => {
        const line = indexed(i.key, i.version);
        return [
          `${i.label} (${i.key}, v${i.version})`,
          ctx.money(i.amount),
          i.priceYear === null ? S.unindexed : String(i.priceYear),
          line ? ctx.money(line.unitAmount) : ctx.L.none,
          line ? (S.effect[line.budgetEffect] ?? line.budgetEffect) : ctx.L.none,
          ctx.L.confidence[i.confidence],
          i.source,
        ];
      }),
      emptyText: ctx.L.none,
    },
    linksHeading: S.links,
    links: items.filter((i) => i.url).map((i) => ({ label: `${i.label} (${i.key})`, url: i.url as string })),
  };
}

