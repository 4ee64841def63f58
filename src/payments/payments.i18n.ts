/** The words of the payment pages (batches, statements, payee account): Dutch first, then English. */
export const PAYMENT_TEXTS: Record<string, readonly [nl: string, en: string]> = {
  'nav.batches': ['Betaalbatches', 'Payment batches'],
  'nav.statements': ['Bankafschriften', 'Bank statements'],
  'pay.batches.title': ['Betaalbatches (SEPA)', 'Payment batches (SEPA)'],
  'pay.batches.intro': [
    'Kies goedgekeurde, nog niet betaalde reserveringen en maak er een SEPA-betaalbestand (pain.001) van voor de bank. Het geld staat daarna "in betaling" tot het bankafschrift de betaling laat zien.',
    'Choose approved, unpaid commitments and turn them into a SEPA payment file (pain.001) for the bank. The money is then "in payment" until the bank statement shows the payment.',
  ],
  'pay.due.title': ['Te betalen', 'Due for payment'],
  'pay.due.empty': ['Er staan geen goedgekeurde reserveringen open.', 'No approved commitments are open.'],
  'pay.due.select': ['Selecteer {title}', 'Select {title}'],
  'pay.due.noIban': ['IBAN ontbreekt', 'IBAN missing'],
  'pay.due.setIban': ['IBAN invullen', 'Enter IBAN'],
  'pay.col.select': ['Kies', 'Pick'],
  'pay.col.request': ['Aanvraag', 'Request'],
  'pay.col.payee': ['Begunstigde', 'Payee'],
  'pay.col.iban': ['IBAN', 'IBAN'],
  'pay.col.reference': ['Kenmerk', 'Reference'],
  'pay.col.execution': ['Uitvoerdatum', 'Execution date'],
  'pay.col.count': ['Aantal', 'Count'],
  'pay.col.paid': ['Betaald', 'Paid'],
  'pay.col.e2e': ['End-to-end-id', 'End-to-end id'],
  'pay.col.remittance': ['Omschrijving', 'Remittance text'],
  'pay.debtor.legend': ['Betalende rekening', 'Paying account'],
  'pay.debtor.name': ['Naam rekeninghouder', 'Account holder'],
  'pay.debtor.iban': ['IBAN van de gemeente', "Municipality's IBAN"],
  'pay.debtor.iban.hint': ['De rekening waar het geld vanaf gaat, bijvoorbeeld NL02 ABNA 0123 4567 89', 'The account the money leaves from, for example NL02 ABNA 0123 4567 89'],
  'pay.debtor.bic': ['BIC', 'BIC'],
  'pay.execution': ['Gewenste uitvoerdatum', 'Requested execution date'],
  'pay.execution.hint': ['Als JJJJ-MM-DD, bijvoorbeeld 2026-12-04', 'As YYYY-MM-DD, for example 2026-12-04'],
  'pay.create.selected': ['Batch maken van selectie', 'Create batch from selection'],
  'pay.create.all': ['Batch maken van alle openstaande', 'Create batch of all due'],
  'pay.create.none': ['Kies minstens één aanvraag, of maak een batch van alle openstaande.', 'Choose at least one request, or create a batch of all due ones.'],
  'pay.created': ['Batch {ref} aangemaakt: download het bestand en lever het aan bij de bank.', 'Batch {ref} created: download the file and hand it to the bank.'],
  'pay.list.title': ['Batches', 'Batches'],
  'pay.list.empty': ['Nog geen batches.', 'No batches yet.'],
  'pay.batch.title': ['Betaalbatch {ref}', 'Payment batch {ref}'],
  'pay.batch.download': ['Download betaalbestand (pain.001.001.09)', 'Download payment file (pain.001.001.09)'],
  'pay.batch.confirm': ['Aangeleverd bij de bank', 'Handed to the bank'],
  'pay.batch.confirm.hint': ['Daarna kan de batch niet meer geannuleerd worden.', 'After this the batch can no longer be cancelled.'],
  'pay.batch.cancel': ['Batch annuleren', 'Cancel batch'],
  'pay.batch.cancel.hint': ['De reserveringen staan daarna weer open voor een nieuwe batch.', 'The commitments are then open again for a new batch.'],
  'pay.batch.cancelled': ['Batch geannuleerd; de reserveringen staan weer open.', 'Batch cancelled; the commitments are open again.'],
  'pay.batch.confirmed': ['Batch staat als aangeleverd bij de bank.', 'Batch marked as handed to the bank.'],
  'pay.batch.debtor': ['Van rekening', 'From account'],
  'pay.batch.created': ['Aangemaakt', 'Created'],
  'pay.batch.items': ['Overboekingen', 'Credit transfers'],
  'pay.batchStatus.open': ['Open', 'Open'],
  'pay.batchStatus.confirmed': ['Aangeleverd', 'Handed over'],
  'pay.batchStatus.cancelled': ['Geannuleerd', 'Cancelled'],
  'pay.itemStatus.ordered': ['In betaling', 'In payment'],
  'pay.itemStatus.paid': ['Betaald', 'Paid'],
  'pay.itemStatus.cancelled': ['Geannuleerd', 'Cancelled'],
  'pay.itemStatus.returned_reopened': ['Teruggekomen, weer open', 'Returned, reopened'],
  'pay.itemStatus.returned_released': ['Teruggekomen, vrijgegeven', 'Returned, released'],
  'pay.statements.title': ['Bankafschriften (camt.053)', 'Bank statements (camt.053)'],
  'pay.statements.intro': [
    'Lees het dagafschrift van de bank in. Afschrijvingen met een bekende end-to-end-id en hetzelfde bedrag worden als betaald geboekt. Hetzelfde afschrift nog een keer inlezen verandert niets.',
    'Import the daily statement from the bank. Debits with a known end-to-end id and the same amount are booked as paid. Importing the same statement again changes nothing.',
  ],
  'pay.upload.file': ['Bankafschrift (camt.053-bestand)', 'Bank statement (camt.053 file)'],
  'pay.upload.file.hint': ['Het XML-bestand dat u uit de bankomgeving downloadt, tot {max} MB.', 'The XML file you download from the bank, up to {max} MB.'],
  'pay.upload.paste': ['Of plak de XML-tekst van het afschrift', 'Or paste the XML text of the statement'],
  'pay.upload.label': ['XML-tekst van het afschrift (camt.053)', 'XML text of the statement (camt.053)'],
  'pay.upload.hint': ['Open het XML-bestand uit de bankomgeving en plak de inhoud hier (tot ongeveer 90 kB).', 'Open the XML file from the bank and paste its content here (up to about 90 kB).'],
  'pay.upload.both': ['Kies een bestand óf plak de XML-tekst, niet allebei.', 'Choose a file or paste the XML text, not both.'],
  'pay.upload.none': ['Kies het camt.053-bestand van de bank, of plak de XML-tekst.', 'Choose the camt.053 file from the bank, or paste the XML text.'],
  'pay.upload.submit': ['Afschrift inlezen', 'Import statement'],
  'pay.upload.done': ['Afschrift {id} ingelezen: {booked} betaald geboekt, {unmatched} om na te kijken.', 'Statement {id} imported: {booked} booked as paid, {unmatched} to review.'],
  'pay.upload.refused': ['Afschrift geweigerd, er is niets geboekt. {detail}', 'Statement refused, nothing was booked. {detail}'],
  'pay.upload.again': ['Afschrift {id} was al ingelezen; er is niets veranderd.', 'Statement {id} had been imported already; nothing changed.'],
  'pay.open.title': ['Na te kijken', 'To review'],
  'pay.open.empty': ['Alles op de afschriften is verwerkt.', 'Everything on the statements is reconciled.'],
  'pay.open.reopen': ['Weer openzetten', 'Reopen'],
  'pay.open.release': ['Vrijgeven aan het fonds', 'Release to the fund'],
  'pay.open.dismiss': ['Afgehandeld', 'Handled'],
  'pay.open.note': ['Toelichting voor regel {n}', 'Note for line {n}'],
  'pay.open.note.long': ['De toelichting is langer dan 500 tekens; er is niets verwerkt.', 'The note is longer than 500 characters; nothing was changed.'],
  'pay.open.action.unknown': ['Kies weer openzetten, vrijgeven of afgehandeld.', 'Choose reopen, release or handled.'],
  'pay.open.resolved': ['Regel verwerkt.', 'Line resolved.'],
  'pay.list.statements': ['Ingelezen afschriften', 'Imported statements'],
  'pay.col.statement': ['Afschrift', 'Statement'],
  'pay.col.account': ['Rekening', 'Account'],
  'pay.col.imported': ['Ingelezen', 'Imported'],
  'pay.col.booked': ['Geboekt', 'Booked'],
  'pay.col.open': ['Na te kijken', 'To review'],
  'pay.col.line': ['Regel', 'Line'],
  'pay.col.outcome': ['Uitkomst', 'Outcome'],
  'pay.col.detail': ['Toelichting', 'Detail'],
  'pay.statement.title': ['Afschrift {id}', 'Statement {id}'],
  'pay.outcome.paid': ['Betaald geboekt', 'Booked as paid'],
  'pay.outcome.returned': ['Teruggekomen', 'Returned'],
  'pay.outcome.amount_mismatch': ['Ander bedrag', 'Different amount'],
  'pay.outcome.unknown': ['Onbekend', 'Unknown'],
  'pay.outcome.already_paid': ['Al betaald', 'Already paid'],
  'pay.outcome.ignored': ['Niet van toepassing', 'Not applicable'],
  'pay.direction.DBIT': ['af', 'debit'],
  'pay.direction.CRDT': ['bij', 'credit'],
  'pay.payee.title': ['Begunstigde en IBAN', 'Payee and IBAN'],
  'pay.payee.intro': ['Naar wie gaat het geld? Het IBAN wordt gecontroleerd en alleen voor de fondsbeheerder volledig getoond.', 'Who receives the money? The IBAN is checked and only shown in full to the fund administrator.'],
  'pay.payee.current': ['Nu vastgelegd', 'Now recorded'],
  'pay.payee.name': ['Naam rekeninghouder', 'Account holder'],
  'pay.payee.iban': ['IBAN', 'IBAN'],
  'pay.payee.iban.hint': ['Bijvoorbeeld NL91 ABNA 0417 1643 00', 'For example NL91 ABNA 0417 1643 00'],
  'pay.payee.saved': ['Begunstigde opgeslagen.', 'Payee saved.'],
  'pay.payee.none': ['Nog geen IBAN vastgelegd.', 'No IBAN recorded yet.'],
  'pay.payee.link': ['Begunstigde en IBAN', 'Payee and IBAN'],
};

