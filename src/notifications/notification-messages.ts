import { formatEuro } from '../common/money';
import { formatDateTime } from '../common/dutch-time';

export const NOTIFICATION_KINDS = [
  'submitted',
  'within_mandate',
  'retroactive',
  'second_approval_needed',
  'first_approval',
  'approved',
  'rejected',
  'info_requested',
  'cancelled',
  'paid',
  'withdrawn',
  'reminder',
  'escalation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What a message may say about a request. Deliberately no title, justification, reasons or names:
 * mails leave the system, so they carry nothing personal beyond the pseudonymous case code. The
 * reader follows the link and logs in for the rest.
 */
export interface MessageFacts {
  kind: NotificationKind;
  caseCode: string;
  fundName: string;
  amount: string;
  urgent: boolean;
  decisionDue: Date | null;
  /** for reminders: hours left until the deadline, rounded */
  hoursLeft?: number;
}

export interface Message {
  subject: string;
  /** plain-text body, without the link line */
  body: string;
}

const due = (f: MessageFacts) => (f.decisionDue ? formatDateTime(new Date(f.decisionDue), 'nl') : '');

/** Subject and plain text of one notification, in Dutch. */
export function buildMessage(f: MessageFacts): Message {
  const amount = formatEuro(f.amount);
  const about = `casus ${f.caseCode} (${amount} uit ${f.fundName})`;
  const spoed = f.urgent ? '[SPOED] ' : '';
  switch (f.kind) {
    case 'submitted':
      return {
        subject: `${spoed}Nieuwe aanvraag voor casus ${f.caseCode} wacht op uw beslissing (${amount})`,
        body: `Er is een ${f.urgent ? 'spoedaanvraag' : 'aanvraag'} ingediend voor ${about}. ` +
          (f.decisionDue ? `Beslis uiterlijk ${due(f)}.` : 'Beslis zo snel mogelijk.'),
      };
    case 'within_mandate':
      return {
        subject: `Uitgave binnen mandaat voor casus ${f.caseCode} (${amount})`,
        body: `Een professional heeft binnen het eigen mandaat een uitgave gedaan voor ${about}. Het bedrag is gereserveerd; u hoeft niets te beslissen, maar kunt de aanvraag bekijken.`,
      };
    case 'retroactive':
      return {
        subject: `Achteraf geregistreerde uitgave voor casus ${f.caseCode} (${amount})`,
        body: `Een professional heeft een uitgave die al gedaan is achteraf geregistreerd voor ${about}, binnen het eigen mandaat. U kunt de verantwoording bekijken.`,
      };
    case 'second_approval_needed':
      return {
        subject: `${spoed}Tweede akkoord nodig voor casus ${f.caseCode} (${amount})`,
        body: `Een budgethouder heeft de aanvraag voor ${about} goedgekeurd. Voor dit bedrag is een tweede akkoord nodig, van een budgethouder van een andere organisatie of van de stuurgroep.` +
          (f.decisionDue ? ` Beslis uiterlijk ${due(f)}.` : ''),
      };
    case 'first_approval':
      return {
        subject: `Eerste akkoord op uw aanvraag voor casus ${f.caseCode}`,
        body: `Uw aanvraag voor ${about} heeft het eerste akkoord. Er is nog een tweede akkoord nodig; u hoort het zodra dat er is.`,
      };
    case 'approved':
      return {
        subject: `Uw aanvraag voor casus ${f.caseCode} is goedgekeurd (${amount})`,
        body: `Uw aanvraag voor ${about} is goedgekeurd. Het bedrag is gereserveerd; de betaling volgt via de fondsbeheerder.`,
      };
    case 'rejected':
      return {
        subject: `Uw aanvraag voor casus ${f.caseCode} is afgewezen`,
        body: `Uw aanvraag voor ${about} is afgewezen. De reden staat bij de aanvraag.`,
      };
    case 'info_requested':
      return {
        subject: `${spoed}Vraag om informatie over uw aanvraag voor casus ${f.caseCode}`,
        body: `De budgethouder heeft een vraag over uw aanvraag voor ${about}. Lees de vraag bij de aanvraag, pas de aanvraag aan en dien haar opnieuw in.`,
      };
    case 'cancelled':
      return {
        subject: `Uw aanvraag voor casus ${f.caseCode} is geannuleerd`,
        body: `Uw aanvraag voor ${about} is geannuleerd; wat gereserveerd was en nog niet betaald, is vrijgegeven. De toelichting staat bij de aanvraag.`,
      };
    case 'paid':
      return {
        subject: `Uw aanvraag voor casus ${f.caseCode} is betaald (${amount})`,
        body: `De betaling voor uw aanvraag voor ${about} is gedaan. Vergeet niet later de follow-up vast te leggen: wat is er van de reguliere route toch gebeurd?`,
      };
    case 'withdrawn':
      return {
        subject: `Aanvraag voor casus ${f.caseCode} is ingetrokken`,
        body: `De aanvrager heeft de aanvraag voor ${about} ingetrokken. U hoeft er niet meer over te beslissen.`,
      };
    case 'reminder': {
      const hours = f.hoursLeft ?? 0;
      return {
        subject: `[SPOED] Herinnering: nog ${hours < 1 ? 'minder dan 1 uur' : `${hours} uur`} om te beslissen over casus ${f.caseCode}`,
        body: `De spoedaanvraag voor ${about} wacht nog op een beslissing. De beslistermijn verloopt op ${due(f)}.`,
      };
    }
    case 'escalation':
      return {
        subject: `[ESCALATIE] Beslistermijn verstreken voor casus ${f.caseCode} (${amount})`,
        body: `De ${f.urgent ? 'spoedaanvraag' : 'aanvraag'} voor ${about} had uiterlijk ${due(f)} beslist moeten zijn en wacht nog steeds. Wilt u ervoor zorgen dat er vandaag een beslissing komt?`,
      };
  }
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const FOOTER = 'U ontvangt dit bericht van Doorbraakbudget. Uw keuze tussen directe mails en een dagelijks overzicht stelt u in onder Meldingen.';

function htmlShell(title: string, inner: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: 'Noto Sans', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">
${inner}
<p style="color: #555; font-size: 14px">${escapeHtml(FOOTER)}</p>
</body></html>
`;
}

/** One notification as a mail: plain text plus simple HTML, with the link to the request page. */
export function renderMail(message: Message, url: string): Mail {
  const text = `${message.body}\n\nBekijk de aanvraag: ${url}\n\n-- \n${FOOTER}\n`;
  const html = htmlShell(
    message.subject,
    `<p>${escapeHtml(message.body)}</p>\n<p><a href="${escapeHtml(url)}">Bekijk de aanvraag</a></p>`,
  );
  return { subject: message.subject, text, html };
}

export interface DigestItem {
  subject: string;
  url: string;
  createdAt: Date;
}

/** The daily digest: every non-urgent notification since the last one, in one mail. */
export function renderDigest(items: readonly DigestItem[], inboxUrl: string): Mail {
  const subject = `Dagelijks overzicht Doorbraakbudget: ${items.length} ${items.length === 1 ? 'melding' : 'meldingen'}`;
  const lines = items.map((i) => `- ${formatDateTime(new Date(i.createdAt), 'nl')}: ${i.subject}\n  ${i.url}`).join('\n');
  const text = `Sinds het vorige overzicht zijn er ${items.length} ${items.length === 1 ? 'melding' : 'meldingen'} over niet-spoedeisende aanvragen:\n\n${lines}\n\nAlle meldingen: ${inboxUrl}\n\n-- \n${FOOTER}\n`;
  const list = items
    .map((i) => `<li>${escapeHtml(formatDateTime(new Date(i.createdAt), 'nl'))}: <a href="${escapeHtml(i.url)}">${escapeHtml(i.subject)}</a></li>`)
    .join('\n');
  const html = htmlShell(
    subject,
    `<p>Sinds het vorige overzicht zijn er ${items.length} ${items.length === 1 ? 'melding' : 'meldingen'} over niet-spoedeisende aanvragen:</p>\n<ul>\n${list}\n</ul>\n<p><a href="${escapeHtml(inboxUrl)}">Alle meldingen</a></p>`,
  );
  return { subject, text, html };
}
