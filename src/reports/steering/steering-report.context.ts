/**
 * Shared, precomputed view of the steering data for the section builders.
 */
import { Dec, roundMoney } from '../../common/money';
import type { ReportRequest, SteeringReportData } from '../report-data.types';
import { formatMoney } from '../report-format';
import { labelsFor, type ReportLabels } from '../report-i18n';
import { isFunded, maatwerkCost } from './report-stats';

/**
 * A funded request as the report counts it. low/central/high are the NET avoided cost (after
 * deadweight, attribution and drop-off, discounted): the basis of every figure in the report;
 * grossCentral is the requester's uncorrected estimate, shown beside it once.
 */
export interface FundedRequest {
  request: ReportRequest;
  cost: Dec;
  low: Dec;
  central: Dec;
  high: Dec;
  grossCentral: Dec;
  /** central (net avoided) − cost */
  net: Dec;
}

export interface SteeringContext {
  data: SteeringReportData;
  L: ReportLabels;
  /** requests in the period, drafts left out */
  requests: ReportRequest[];
  funded: FundedRequest[];
  /** net basis; gross: the uncorrected estimate; fiscal/societal net; cash: the net part that frees money */
  totals: { cost: Dec; low: Dec; central: Dec; high: Dec; fiscal: Dec; societal: Dec; gross: { low: Dec; central: Dec; high: Dec }; cash: Dec };
  money: (v: Dec | string) => string;
  lifeDomain: (key: string) => string;
  barrier: (key: string) => string;
}

export function steeringContext(data: SteeringReportData): SteeringContext {
  const L = labelsFor(data.locale);
  const requests = data.requests.filter((r) => r.status !== 'draft');
  const funded = requests.filter(isFunded).map((request): FundedRequest => {
    const cost = roundMoney(maatwerkCost(request));
    const net = request.comparison.avoidedCostNet;
    const central = new Dec(net.central);
    return {
      request,
      cost,
      central,
      low: new Dec(net.low),
      high: new Dec(net.high),
      grossCentral: new Dec(request.comparison.avoidedCost.central),
      net: central.minus(cost),
    };
  });
  const sum = (pick: (f: FundedRequest) => Dec) => funded.reduce((s, f) => s.plus(pick(f)), new Dec(0));
  const sumKind = (kind: 'fiscal' | 'societal') =>
    funded.reduce((s, f) => s.plus(f.request.comparison.avoidedNetByKind[kind].central), new Dec(0));
  const sumGross = (pick: (r: { low: string; central: string; high: string }) => string) =>
    funded.reduce((s, f) => s.plus(pick(f.request.comparison.avoidedCost)), new Dec(0));
  return {
    data,
    L,
    requests,
    funded,
    totals: {
      cost: sum((f) => f.cost),
      low: sum((f) => f.low),
      central: sum((f) => f.central),
      high: sum((f) => f.high),
      fiscal: sumKind('fiscal'),
      societal: sumKind('societal'),
      gross: { low: sumGross((r) => r.low), central: sumGross((r) => r.central), high: sumGross((r) => r.high) },
      cash: funded.reduce((s, f) => s.plus(f.request.comparison.avoidedNetByBudgetEffect.cash.central), new Dec(0)),
    },
    money: (v) => formatMoney(v, data.locale),
    lifeDomain: (key) => data.lifeDomainLabels[key] ?? key,
    barrier: (key) => data.barrierLabels[key] ?? key,
  };
}
