import { create } from 'xmlbuilder2';
import { DomainError } from '../common/domain-error';
import { Dec, moneyString, sumDec } from '../common/money';

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface CreditTransfer {
  endToEndId: string;
  amount: Dec;
  payeeName: string;
  payeeIban: string;
  remittance: string;
}

export interface CreditTransferFile {
  messageId: string;
  createdAt: Date;
  executionDate: string;
  initiatingParty: string;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  transfers: CreditTransfer[];
}

/** Letters that Unicode does not decompose into a Latin letter plus marks, written the usual way. */
const LATIN_SPELLING: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd',
  Þ: 'TH', þ: 'th', ı: 'i', Ħ: 'H', ħ: 'h', Ŧ: 'T', ŧ: 't', '&': '+', '‘': "'", '’': "'", '‚': "'", '′': "'", '`': "'", '´': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};

/** The EPC's basic Latin character set for SEPA (EPC SCT rulebook): what a bank must accept. */
export const SEPA_LATIN = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/**
 * Text as SEPA carries it: the EPC's Latin character set (letters, digits, space and / - ? : ( ) . , ' +).
 * Accents are dropped ("Café" → "Cafe", "ĳ" → "ij"), letters without a decomposition are spelled out
 * ("ß" → "ss", "Ø" → "O"), "&" becomes "+", anything else a space, and the text is cut to `max`.
 * The official EPC schema checks only the length; banks refuse or garble other characters.
 */
export function sepaText(text: string, max: number): string {
  const plain = [...text.normalize('NFC')]
    .map((c) => LATIN_SPELLING[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (plain || '-').slice(0, max).trim();
}

/** A name must keep letters or digits once written in the EPC Latin character set (400 naming the field). */
export function assertSepaName(name: string, field: string): void {
  if (!/[A-Za-z0-9]/.test(sepaText(name ?? '', 70))) {
    throw DomainError.invalidField(field, `"${String(name).slice(0, 40)}" has no letters or digits that a SEPA transfer can carry (the EPC Latin character set: A-Z, a-z, 0-9, space and / - ? : ( ) . , ' +; accented letters are written without accent)`, 'SEPA_NAME', 'body', { name: String(name).slice(0, 40) });
  }
}

/** Highest amount of one SEPA credit transfer (EPC: 0.01 up to 999 999 999.99 euro). */
export const SEPA_MAX_AMOUNT = new Dec('999999999.99');
export const SEPA_MIN_AMOUNT = new Dec('0.01');

/**
 * The remittance text the payee sees on their statement: the request reference and nothing about
 * the case (no case code, title, person or neighbourhood), since bank statements travel far.
 */
export function remittanceFor(requestId: string): string {
  return `Doorbraakbudget aanvraag ${requestId}`;
}

/** ISO date-time without milliseconds, in UTC ("2026-12-02T14:35:00Z"). */
const isoDateTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * One SEPA credit transfer initiation (ISO 20022 pain.001.001.09, as the EPC SCT guidelines and
 * Dutch banks expect): one payment information block, service level SEPA, charges SLEV, every amount
 * in EUR with two decimals. Amounts stay decimal strings from Decimal, never JS numbers.
 */
export function buildPain001(file: CreditTransferFile): string {
  for (const t of file.transfers) {
    // the services refuse such amounts with a message naming the item; this is the last line of defence
    if (t.amount.lt(SEPA_MIN_AMOUNT) || t.amount.gt(SEPA_MAX_AMOUNT) || t.amount.decimalPlaces() > 2) {
      throw new Error(`pain.001: transfer ${t.endToEndId} has amount ${t.amount.toString()}; SEPA allows 0.01 to 999999999.99 with two decimals`);
    }
  }
  if (!file.transfers.length) throw new Error('pain.001: a payment batch needs at least one transfer');
  const total = sumDec(file.transfers.map((t) => t.amount));
  const count = String(file.transfers.length);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(PAIN_001_NAMESPACE, 'Document');
  const root = doc.ele('CstmrCdtTrfInitn');
  const hdr = root.ele('GrpHdr');
  hdr.ele('MsgId').txt(file.messageId);
  hdr.ele('CreDtTm').txt(isoDateTime(file.createdAt));
  hdr.ele('NbOfTxs').txt(count);
  hdr.ele('CtrlSum').txt(moneyString(total));
  hdr.ele('InitgPty').ele('Nm').txt(sepaText(file.initiatingParty, 70));
  const pmt = root.ele('PmtInf');
  pmt.ele('PmtInfId').txt(file.messageId);
  pmt.ele('PmtMtd').txt('TRF');
  // one statement entry per transfer, so every payment can be matched by its end-to-end id
  pmt.ele('BtchBookg').txt('false');
  pmt.ele('NbOfTxs').txt(count);
  pmt.ele('CtrlSum').txt(moneyString(total));
  pmt.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
  pmt.ele('ReqdExctnDt').ele('Dt').txt(file.executionDate);
  pmt.ele('Dbtr').ele('Nm').txt(sepaText(file.debtorName, 70));
  pmt.ele('DbtrAcct').ele('Id').ele('IBAN').txt(file.debtorIban);
  const agent = pmt.ele('DbtrAgt').ele('FinInstnId');
  if (file.debtorBic) agent.ele('BICFI').txt(file.debtorBic);
  else agent.ele('Othr').ele('Id').txt('NOTPROVIDED');
  pmt.ele('ChrgBr').txt('SLEV');
  for (const t of file.transfers) {
    const tx = pmt.ele('CdtTrfTxInf');
    tx.ele('PmtId').ele('EndToEndId').txt(t.endToEndId);
    tx.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(moneyString(t.amount));
    tx.ele('Cdtr').ele('Nm').txt(sepaText(t.payeeName, 70));
    tx.ele('CdtrAcct').ele('Id').ele('IBAN').txt(t.payeeIban);
    tx.ele('RmtInf').ele('Ustrd').txt(sepaText(t.remittance, 140));
  }
  return doc.end({ prettyPrint: true });
}
