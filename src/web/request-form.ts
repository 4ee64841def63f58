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
import { unitText } from './tier-reason';

const MIN_ROUTE_LINES = 1;
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
    // lines as sent, blank ones too (the user may just have added one); at least one to start with
    route: route.length ? route : pad([], MIN_ROUTE_LINES, blankLine),
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
      MIN_ROUTE_LINES,
      blankLine,
    ),
    reference: '',
  };
}

/**
 * The builder's own buttons ("Regel toevoegen", "Verwijder regel 3"): change the lines, save
 * nothing. Returns the anchor the page should scroll back to, or null for another action.
 */
export function applyLineAction(form: RequestForm, action: string): string | null {
  if (action === 'add-line') {
    if (form.route.length < MAX_ROUTE_LINES) form.route.push(blankLine());
    return `route-line-${form.route.length}`;
  }
  const m = /^remove-line-(\d+)$/.exec(action);
  if (!m) return null;
  const i = Number(m[1]);
  if (i >= 0 && i < form.route.length) form.route.splice(i, 1);
  if (!form.route.length) form.route.push(blankLine());
  return 'route';
}

export const MAX_LINES = MAX_ROUTE_LINES;

/** A catalogue item as the builder needs it. */
interface PickerItem {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: string;
  amount: Dec | string;
  priceYear: number | null;
  bearerLabelNl: string;
  kind: string;
}

/** Units that count days, hours or years: a quantity beyond one year of them is implausible. */
const YEAR_OF: { test: RegExp; max: number; unit: [string, string] }[] = [
  { test: /per (dag|etmaal)/, max: 366, unit: ['dagen', 'days'] },
  { test: /per uur/, max: 8784, unit: ['uren', 'hours'] },
  { test: /per jaar/, max: 1, unit: ['jaar', 'year'] },
];

/**
 * Choices that are probably a mistake, as warnings next to the comparison (nothing is refused):
 * an item meant for minors (a request for an adult is the usual case), or a quantity beyond what one
 * year of the unit holds.
 */
export function routeWarnings(form: RequestForm, items: PickerItem[], lang: Locale): { line: number; text: string }[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const out: { line: number; text: string }[] = [];
  form.route.forEach((l, i) => {
    const item = byKey.get(l.costItemKey);
    if (!item) return;
    const label = lang === 'en' ? item.labelEn : item.labelNl;
    if (/juvenile|minderjarig|jeugd/i.test(`${item.key} ${item.labelNl}`)) {
      out.push({ line: i + 1, text: translate(lang, 'req.warn.juvenile', { n: i + 1, label }) });
    }
    const limit = YEAR_OF.find((y) => y.test.test(item.unit));
    if (limit && quantityAbove(decimalInput(l.quantity), limit.max)) {
      out.push({ line: i + 1, text: translate(lang, 'req.warn.quantity', { n: i + 1, label, max: limit.max, unit: limit.unit[lang === 'en' ? 1 : 0] }) });
    }
  });
  return out;
}

/** Whether a typed quantity is a number above `max` (unparseable input is the validators' business). */
function quantityAbove(input: string, max: number): boolean {
  try {
    return new Dec(input).gt(max);
  } catch {
    return false;
  }
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

function itemLabel(i: PickerItem, lang: Locale): string {
  const year = i.priceYear ? translate(lang, 'req.route.priceYear', { year: i.priceYear }) : translate(lang, 'req.route.noYear');
  return `${lang === 'en' ? i.labelEn : i.labelNl} — ${formatEuro(i.amount, lang)} ${unitText(i.unit, lang)} (${year})`;
}

/** The catalogue grouped by kind (fiscal, societal) and bearer, each group sorted by label. */
function itemGroups(items: PickerItem[], lang: Locale): { label: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<string, { label: string; options: { value: string; label: string; sort: string }[] }>();
  for (const i of items) {
    const id = `${i.kind}|${i.bearerLabelNl}`;
    const label = `${translate(lang, `admin.cat.kind.${i.kind}`)} — ${i.bearerLabelNl}`;
    if (!groups.has(id)) groups.set(id, { label, options: [] });
    groups.get(id)!.options.push({ value: i.key, label: itemLabel(i, lang), sort: lang === 'en' ? i.labelEn : i.labelNl });
  }
  return [...groups.values()]
    .sort((a, b) => a.label.localeCompare(b.label, lang))
    .map((g) => ({ label: g.label, options: g.options.sort((a, b) => a.sort.localeCompare(b.sort, lang)).map(({ value, label }) => ({ value, label })) }));
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
      itemOptions: items.map((i) => ({ value: i.key, label: itemLabel(i, lang) })),
      itemGroups: itemGroups(items, lang),
      catalogue: items,
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