type Args = Record<string, string | number>;
/** `t` looks up a UI word (for statuses); `euro` and `when` format money and a moment in Dutch. */
export interface ProblemHelpers {
  t: (key: string) => string;
  euro: (amount: string) => string;
  when: (iso: string) => string;
}

const at = (a: Args): string =>
  a.statement !== undefined ? `Regel ${a.line} (post ${a.entry} van afschrift ${a.statement})` : a.entry !== undefined ? `Regel ${a.line} (post ${a.entry})` : `Regel ${a.line}`;

const IBAN_REASONS: Record<string, string> = {
  country: 'het begint niet met een bekende landcode',
  length: 'het heeft niet de juiste lengte voor dat land',
  format: 'het is geen IBAN (twee letters, twee controlecijfers en dan letters en cijfers)',
  'check-digits': 'de controlecijfers zijn geen cijfers',
  checksum: 'de controlecijfers kloppen niet (controle modulus 97); kijk na of er een tikfout in zit',
  'national-check': 'het rekeningnummer klopt niet volgens de controle van dat land',
};

/**
 * Dutch words for the refusals of the payment pages, by error code. The services keep their English
 * messages for the API; these use the values the error carries (`args`), and fall back to a general
 * sentence when a value is missing.
 */
export const PAYMENT_PROBLEMS: Record<string, (a: Args, h: ProblemHelpers) => string> = {
  'STATEMENT.EMPTY': () => 'Het afschrift is leeg. Kies het camt.053-bestand (XML) van de bank, of plak de XML-tekst.',
  'STATEMENT.NOT_XML': (a) => `Dit is geen leesbare XML${a.line !== undefined ? ` (fout op regel ${a.line})` : ''}. Is het wel het camt.053-bestand van de bank?`,
  'STATEMENT.NOT_CAMT053': (a) =>
    a.namespace !== undefined
      ? `Dit XML-bestand is geen camt.053-bankafschrift (het is van het soort "${a.namespace || 'onbekend'}"). Kies het dagafschrift in camt.053-formaat, versie 001.02 tot en met 001.13.`
      : 'Dit XML-bestand is geen camt.053-bankafschrift. Kies het dagafschrift in camt.053-formaat.',
  'STATEMENT.INVALID': (a) =>
    a.missing === 'BkToCstmrStmt/Stmt'
      ? 'Het bestand bevat geen afschrift (BkToCstmrStmt/Stmt ontbreekt).'
      : `In het afschrift${a.statement !== undefined ? ` ${a.statement}` : ''} ontbreekt ${a.missing ?? 'een verplicht onderdeel'}.`,
  'STATEMENT.WRONG_CURRENCY': (a) =>
    a.line !== undefined
      ? `${at(a)}: ${a.element} is in ${a.currency || 'geen valuta'}; alleen bedragen in euro kunnen worden verwerkt.`
      : `Afschrift ${a.statement ?? ''}: de rekening is in ${a.currency ?? 'een andere valuta'}; alleen euro-rekeningen kunnen worden verwerkt.`,
  'STATEMENT.INVALID_LINE': (a) =>
    a.problem === 'direction'
      ? `${at(a)}: CdtDbtInd "${a.value}" moet DBIT (afschrijving) of CRDT (bijschrijving) zijn.`
      : `${at(a)}: een van de transacties van deze post heeft geen eigen bedrag (TxDtls/Amt).`,
  'STATEMENT.INVALID_AMOUNT': (a) =>
    `${at(a)}: ${a.element} "${a.value}" is geen bedrag. Een bedrag is cijfers met een punt en hooguit twee decimalen, bijvoorbeeld 125.50.`,
  'STATEMENT.DUPLICATE_END_TO_END_ID': (a) =>
    `${at(a)}: end-to-end-id ${a.endToEndId} komt twee keer voor (eerst op regel ${a.firstLine}, post ${a.firstEntry}). Het afschrift is niet ingelezen.`,
  'STATEMENT.TOO_LARGE': (a) =>
    `Het bestand is groter dan ${Math.round(Number(a.maxBytes ?? 5 * 1024 * 1024) / 1024 / 1024)} MB. Vraag de bank om een afschrift per dag.`,
  'STATEMENT.UPLOAD_FIELDS': () => 'Kies één camt.053-bestand.',
  'STATEMENT.UPLOAD_MALFORMED': () => 'Het bestand is niet goed aangekomen. Kies het opnieuw en probeer het nog eens.',
  'STATEMENT.ENCODING': (a) =>
    a.declared !== undefined
      ? `Het bestand gebruikt tekenset "${a.declared}", die niet gelezen kan worden. Sla het afschrift op als UTF-8.`
      : `Het bestand is geen tekst in ${a.encoding ?? 'UTF-8'}. Is het wel het camt.053-bestand (XML) van de bank?`,
  'STATEMENT.TWICE': () => 'Stuur het afschrift als bestand óf als XML-tekst, niet allebei.',
  'STATEMENT.PASTE_TOO_LARGE': () => 'De geplakte tekst is groter dan 100 kB. Kies het XML-bestand bij "Bankafschrift (camt.053-bestand)" in plaats van de tekst te plakken.',
  'PAYMENT.STATEMENT_CHANGED': (a, h) =>
    `Afschrift ${a.statement} van ${a.iban} is al eerder ingelezen${a.importedAt ? ` (${h.when(String(a.importedAt))})` : ''}, met een andere inhoud. Er is niets veranderd; vraag de bank welk afschrift klopt.`,
  'PAYMENT.NOT_PAYABLE': (a, h) =>
    a.reason === 'status'
      ? `Een gekozen aanvraag is niet meer te betalen: de status is "${h.t(`status.${a.status}`)}". Laad de pagina opnieuw.`
      : a.reason === 'above-committed'
        ? `Het bedrag ${h.euro(String(a.amount))} is hoger dan wat er voor de aanvraag gereserveerd staat (${h.euro(String(a.committed))}).`
        : 'Voor een gekozen aanvraag staat niets meer gereserveerd om te betalen. Laad de pagina opnieuw.',
  'PAYMENT.NO_PAYEE_ACCOUNT': () => 'Van een gekozen aanvraag is nog geen IBAN vastgelegd. Vul eerst de begunstigde en het IBAN in.',
  'PAYMENT.ALREADY_IN_BATCH': (a) => `Een gekozen aanvraag zit al in betaalbatch ${a.messageId ?? ''}. Laad de pagina opnieuw.`,
  'PAYMENT.NOTHING_DUE': () => 'Er staan geen goedgekeurde reserveringen met een IBAN open om te betalen.',
  'PAYMENT.BATCH_NOT_OPEN': (a, h) =>
    `Batch ${a.messageId ?? ''} is ${a.status ? h.t(`pay.batchStatus.${a.status}`).toLowerCase() : 'niet meer open'}; alleen een open batch kan worden geannuleerd of als aangeleverd gemarkeerd.`,
  'PAYMENT.BATCH_HAS_PAYMENTS': (a) => `Van batch ${a.messageId ?? ''} zijn al betalingen geboekt volgens een bankafschrift; de batch kan niet meer worden geannuleerd.`,
  'PAYMENT.LINE_NOT_OPEN': () => 'Deze regel is al verwerkt of hoeft niet verwerkt te worden. Laad de pagina opnieuw.',
  'PAYMENT.RESOLVE_ACTION': (a) =>
    a.outcome === 'returned'
      ? 'Een teruggekomen betaling moet weer open worden gezet of worden vrijgegeven: het geld staat weer op de rekening.'
      : 'Alleen een teruggekomen betaling kan weer open worden gezet of worden vrijgegeven; zet deze regel op afgehandeld als u hem buiten het systeem heeft opgelost.',
  'PAYMENT.PAYEE_LOCKED': () => 'De begunstigde kan niet meer worden gewijzigd: de aanvraag is betaald, ingetrokken of zit in een betaalbatch.',
  'PAYMENT.ABOVE_SEPA_MAXIMUM': (a, h) =>
    `${a.amount ? `Het bedrag ${h.euro(String(a.amount))}` : 'Dit bedrag'} is meer dan één SEPA-overboeking kan bevatten (€ 999.999.999,99). Betaal het in delen.`,
  DUPLICATE_END_TO_END_ID: () => 'Een aanvraag is twee keer gekozen; elke aanvraag komt één keer in een batch.',
  UNKNOWN_REQUEST: () => 'Een gekozen aanvraag bestaat niet (meer). Laad de pagina opnieuw.',
  'BATCH.ITEMS_OR_ALL': () => 'Kies minstens één aanvraag, of maak een batch van alle openstaande.',
  IBAN_REQUIRED: () => 'Vul een IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.',
  IBAN_INVALID: (a) => `Dit IBAN klopt niet${a.iban ? ` (${a.iban})` : ''}: ${IBAN_REASONS[String(a.reason)] ?? 'het is geen geldig IBAN'}.`,
  IBAN_NOT_SEPA: (a) => `${a.iban ?? 'Dit IBAN'} is geen rekening in een SEPA-land; een SEPA-overboeking kan daar niet heen.`,
  BIC_INVALID: () => 'Dit is geen BIC. Een BIC heeft 8 of 11 letters en cijfers, bijvoorbeeld ABNANL2A. Laat het veld leeg als u de BIC niet weet.',
  SEPA_NAME: () => 'Deze naam bevat geen letters of cijfers die een SEPA-overboeking kan meenemen. Gebruik gewone letters en cijfers (letters met accenten mogen).',
};
