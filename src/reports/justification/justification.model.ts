/**
 * Pure model builder of the one-page justification of a single request, for the file.
 * Unlike the steering report it names the case pseudonym, the requester and the approvers.
 */
import { Dec } from '../../common/money';
import type { ComparisonLine } from '../../cost-comparison/comparison.types';
import type { JustificationData, ReportCatalogueItem } from '../report-data.types';
import { fill, formatDate, formatDateTime, formatHours, formatMoney, formatPercent, localiseNumber } from '../report-format';
import { hoursBetween } from '../steering/report-stats';
import { labelsFor } from '../report-i18n';
import type { JustificationModel, LabelValue } from '../report-model.types';

/** "a", "a en b", "a, b en c" (English: "a, b and c"). */
export function listText(items: readonly string[], locale: 'nl' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${locale === 'en' ? 'and' : 'en'} ${items[items.length - 1]}`;
}

function sourceOf(items: ReportCatalogueItem[], line: ComparisonLine): ReportCatalogueItem | undefined {
  return (
    items.find((i) => i.key === line.costItemKey && i.version === line.costItemVersion) ??
    items.find((i) => i.key === line.costItemKey)
  );
}

export function buildJustificationModel(data: JustificationData): JustificationModel {
  const L = labelsFor(data.locale);
  const J = L.justification;
  const locale = data.locale;
  const { request: r, comparison: c } = data;
  const money = (v: Dec | string) => formatMoney(v, locale);
  const generated = formatDateTime(data.generatedAt, locale);
  // an empty text of a case whose narratives retention erased says so instead of staying blank
  const narrative = (text: string): string => (text === '' && r.narrativesErased ? J.reasonErased : text);

  const what: LabelValue[] = [
    { label: J.amount, value: money(r.amount) },
    { label: J.payee, value: r.payee },
    { label: J.lifeDomain, value: data.lifeDomainLabels[r.lifeDomain] ?? r.lifeDomain },
    {
      label: J.urgent,
      value: r.urgent
        ? r.decisionDue ? fill(J.urgentYes, { due: formatDateTime(r.decisionDue, locale) }) : L.yes
        : L.no,
    },
    { label: J.fund, value: r.fundName },
  ];
  const process: LabelValue[] = [
    { label: J.status, value: L.status[r.status] },
    { label: J.tier, value: L.tier[r.tier] },
    { label: J.requester, value: `${r.requesterName}, ${r.organisationName}` },
    { label: J.submitted, value: formatDateTime(r.submittedAt, locale) },
  ];

  // Number the sources in order of first use so the route table can refer to them as [n].
  const sources: ReportCatalogueItem[] = [];
  const refOf = (line: ComparisonLine): string => {
    const item = sourceOf(data.catalogueItems, line);
    if (!item) return '';
    if (!sources.includes(item)) sources.push(item);
    return ` [${sources.indexOf(item) + 1}]`;
  };
  // Gross (the requester's estimate) and net (after deadweight, attribution and drop-off) per line;
  // a line over several years also shows its years and one year's expected cost.
  const multiYear = c.lines.some((l) => (l.yearsCounted ?? 1) > 1);
  const routeRows = c.lines.map((line) => [
    `${line.label}${refOf(line)}`,
    line.bearerLabel,
    `${money(line.unitAmount)} ${line.unit}`,
    localiseNumber(new Dec(line.quantity).toString(), locale),
    formatPercent(line.probability, locale, 0),
    ...(multiYear
      ? [
          line.yearsCounted === line.years ? String(line.years) : fill(J.yearsOf, { counted: line.yearsCounted, years: line.years }),
          money(line.expected),
        ]
      : []),
    money(line.gross),
    money(line.net),
  ]);
  const unindexed = c.lines.filter((l) => l.unindexed).map((l) => l.label);
  const pct = (v: string, decimals = 1) => formatPercent(new Dec(v), locale, decimals);
  const ownShares = c.lines
    .filter((l) => !l.defaultShares)
    .map((l) => fill(J.ownShares, { label: l.label, deadweight: pct(l.deadweight), attribution: pct(l.attribution) }));
  const headline = fill(multiYear ? J.headlineMulti : J.headline, {
    deadweight: pct(c.method.deadweight),
    attribution: pct(c.method.attribution),
    dropOff: pct(c.method.dropOff),
    rate: pct(c.method.discountRate, 2),
    horizon: c.method.horizonYears,
  });

  return {
    meta: {
      title: `${J.title}: ${r.title}`,
      subject: fill(J.subject, { title: r.title }),
      author: L.author,
      lang: L.lang,
      headerTitle: J.title,
      headerFund: `${r.fundName} · ${r.caseCode}`,
      footerLeft: fill(L.footerLeft, { generated }),
      pageOf: L.pageOf,
    },
    title: J.title,
    requestTitle: r.title,
    what: { heading: J.what, facts: what },
    process,
    forWhom: {
      heading: J.forWhom,
      facts: [
        { label: J.caseCode, value: r.caseCode },
        { label: J.neighbourhood, value: r.neighbourhood },
        { label: J.wish, value: narrative(r.residentWish) },
      ],
    },
    why: {
      heading: J.why,
      justification: narrative(r.justification),
      barriers: r.barriers.length
        ? { label: J.barriers, value: r.barriers.map((b) => data.barrierLabels[b] ?? b).join(' · ') }
        : null,
    },
    provisions: {
      heading: J.provisions,
      table: {
        columns: [
          { header: J.colProvision, align: 'left', weight: 3 },
          { header: J.colReason, align: 'left', weight: 7 },
        ],
        rows: r.existingProvisions.map((p) => [p.provision, p.reason]),
        emptyText: J.noProvisions,
      },
    },
    route: {
      heading: J.route,
      priceYear: fill(J.priceYear, { year: c.priceYear }),
      table: {
        columns: [
          { header: J.colItem, align: 'left', weight: multiYear ? 5.3 : 6.3 },
          { header: J.colBearer, align: 'left', weight: 1.9 },
          { header: J.colUnit, align: 'right', weight: 2 },
          { header: J.colQuantity, align: 'right', weight: 0.9 },
          { header: J.colProbability, align: 'right', weight: 0.9 },
          ...(multiYear
            ? [
                { header: J.colYears, align: 'right' as const, weight: 0.9 },
                { header: J.colPerYear, align: 'right' as const, weight: 1.7 },
              ]
            : []),
          { header: J.colGross, align: 'right', weight: 1.7 },
          { header: J.colNet, align: 'right', weight: 1.7 },
        ],
        rows: routeRows,
        totalRow: [J.avoidedTotal, '', '', '', '', ...(multiYear ? ['', ''] : []), money(c.avoidedCost.central), money(c.avoidedCostNet.central)],
        emptyText: J.noRoute,
      },
      // the headline is net, as in the steering report; the requester's gross estimate beside it
      figures: [
        { label: J.maatwerk, value: money(c.maatwerkCost) },
        { label: J.avoidedNet, value: money(c.avoidedCostNet.central) },
        { label: J.rangeNet, value: `${money(c.avoidedCostNet.low)} – ${money(c.avoidedCostNet.high)}` },
        { label: J.netBenefit, value: money(c.netBenefitNet), tone: new Dec(c.netBenefitNet).greaterThan(0) ? 'positive' : 'warning' },
        { label: J.ratio, value: c.ratioNet === null ? L.none : money(c.ratioNet) },
      ],
      gross: { label: J.avoidedGross, value: `${money(c.avoidedCost.central)} (${fill(J.netBenefitGross, { amount: money(c.netBenefit) })})` },
      headline,
      notes: [
        ...c.priceNotes,
        ...(unindexed.length ? [fill(J.unindexedList, { items: listText(unindexed, locale) })] : []),
        ...ownShares,
      ],
      sourcesHeading: J.sources,
      sources: sources.map((s, i) => {
        const year = s.priceYear === null ? L.steering.unindexed : String(s.priceYear);
        return `[${i + 1}] ${s.label} (${money(s.amount)}, ${year}; ${L.confidence[s.confidence].toLowerCase()}): ${s.source}${s.url ? ` ${s.url}` : ''}`;
      }),
    },
    decision: {
      heading: J.decision,
      summary: decisionSummary(data),
      approvals: {
        columns: [
          { header: J.colAt, align: 'left', weight: 2.2 },
          { header: J.colApprover, align: 'left', weight: 2.4 },
          { header: J.colOrganisation, align: 'left', weight: 2.4 },
          { header: J.colComment, align: 'left', weight: 5.8 },
        ],
        rows: data.approvals.map((a) => [formatDateTime(a.at, locale), a.approverName, a.organisationName, a.comment ?? (r.narrativesErased ? J.reasonErased : L.none)]),
        emptyText: J.noApprovals,
      },
      history: {
        columns: [
          { header: J.colAt, align: 'left', weight: 2.2 },
          { header: J.colActor, align: 'left', weight: 3.8 },
          { header: J.colTransition, align: 'left', weight: 3.2 },
          { header: J.colWhy, align: 'left', weight: 5.6 },
        ],
        rows: data.history.map((h) => [
          formatDateTime(h.at, locale),
          fill(J.byActor, { name: h.actorName, role: h.actorRole }),
          h.from ? `${L.status[h.from]} → ${L.status[h.to]}` : L.status[h.to],
          h.reasonErased ? J.reasonErased : (h.reason ?? L.none),
        ]),
        emptyText: L.none,
      },
    },
    payments: {
      heading: J.payments,
      table: {
        columns: [
          { header: J.colDate, align: 'left', weight: 3 },
          { header: J.colReference, align: 'left', weight: 5 },
          { header: J.colAmount, align: 'right', weight: 2.5 },
        ],
        rows: data.payments.map((p) => [formatDate(p.at, locale), p.reference, money(p.amount)]),
        totalRow: data.payments.length
          ? [J.totalPaid, '', money(data.payments.reduce((s, p) => s.plus(p.amount), new Dec(0)))]
          : undefined,
        emptyText: J.noPayments,
      },
    },
  };
}

/** The decision at a glance: who decided when and why, on time or late, the money, and the evaluation. */
function decisionSummary(data: JustificationData): LabelValue[] {
  const { locale } = data;
  const L = labelsFor(locale);
  const J = L.justification;
  const r = data.request;
  const money = (v: string) => formatMoney(v, locale);
  const decided = [...data.history].reverse().find((h) => h.to === 'approved' || h.to === 'rejected');
  const out: LabelValue[] = [];
  if (!decided) {
    out.push({ label: J.decidedBy, value: J.notDecided });
  } else {
    const approval = data.approvals.find((a) => a.approverName === decided.actorName);
    const name = approval ? `${decided.actorName} (${approval.organisationName})` : decided.actorName;
    out.push({ label: J.decidedBy, value: fill(J.decidedValue, { decision: L.status[decided.to].toLowerCase(), name, at: formatDateTime(decided.at, locale) }) });
    const comment = data.approvals[data.approvals.length - 1]?.comment;
    const reason = decided.reasonErased ? J.reasonErased : (decided.reason ?? (decided.to === 'approved' ? comment : null));
    if (reason) out.push({ label: J.decisionReason, value: reason });
    let timing = J.noDeadline;
    if (r.decisionDue) {
      const due = formatDateTime(r.decisionDue, locale);
      const late = hoursBetween(r.decisionDue, decided.at);
      timing = late > 0 ? fill(J.lateValue, { late: formatHours(late, locale), due }) : fill(J.onTimeValue, { due });
    }
    out.push({ label: J.onTime, value: timing });
  }
  const paid = data.payments.reduce((s, p) => s.plus(p.amount), new Dec(0));
  out.push({ label: J.reservedPaid, value: `${money(r.committedAmount ?? '0.00')} / ${money(paid.toFixed(2))}` });
  if (data.nextFollowUp) {
    out.push({ label: J.evaluationDue, value: fill(J.evaluationValue, { months: data.nextFollowUp.months, date: formatDate(data.nextFollowUp.dueDate, locale) }) });
  }
  const last = data.outcomes?.[data.outcomes.length - 1];
  if (last) {
    const text = fill(J.followUpValue, { months: last.months, goal: J.goal[last.goalReached] ?? last.goalReached });
    out.push({ label: J.followUp, value: last.note ? `${text}. ${last.note}` : text });
  }
  return out;
}
