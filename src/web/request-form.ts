import type { Locale } from '../common/locale';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { LIFE_DOMAINS } from '../cases/life-domains';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Dec, formatEuro } from '../common/money';
import type { Comparison } from '../cost-comparison/comparison.types';
import { BarriersService } from '../cost-comparison/barriers.service';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { CostItemsService } from '../cost-comparison/cost-items.service';
import { FundsService } from '../funds/funds.service';
import { calendarYear } from '../common/dutch-time';
import { PROVISION_REASONS, RequestDto } from '../requests/request.dto';
import { asList, decimalInput, FieldErrors, fieldErrorsOf, moneyInput, percentToProbability, probabilityToPercent, text } from './forms';
import { translate } from './i18n';

const MIN_ROUTE_LINES = 4;
const MAX_ROUTE_LINES = 30;
const PROVISION_LINES = 2;

export interface RouteLineForm {
  costItemKey: string;
  quantity: string;
  percent: string;
  note: string;
}

export interface ProvisionForm {
  provision: string;
  reason: string;
  note: string;
}

/** The request form as typed (strings kept as entered, so a re-render shows exactly what was sent). */
export interface RequestForm {
  caseId: string;
  fundId: string;
  title: string;
  amount: string;
  payee: string;
  lifeDomain: string;
  urgent: boolean;
  justification: string;
  residentWish: string;
  barriers: string[];
  provisions: ProvisionForm[];
  route: RouteLineForm[];
  reference: string;
}

/** Form inputs may arrive as arrays or, past qs' array limit, as objects keyed by index. */
function rows(raw: unknown): Record<string, unknown>[] {
  if (!raw || typeof raw !== 'object') return [];
  const list = Array.isArray(raw) ? raw : Object.keys(raw).sort((a, b) => Number(a) - Number(b)).map((k) => (raw as Record<string, unknown>)[k]);
  return list.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object').slice(0, MAX_ROUTE_LINES);
}

function pad<T>(list: T[], min: number, blank: () => T): T[] {
  const out = [...list];
  while (out.length < min) out.push(blank());
  return out;
}

const blankLine = (): RouteLineForm => ({ costItemKey: '', quantity: '', percent: '', note: '' });
const blankProvision = (): ProvisionForm => ({ provision: '', reason: '', note: '' });

export function emptyRequestForm(caseId = '', fundId = ''): RequestForm {
  return {
    caseId, fundId, title: '', amount: '', payee: '', lifeDomain: '', urgent: false, justification: '', residentWish: '',
    barriers: [], provisions: pad([], PROVISION_LINES, blankProvision), route: pad([], MIN_ROUTE_LINES, blankLine), reference: '',
  };
}

export function requestFormFromBody(body: Record<string, unknown>): RequestForm {
  const route = rows(body.conventionalRoute).map((r) => ({ costItemKey: text(r.costItemKey), quantity: text(r.quantity), percent: text(r.percent), note: text(r.note) }));
  const provisions = rows(body.existingProvisions).map((p) => ({ provision: text(p.provision), reason: text(p.reason), note: text(p.note) }));
  const used = route.filter((l) => l.costItemKey || l.quantity || l.percent);
  return {
    caseId: text(body.caseId),
    fundId: text(body.fundId),
    title: text(body.title),
    amount: text(body.amount),
    payee: text(body.payee),
    lifeDomain: text(body.lifeDomain),
    urgent: body.urgent === 'true',
    justification: text(body.justification),
    residentWish: text(body.residentWish),
    barriers: asList(body.barriers),
    provisions: pad(provisions.slice(0, PROVISION_LINES), PROVISION_LINES, blankProvision),
    route: pad(route, Math.min(MAX_ROUTE_LINES, Math.max(MIN_ROUTE_LINES, used.length + 1)), blankLine),
    reference: text(body.reference),
  };
}

export function requestFormFromDto(r: RequestDto): RequestForm {
  const comparison = r.comparison as Comparison;
  return {
    caseId: r.caseId ?? '',
    fundId: r.fundId,
    title: r.title,
    amount: r.amount.replace('.', ','),
    payee: r.payee ?? '',
    lifeDomain: r.lifeDomain,
    urgent: r.urgent,
    justification: r.justification,
    residentWish: r.residentWish,
    barriers: r.barriers,
    provisions: pad(r.existingProvisions.map((p) => ({ provision: p.provision, reason: p.reason, note: p.note ?? '' })), PROVISION_LINES, blankProvision),
    route: pad(
      comparison.lines.map((l) => ({ costItemKey: l.costItemKey, quantity: l.quantity.replace('.', ','), percent: probabilityToPercent(l.probability).replace('.', ','), note: l.note ?? '' })),
      Math.max(MIN_ROUTE_LINES, comparison.lines.length + 1),
      blankLine,
    ),
    reference: '',
  };
}

/**
 * The form as the JSON API's DTO expects it, plus the position of each sent route line in the form
 * (blank lines are left out, so `conventionalRoute.1` may be the form's third line).
 */
