import type { Dict } from './i18n';

/** Words of the decision flow, confirmations, administration edits and the ledger check. */
export const EXTRA: Dict = {
  'decision.progress.second': [
    '1 van 2 akkoorden — wacht op een budgethouder van een andere organisatie (of de stuurgroep)',
    '1 of 2 approvals — waiting for a budget holder of another organisation (or the steering group)',
  ],
  'decision.progress.firstBy': ['Eerste akkoord door {name} ({org}) op {at}.', 'First approval by {name} ({org}) on {at}.'],
  'decision.why.notOpen': ['Deze aanvraag wacht niet op een besluit.', 'This request is not awaiting a decision.'],
  'decision.why.own': [
    'U hebt deze aanvraag zelf ingediend. Een budgethouder van het fonds beslist erover (vier-ogenprincipe).',
    'You submitted this request yourself. A budget holder of the fund decides on it (four-eyes principle).',
  ],
  'decision.why.alreadyYou': [
    'U gaf het eerste akkoord. Het tweede akkoord moet komen van een budgethouder van een andere organisatie dan {org}, of van de stuurgroep.',
    'You gave the first approval. The second approval must come from a budget holder of an organisation other than {org}, or from the steering group.',
  ],
  'decision.why.complete': ['Deze aanvraag heeft al alle akkoorden die nodig zijn.', 'This request already has all the approvals it needs.'],
  'decision.why.notHolder': [
    'U bent geen budgethouder van {fund}; alleen de budgethouders van dat fonds beslissen over deze aanvraag.',
    'You are not a budget holder of {fund}; only that fund’s budget holders decide on this request.',
  ],
  'decision.why.steeringFirst': [
    'Deze aanvraag heeft nog geen eerste akkoord van een budgethouder van {fund}. De stuurgroep geeft alleen het tweede akkoord.',
    'This request has no first approval from a budget holder of {fund} yet. The steering group only gives the second approval.',
  ],
  'decision.why.sameOrg': [
    'Het eerste akkoord kwam van {org}, uw eigen organisatie. Het tweede akkoord moet van een andere organisatie of van de stuurgroep komen.',
    'The first approval came from {org}, your own organisation. The second approval must come from another organisation or from the steering group.',
  ],
  'decision.approvals': ['Akkoorden', 'Approvals'],
  'decision.approvalsCount': ['{given} van {needed}', '{given} of {needed}'],
  'decision.next': ['Volgende aanvraag in uw lijst.', 'Next request in your list.'],
  'decision.noMore': ['Geen aanvragen meer.', 'No more requests.'],
  'decision.pdf': ['Verantwoording van deze aanvraag (PDF)', 'Justification of this request (PDF)'],
  'review.title': ['Te beoordelen door de stuurgroep', 'For the steering group to decide'],
  'review.intro': [
    'Aanvragen met één akkoord van een budgethouder die nog een tweede akkoord nodig hebben. De stuurgroep mag dat tweede akkoord geven.',
    'Requests with one approval from a budget holder that still need a second one. The steering group may give that second approval.',
  ],
  'review.caption': ['Aanvragen die wachten op een tweede akkoord', 'Requests awaiting a second approval'],
  'review.empty': ['Er wachten geen aanvragen op een tweede akkoord. Geen aanvragen meer.', 'No requests are waiting for a second approval. No more requests.'],
  'review.firstBy': ['Eerste akkoord', 'First approval'],
  'nav.review': ['Te beoordelen', 'To decide'],
  'confirm.title': ['Weet u het zeker?', 'Are you sure?'],
  'confirm.no': ['Nee, ga terug', 'No, go back'],
  'confirm.irreversible': ['Dit kunt u niet ongedaan maken.', 'You cannot undo this.'],
  'confirm.reject.title': ['Aanvraag afwijzen', 'Reject request'],
  'confirm.reject.question': ['Wilt u de aanvraag "{title}" ({amount}) afwijzen? De aanvrager krijgt de reden te zien.', 'Do you want to reject the request "{title}" ({amount})? The requester will see the reason.'],
  'confirm.reject.yes': ['Ja, afwijzen', 'Yes, reject'],
  'confirm.cancel.title': ['Goedgekeurde aanvraag annuleren', 'Cancel approved request'],
  'confirm.cancel.question': ['Wilt u de aanvraag "{title}" annuleren? De reservering van {amount} gaat terug naar het fonds.', 'Do you want to cancel the request "{title}"? The commitment of {amount} goes back to the fund.'],
  'confirm.cancel.yes': ['Ja, annuleren', 'Yes, cancel'],
  'confirm.withdraw.title': ['Aanvraag intrekken', 'Withdraw request'],
  'confirm.withdraw.question': ['Wilt u de aanvraag "{title}" ({amount}) intrekken? Wat gereserveerd is, gaat terug naar het fonds.', 'Do you want to withdraw the request "{title}" ({amount})? Whatever was committed goes back to the fund.'],
  'confirm.withdraw.yes': ['Ja, intrekken', 'Yes, withdraw'],
  'confirm.deactivate.title': ['Gebruiker deactiveren', 'Deactivate user'],
  'confirm.deactivate.question': ['Wilt u het account van {name} ({email}) deactiveren? Deze persoon kan dan niet meer inloggen.', 'Do you want to deactivate the account of {name} ({email})? They will no longer be able to log in.'],
  'confirm.deactivate.yes': ['Ja, deactiveren', 'Yes, deactivate'],
  'confirm.payCancel.title': ['Reservering annuleren', 'Cancel commitment'],
  'confirm.payCancel.question': ['Wilt u de aanvraag "{title}" annuleren? Wat nog gereserveerd staat ({amount}) gaat terug naar het fonds; betaalde bedragen blijven staan.', 'Do you want to cancel the request "{title}"? What is still committed ({amount}) goes back to the fund; payments made stay.'],
  'confirm.reason': ['Reden', 'Reason'],
  'cookie.warning.title': ['Inloggen lukt zo niet: de sessiecookie kan niet worden opgeslagen', 'Logging in cannot work like this: the session cookie cannot be stored'],
  'cookie.warning.text': [
    'U opent deze site via gewoon http, terwijl de cookies alleen via https mogen worden verstuurd (Secure, omdat NODE_ENV=production). Uw browser slaat de sessiecookie daarom niet op. Open de site via https, of start de dienst met COOKIE_SECURE=false als u bewust zonder https werkt (alleen op een vertrouwd netwerk).',
    'You opened this site over plain http, while its cookies may only travel over https (Secure, because NODE_ENV=production). Your browser therefore does not store the session cookie. Open the site over https, or start the service with COOKIE_SECURE=false if you knowingly run without https (on a trusted network only).',
  ],
};
