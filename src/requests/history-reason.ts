import type { Locale } from '../common/locale';
import { formatEuro } from '../common/money';

/** The words of coded history reasons (request_events.reason_code), Dutch and English. */
const REASON_TEXTS: Readonly<Record<string, readonly [string, string]>> = {
  'reason.created': ['aanvraag aangemaakt', 'request created'],
  'reason.submitted': ['ingediend', 'submitted'],
  'reason.resubmitted': ['opnieuw ingediend na vraag om informatie', 'submitted again after a request for information'],
  'reason.approved_second': ['akkoord (tweede akkoord)', 'approved (second approval)'],
  'reason.approved_single': ['akkoord (één budgethouder)', 'approved (one budget holder)'],
  'reason.withdrawn': ['ingetrokken door de aanvrager', 'withdrawn by the requester'],
  'reason.cancelled': ['geannuleerd', 'cancelled'],
  'reason.first_approval': ['eerste akkoord (1 van {needed})', 'first approval (1 of {needed})'],
  'reason.first_approval.comment': ['eerste akkoord (1 van {needed}): {comment}', 'first approval (1 of {needed}): {comment}'],
  'reason.within_mandate': ['Binnen mandaat: {amount} valt binnen het mandaat van de aanvrager ({mandate}).', 'Within mandate: {amount} is within the requester’s mandate ({mandate}).'],
  'reason.within_mandate.retro': ['achteraf geregistreerd: binnen mandaat, {amount} valt binnen het mandaat van de aanvrager ({mandate}).', 'registered afterwards: within mandate, {amount} is within the requester’s mandate ({mandate}).'],
  'reason.paid': ['betaald {amount}, referentie {reference}', 'paid {amount}, reference {reference}'],
  'reason.paid.released': ['betaald {amount}, referentie {reference}; rest van de reservering ({released}) vrijgegeven', 'paid {amount}, reference {reference}; the rest of the commitment ({released}) released'],
  'reason.paid.partial': ['deelbetaling {amount}, referentie {reference}; nog gereserveerd {remaining}', 'part payment {amount}, reference {reference}; still committed {remaining}'],
  'reason.paid.partialReleased': ['deelbetaling {amount}, referentie {reference}; rest van de reservering ({released}) vrijgegeven', 'part payment {amount}, reference {reference}; the rest of the commitment ({released}) released'],
  'reason.outcome': ['follow-up na {months} maanden; doel bereikt: {goal}', 'follow-up after {months} months; goal reached: {goal}'],
  'reason.goal.yes': ['ja', 'yes'],
  'reason.goal.partly': ['deels', 'partly'],
  'reason.goal.no': ['nee', 'no'],
  'reason.erased': ['verwijderd na bewaartermijn', 'removed after the retention period'],
};

const MONEY = new Set(['amount', 'mandate', 'released', 'remaining']);

const say = (lang: Locale, key: string, params: Record<string, string> = {}): string => {
  const entry = REASON_TEXTS[key];
  if (!entry) return key;
  let text = entry[lang === 'en' ? 1 : 0];
  for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(v);
  return text;
};

/**
 * A history reason in the reader's language, for the web pages and the justification PDF alike: a
 * coded reason (written by the system) from its code and parameters, money formatted per language;
 * text a person typed as it was typed, or a note that retention erased it (a coded reason is still
 * said from its code, without a typed comment).
 */
export function historyReason(
  h: { reason: string | null; reasonCode?: string | null; reasonParams?: Record<string, string> | null; reasonErasedAt?: string | Date | null },
  lang: Locale,
): string {
  if (!h.reasonCode) return h.reasonErasedAt ? say(lang, 'reason.erased') : h.reason ?? '';
  const p = h.reasonParams ?? {};
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) params[k] = MONEY.has(k) ? formatEuro(v, lang) : v;
  let key = `reason.${h.reasonCode}`;
  if (h.reasonCode === 'first_approval' && p.comment) key += '.comment';
  if (h.reasonCode === 'within_mandate' && p.retroactive === 'true') key += '.retro';
  if (h.reasonCode === 'paid') key += p.partial === 'true' ? (p.remaining ? '.partial' : '.partialReleased') : p.released ? '.released' : '';
  if (h.reasonCode === 'outcome') params.goal = say(lang, `reason.goal.${p.goal}`);
  return key in REASON_TEXTS ? say(lang, key, params) : h.reason ?? '';
}
