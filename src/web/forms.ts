import type { Locale } from '../common/locale';
import type { Type } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { createValidationPipe } from '../common/validation-pipe';

/** field name (dotted path, as the form names it) → message shown at the field and in the summary */
export type FieldErrors = Record<string, string>;

export class FormInvalid extends Error {
  constructor(readonly errors: FieldErrors) {
    super('form invalid');
  }
}

const pipe = createValidationPipe();

/** Validate a plain object with the same DTO class the JSON API uses; FormInvalid with field messages otherwise. */
export async function validateForm<T extends object>(dto: Type<T>, plain: Record<string, unknown>, lang: Locale): Promise<T> {
  try {
    return (await pipe.transform(plain, { type: 'body', metatype: dto })) as T;
  } catch (e) {
    if (e instanceof DomainError) throw new FormInvalid(fieldErrorsOf(e, lang));
    throw e;
  }
}

/** Field messages from a domain error that names fields; null when it names none. */
export function fieldErrorsOf(e: DomainError, lang: Locale): FieldErrors {
  const out: FieldErrors = {};
  for (const p of e.errors) {
    const field = p.location.replace(/^#\//, '').replace(/\//g, '.');
    out[field] ??= dutchMessage(field, p.code, p.detail, lang);
  }
  if (!e.errors.length) {
    const m = /^([a-zA-Z][\w.]*): /.exec(e.message);
    if (m) out[m[1]] = dutchMessage(m[1], e.code, e.message.slice(m[0].length), lang);
  }
  return out;
}

const NL: Record<string, string> = {
  title: 'Vul een titel in',
  justification: 'Vul een onderbouwing in',
  amount: 'Vul een bedrag in, bijvoorbeeld 3000,00 (hoger dan 0, hooguit 2 decimalen)',
  payee: 'Vul in aan wie betaald wordt',
  lifeDomain: 'Kies een levensdomein',
  caseId: 'Kies een casus',
  fundId: 'Kies een fonds',
  neighbourhood: 'Vul een wijk in',
  lifeDomains: 'Kies één of meer levensdomeinen',
  reason: 'Vul een reden in',
  question: 'Vul uw vraag in',
  reference: 'Vul de betaalreferentie in',
  email: 'Vul een geldig e-mailadres in',
  displayName: 'Vul een naam in',
  password: 'Kies een wachtwoord van minimaal 10 tekens',
  roles: 'Kies minstens één rol',
  organisationId: 'Kies een organisatie',
  mandate: 'Vul een bedrag in, bijvoorbeeld 250,00, of laat het leeg',
  name: 'Vul een naam in',
  periodStart: 'Vul een geldige datum in',
  periodEnd: 'Vul een geldige datum in die niet voor het begin ligt',
  'rules.requesterMandate': 'Vul een bedrag in (0 mag), niet hoger dan de grens voor één budgethouder',
  'rules.singleApproverLimit': 'Vul een bedrag hoger dan 0 in',
  'rules.personCapPerYear': 'Vul een bedrag hoger dan 0 in',
  'rules.urgentDecisionHours': 'Vul een aantal uren in van 1 tot 720',
  'rules.decisionWorkingDays': 'Vul een aantal werkdagen in van 1 tot 60',
  from: 'Vul een geldige datum in',
  to: 'Vul een geldige datum in, niet voor de begindatum',
  key: 'Gebruik kleine letters, cijfers en _ (bijvoorbeeld detentie_dag)',
  label: 'Vul een omschrijving in',
  labelEn: 'Vul een Engelse omschrijving in',
  unit: 'Vul een eenheid in, bijvoorbeeld "per dag"',
  source: 'Vul de bron in',
  priceYear: 'Vul een prijsjaar in (bijvoorbeeld 2025)',
  months: 'Kies een moment',
  goalReached: 'Geef aan of het doel is bereikt',
  debtorName: 'Vul de naam van de rekeninghouder in (hooguit 70 tekens)',
  debtorIban: 'Vul het IBAN van de gemeente in, bijvoorbeeld NL02 ABNA 0123 4567 89',
  debtorBic: 'Vul een BIC in van 8 of 11 letters en cijfers, of laat het veld leeg',
  executionDate: 'Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-04',
  iban: 'Vul een IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00',
};

/** Dutch text for a field problem; unknown fields keep the service's own words. */
function dutchMessage(field: string, code: string, detail: string, lang: Locale): string {
  if (lang === 'nl' && code === 'ABOVE_MANDATE') {
    const mandate = /mandate of (€ [\d.,]+)/.exec(detail)?.[1];
    return mandate
      ? `Dit bedrag is hoger dan uw mandaat van ${mandate}. Dien een gewone aanvraag in.`
      : 'Dit bedrag gaat boven het maximum per persoon van dit fonds. Dien een gewone aanvraag in.';
  }
  if (lang === 'nl' && code === 'PAY_EXCEEDS_COMMITMENT') return `Het bedrag is hoger dan wat nog gereserveerd staat (${detail.replace('at most', 'hooguit')}).`;
  if (lang === 'nl' && code === 'isDateInRange') return 'Vul een datum in tussen 1900 en 2200';
  if (lang === 'nl' && code === 'NUL_CHARACTER') return 'Dit veld bevat een ongeldig teken (NUL)';
  if (code === 'noBsn') return lang === 'nl' ? 'Dit lijkt een BSN te bevatten. Haal het weg: dit systeem werkt alleen met pseudoniemen.' : detail;
  if (lang === 'en') return detail;
  const route = /^conventionalRoute\.(\d+)\.(\w+)$/.exec(field);
  if (route) {
    const n = Number(route[1]) + 1;
    if (route[2] === 'quantity') return `Regel ${n}: vul een aantal in hoger dan 0 (hooguit 100000)`;
    if (route[2] === 'probability') return `Regel ${n}: vul een kans in van 0 tot 100%`;
    return `Regel ${n}: kies een kostenpost uit de catalogus`;
  }
  if (/^existingProvisions\./.test(field)) return 'Vul bij elke voorziening in welke het is en waarom die niet past';
  if (/^barriers/.test(field)) return 'Kies alleen systeemknelpunten uit de lijst';
  if (/^lines\./.test(field) || field === 'lines') return 'Geef voor elke kostenpost aan of die toch is gebeurd';
  if (code === 'isMoney' || field === 'amount') return NL.amount;
  return NL[field] ?? detail;
}

/** "3.000,00", "3000,5", "€ 3000" or "3000.50" → "3000.00"-style decimal string; other input passes through (and fails validation). */
export function moneyInput(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let s = raw.replace(/[€\s]/g, '');
  if (s === '') return '';
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return s;
}

/** "1,5" → "1.5"; other input passes through. */
export function decimalInput(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().replace(',', '.') : '';
}

/** A percentage as typed ("50", "12,5") → probability "0.5"; invalid input gives a value the service refuses. */
export function percentToProbability(raw: unknown): string {
  const s = decimalInput(raw);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return s === '' ? '' : 'x';
  const p = new Dec(s).dividedBy(100);
  return p.gt(1) ? 'x' : p.toDecimalPlaces(4).toString();
}

/** Probability "0.5" → "50" for the form. */
export function probabilityToPercent(p: string | null | undefined): string {
  if (!p) return '';
  try {
    return new Dec(p).times(100).toDecimalPlaces(2).toString();
  } catch {
    return '';
  }
}

/** A form checkbox list comes as undefined, a string or an array. */
export function asList(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export function text(raw: unknown): string {
  return typeof raw === 'string' ? raw : '';
}

/** Ordered list of (field, message) for the error summary at the top of a form. */
export function errorSummary(errors: FieldErrors): { field: string; id: string; message: string }[] {
  return Object.entries(errors).map(([field, message]) => ({ field, id: fieldId(field), message }));
}

/** The HTML id used for a field, so the summary can link to it. */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}
