import { create } from 'xmlbuilder2';
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

/**
 * Text as SEPA carries it: the EPC's Latin character set (letters, digits, space and / - ? : ( ) . , ' +).
 * Accents are dropped ("Café" → "Cafe"), anything else becomes a space, and the text is cut to `max`.
 */
export function sepaText(text: string, max: number): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (plain || '-').slice(0, max).trim();
}

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
