/**
 * Shared, precomputed view of the steering data for the section builders.
 */
import { Dec, roundMoney } from '../../common/money';
import type { ReportRequest, SteeringReportData } from '../report-data.types';
import { formatMoney } from '../report-format';
import { labelsFor, type ReportLabels } from '../report-i18n';
import { isFunded, maatwerkCost } from './report-stats';

export interface FundedRequest {
  request: ReportRequest;
  cost: Dec;
  low: Dec;
  central: Dec;
  high: Dec;
  net: Dec;
}

export interface SteeringContext {
  data: SteeringReportData;
  L: ReportLabels;
  /** requests in the period, drafts left out */
  requests: ReportRequest[];
  funded: FundedRequest[];
  totals: { cost: Dec; low: Dec; central: Dec; high: Dec; fiscal: Dec; societal: Dec };
  money: (v: Dec | string) => string;
  lifeDomain: (key: string) => string;
  barrier: (key: string) => string;
}

export function steeringContext(data: SteeringReportData): SteeringContext {
  const L = labelsFor(data.locale);
  const requests = data.requests.filter((r) => r.status !== 'draft');
  const funded = requests.filter(isFunded).map((request): FundedRequest => {
    const cost = roundMoney(maatwerkCost(request));
    const central = new Dec(request.comparison.avoidedCost.central);
    return {
      request,
      cost,
      central,
      low: new Dec(request.comparison.avoidedCost.low),
      high: new Dec(request.comparison.avoidedCost.high),
      net: central.minus(cost),
    };
  });
  const sum = (pick: (f: FundedRequest) => Dec) => funded.reduce((s, f) => s.plus(pick(f)), new Dec(0));
  const sumKind = (kind: 'fiscal' | 'societal') =>
    funded.reduce((s, f) => s.plus(f.request.comparison.avoidedByKind[kind].central), new Dec(0));
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
    },
    money: (v) => formatMoney(v, data.locale),
    lifeDomain: (key) => data.lifeDomainLabels[key] ?? key,
    barrier: (key) => data.barrierLabels[key] ?? key,
  };
}