export function requestPlain(form: RequestForm): { plain: Record<string, unknown>; routeIndex: number[] } {
  const routeIndex: number[] = [];
  const conventionalRoute = form.route
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.costItemKey || l.quantity.trim() || l.percent.trim())
    .map(({ l, i }) => {
      routeIndex.push(i);
      return { costItemKey: l.costItemKey, quantity: decimalInput(l.quantity), probability: percentToProbability(l.percent), ...(l.note.trim() ? { note: l.note } : {}) };
    });
  const plain: Record<string, unknown> = {
    caseId: form.caseId,
    fundId: form.fundId,
    title: form.title,
    justification: form.justification,
    amount: moneyInput(form.amount),
    payee: form.payee,
    lifeDomain: form.lifeDomain,
    urgent: form.urgent,
    barriers: form.barriers,
    existingProvisions: form.provisions
      .filter((p) => p.provision.trim() || p.note.trim())
      .map((p) => ({ provision: p.provision, reason: p.reason, ...(p.note.trim() ? { note: p.note } : {}) })),
    residentWish: form.residentWish,
    conventionalRoute,
  };
  return { plain, routeIndex };
}

/** Route errors name the sent line; point them at the form's line instead. */
export function remapRouteErrors(errors: FieldErrors, routeIndex: number[], lang: Locale): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const m = /^conventionalRoute\.(\d+)\.(\w+)$/.exec(field);
    if (!m) {
      out[field] = message;
      continue;
    }
    const line = routeIndex[Number(m[1])] ?? Number(m[1]);
    const fixed = lang === 'nl' ? message.replace(/^Regel \d+/, `Regel ${line + 1}`) : message;
    out[`conventionalRoute.${line}.${m[2] === 'probability' ? 'percent' : m[2]}`] = fixed;
  }
  return out;
}

/** Options and look-ups the request form needs, loaded through the owning services. */
@Injectable()
export class RequestFormSupport {
  constructor(
    private readonly cases: CasesService,
    private readonly funds: FundsService,
    private readonly items: CostItemsService,
    private readonly barriers: BarriersService,
    private readonly costs: CostComparisonService,
    private readonly clock: Clock,
  ) {}

  async options(user: AuthUser, lang: Locale) {
    const [cases, funds, items, barriers] = await Promise.all([
      this.cases.list(user, { status: 'open', limit: 100 }),
      this.funds.list(200),
      this.items.list(),
      this.barriers.listActive(),
    ]);
    return {
      caseOptions: cases.items.map((c) => ({ value: c.id, label: `${c.code} — ${c.neighbourhood}` })),
      fundOptions: funds.items.map((f) => ({ value: f.fund.id, label: f.fund.name })),
      itemOptions: items
        .slice()
        .sort((a, b) => a.labelNl.localeCompare(b.labelNl, 'nl'))
        .map((i) => ({ value: i.key, label: `${lang === 'en' ? i.labelEn : i.labelNl} — ${formatEuro(i.amount, lang)} ${i.unit} (${i.bearerLabelNl})` })),
      barrierOptions: barriers.map((b) => ({ value: b.key, label: lang === 'en' ? b.labelEn : b.labelNl })),
      domainOptions: LIFE_DOMAINS.map((d) => ({ value: d, label: translate(lang, `domain.${d}`) })),
      reasonOptions: PROVISION_REASONS.map((r) => ({ value: r, label: translate(lang, `provision.${r}`) })),
    };
  }

  async barrierLabels(lang: Locale): Promise<Record<string, string>> {
    return Object.fromEntries((await this.barriers.listActive()).map((b) => [b.key, lang === 'en' ? b.labelEn : b.labelNl]));
  }

  /**
   * "Bereken vergelijking": price the route as entered and compare it with the amount, without
   * saving anything. The same pricing and comparison code the stored request will use.
   */
  async preview(form: RequestForm, lang: Locale): Promise<{ comparison: Comparison | null; errors: FieldErrors }> {
    const { plain, routeIndex } = requestPlain(form);
    const errors: FieldErrors = {};
    const amount = String(plain.amount);
    let maatwerk = new Dec(0);
    if (/^\d{1,10}(\.\d{1,2})?$/.test(amount)) maatwerk = new Dec(amount);
    else errors.amount = translate(lang, 'req.amount.invalid');
    const lines = plain.conventionalRoute as { costItemKey: string; quantity: string; probability: string; note?: string }[];
    try {
      const priced = await this.costs.priceRoute(lines, calendarYear(this.clock.now()));
      // the fund's method applies once a fund is chosen; an unparsable id falls back to the defaults
      const fundId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(form.fundId) ? form.fundId : null;
      const comparison = await this.costs.compare({ maatwerkCost: maatwerk, priceYear: calendarYear(this.clock.now()), fundId, lines: priced }, lang);
      return { comparison, errors };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { comparison: null, errors: { ...errors, ...remapRouteErrors(fieldErrorsOf(e, lang), routeIndex, lang) } };
    }
  }
}
