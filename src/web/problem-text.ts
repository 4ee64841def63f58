import { formatDateTime } from '../common/dutch-time';
import type { Locale } from '../common/locale';
import { formatEuro } from '../common/money';
import { PAYMENT_PROBLEMS, ProblemHelpers } from '../payments/payments.i18n';
import { translate } from './i18n';

/**
 * Dutch words for the domain errors a user can run into in the UI (the services speak English in
 * their messages, which the API keeps). Unknown codes fall back to the service's message.
 */
const NL: Record<string, string> = {
  'LEDGER.INSUFFICIENT_FUNDS': 'Het fonds heeft niet genoeg geld beschikbaar voor deze aanvraag. Er is niets gewijzigd.',
  'REQUEST.ILLEGAL_TRANSITION': 'Dit kan niet in de huidige status van de aanvraag. Misschien heeft iemand anders er net over besloten; laad de pagina opnieuw.',
  'REQUEST.OWN_REQUEST': 'U kunt niet over uw eigen aanvraag beslissen (vier-ogenprincipe).',
  'REQUEST.ALREADY_APPROVED_BY_YOU': 'U heeft deze aanvraag al goedgekeurd; het tweede akkoord moet van iemand anders komen.',
  'REQUEST.ALREADY_APPROVED': 'Deze aanvraag heeft al alle akkoorden die nodig zijn.',
  'REQUEST.NOT_FUND_HOLDER': 'U bent geen budgethouder van het fonds van deze aanvraag.',
  'REQUEST.SECOND_APPROVER': 'Het tweede akkoord moet komen van een budgethouder van een andere organisatie of van de stuurgroep.',
  'REQUEST.PARTLY_PAID': 'De aanvraag is (deels) betaald en kan niet meer worden ingetrokken. Vraag de beheerder om de rest te annuleren.',
  'REQUEST.NOT_REQUESTER': 'Alleen de aanvrager kan dit doen met deze aanvraag.',
  'REQUEST.ANONYMISED': 'De stuurgroep ziet aanvragen geanonimiseerd; filteren op casus kan daarom niet.',
  'LEDGER.EXCEEDS_COMMITMENT': 'Het bedrag is hoger dan wat er voor deze aanvraag gereserveerd staat. Er is niets gewijzigd.',
  'LEDGER.EXCEEDS_SPENT': 'Het bedrag is hoger dan wat er voor deze aanvraag betaald is. Er is niets gewijzigd.',
  'ACCESS.FOUR_EYES': 'U kunt niet over uw eigen aanvraag beslissen (vier-ogenprincipe).',
  'ACCESS.NOT_FUND_HOLDER': 'Alleen een budgethouder van het fonds van deze aanvraag kan dit doen.',
  'ACCESS.NOT_LEAD': 'Alleen de regievoerende professional van deze casus of een beheerder kan dit doen.',
  'ACCESS.NO_CASES': 'De stuurgroep ziet geen casussen; rapportages en aanvragen zijn voor haar geanonimiseerd.',
  'CASE.CODE_TAKEN': 'Deze casuscode is al in gebruik. Kies een andere code of laat het veld leeg.',
  'REQUEST.OUTCOME_EXISTS': 'Deze vervolgmeting is al vastgelegd.',
  'REQUEST.ABOVE_MANDATE': 'Het bedrag is hoger dan uw mandaat (of het maximum per persoon). Dien een gewone aanvraag in.',
  'REQUEST.PAY_EXCEEDS_COMMITMENT': 'Het bedrag is hoger dan wat er nog gereserveerd staat.',
  'CASE.CLOSED': 'Deze casus is gesloten; er kunnen geen nieuwe aanvragen voor worden gedaan.',
  'USER.SELF': 'U kunt uw eigen account niet deactiveren.',
  'CONCURRENT_UPDATE': 'Iemand anders wijzigde dit tegelijkertijd. Er is niets gewijzigd; probeer het opnieuw.',
  'COST_ITEM.CONCURRENT_UPDATE': 'Iemand anders wijzigde deze kostenpost tegelijkertijd. Probeer het opnieuw.',
  DUPLICATE: 'Dit bestaat al.',
};

const DUTCH: ProblemHelpers = {
  t: (key) => translate('nl', key),
  euro: (amount) => formatEuro(amount, 'nl'),
  when: (iso) => formatDateTime(new Date(iso), 'nl'),
};

/**
 * The Dutch sentence for a refusal, or the service's own (English) words in English and for codes
 * without Dutch words. `args` are the values the error carries (see DomainError.args).
 */
export function problemText(code: string, detail: string, lang: Locale, args: Record<string, string | number> = {}): string {
  if (lang !== 'nl') return detail;
  const words = PAYMENT_PROBLEMS[code]?.(args, DUTCH);
  // without the values a sentence needs (an error page has only the problem details), the service's words
  if (words && !/\bundefined\b/.test(words)) return words;
  return NL[code] || detail;
}

/** Whether there are Dutch words for this code. */
export const hasProblemText = (code: string): boolean => code in PAYMENT_PROBLEMS || code in NL;
