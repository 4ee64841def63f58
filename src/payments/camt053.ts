import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';

/** One transaction of a statement, flattened: an entry (Ntry) with one line per transaction detail (TxDtls). */
export interface StatementLine {
  /** 1-based, in document order over all statements of the file */
  position: number;
  /** 1-based line of the element in the XML (the TxDtls, or the Ntry when it has none) */
  xmlLine: number;
  entryNumber: number;
  amount: Dec;
  direction: 'DBIT' | 'CRDT';
  booked: boolean;
  endToEndId: string | null;
  returnReason: string | null;
  reversal: boolean;
}

export interface ParsedStatement {
  statementId: string;
  accountIban: string;
  lines: StatementLine[];
}

export interface ParsedStatementFile {
  messageId: string;
  namespace: string;
  statements: ParsedStatement[];
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(0[2-9]|1[0-3])$/;
/** a decimal with at most two decimals (what a EUR amount can be); no sign, no thousands separator */
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

type Node = Record<string, unknown>;
const asList = (v: unknown): Node[] => (v === undefined || v === null ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const child = (n: unknown, ...path: string[]): unknown => path.reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Node)[k] : undefined), n);
const textOf = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') {
    const t = (v as Node)['#text'];
    return t === undefined || t === null ? null : String(t).trim();
  }
  return String(v).trim();
};

type Args = Record<string, string | number>;
const invalid = (code: string, message: string, args: Args = {}): DomainError =>
  new DomainError('invalid', code, `xml: ${message}`, [{ in: 'body', location: '#/xml', code, detail: message }], args);

/** The namespace of the root Document element (the parser drops namespace declarations). */
function documentNamespace(xml: string): string {
  const start = /<(?:([A-Za-z_][\w.-]*):)?Document[\s>]([^>]*)>?/.exec(xml);
  if (!start) return '';
  const prefix = start[1];
  const attr = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']+)["']`).exec(start[2] ?? '');
  return attr ? attr[1] : '';
}

/** Byte offsets → 1-based line numbers of every opening tag `name` (any namespace prefix), in order. */
function tagLines(xml: string, name: string): number[] {
  const lines: number[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, 'g');
  let line = 1;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/**
 * Parse an ISO 20022 bank-to-customer statement (camt.053.001.02 to .13). Amounts are read as text and
 * become Decimals; a malformed amount, a currency other than EUR or an end-to-end id that occurs twice
 * (for the same direction) refuses the whole file with a 400 that names the XML line and entry.
 */
export function parseCamt053(xml: string): ParsedStatementFile {
  if (typeof xml !== 'string' || !xml.trim()) throw invalid('STATEMENT.EMPTY', 'is required: the camt.053 bank statement as XML text');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid('STATEMENT.NOT_XML', `is not well-formed XML: line ${valid.err.line}: ${valid.err.msg}`, { line: valid.err.line });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
  });
  const doc = parser.parse(xml) as Node;
  const document = doc.Document as Node | undefined;
  const ns = documentNamespace(xml);
  const report = child(document, 'BkToCstmrStmt') as Node | undefined;
  if (!document || !report) throw invalid('STATEMENT.NOT_CAMT053', 'is not a camt.053 bank statement (expected Document/BkToCstmrStmt)');
  if (!NAMESPACE.test(ns)) throw invalid('STATEMENT.NOT_CAMT053', `has namespace "${ns}"; expected urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 to .13`, { namespace: ns });
  const messageId = textOf(child(report, 'GrpHdr', 'MsgId'));
  if (!messageId) throw invalid('STATEMENT.INVALID', 'GrpHdr/MsgId is missing', { missing: 'GrpHdr/MsgId' });

  const ntryLines = tagLines(xml, 'Ntry');
  const txLines = tagLines(xml, 'TxDtls');
  let entryIndex = 0;
  let txIndex = 0;
  let position = 0;
  const statements: ParsedStatement[] = [];
  for (const stmt of asList(report.Stmt)) {
    const statementId = textOf(child(stmt, 'Id'));
    const accountIban = textOf(child(stmt, 'Acct', 'Id', 'IBAN'));
    if (!statementId) throw invalid('STATEMENT.INVALID', `statement ${statements.length + 1}: Stmt/Id is missing`, { missing: 'Stmt/Id', statement: statements.length + 1 });
    if (!accountIban) throw invalid('STATEMENT.INVALID', `statement ${statementId}: Acct/Id/IBAN is missing`, { missing: 'Acct/Id/IBAN', statement: statementId });
    const acctCcy = textOf(child(stmt, 'Acct', 'Ccy'));
    if (acctCcy && acctCcy !== 'EUR') throw invalid('STATEMENT.WRONG_CURRENCY', `statement ${statementId}: account currency ${acctCcy}; only EUR accounts can be reconciled`, { statement: statementId, currency: acctCcy });
    const lines: StatementLine[] = [];
    for (const ntry of asList(stmt.Ntry)) {
      entryIndex += 1;
      const entryLine = ntryLines[entryIndex - 1] ?? 0;
      const at = (line: number): Where => ({ text: `line ${line} (entry ${entryIndex} of statement ${statementId})`, args: { line, entry: entryIndex, statement: statementId } });
      const entryAmount = readAmount(child(ntry, 'Amt'), at(entryLine), 'Ntry/Amt');
      const cd = textOf(child(ntry, 'CdtDbtInd'));
      if (cd !== 'DBIT' && cd !== 'CRDT') {
        throw invalid('STATEMENT.INVALID_LINE', `${at(entryLine).text}: CdtDbtInd "${cd ?? ''}" must be DBIT or CRDT`, { ...at(entryLine).args, problem: 'direction', value: (cd ?? '').slice(0, 30) });
      }
      // camt.053.001.02–.03 carry the status as text, later versions as Sts/Cd
      const status = textOf(child(ntry, 'Sts', 'Cd')) ?? textOf(child(ntry, 'Sts'));
      const reversal = textOf(child(ntry, 'RvslInd')) === 'true';
      const details = asList(child(ntry, 'NtryDtls')).flatMap((d) => asList(d.TxDtls));
      if (!details.length) {
        position += 1;
        lines.push({ position, xmlLine: entryLine, entryNumber: entryIndex, amount: entryAmount, direction: cd, booked: status === 'BOOK', endToEndId: null, returnReason: null, reversal });
        continue;
      }
      for (const tx of details) {
        txIndex += 1;
        const line = txLines[txIndex - 1] ?? entryLine;
        const txAmt = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
        if (txAmt === undefined && details.length > 1) {
          throw invalid('STATEMENT.INVALID_LINE', `${at(line).text}: TxDtls/Amt is missing for one of several transactions of the entry`, { ...at(line).args, problem: 'tx-amount' });
        }
        const amount = txAmt === undefined ? entryAmount : readAmount(txAmt, at(line), 'TxDtls/Amt');
        const e2e = textOf(child(tx, 'Refs', 'EndToEndId'));
        position += 1;
        lines.push({
          position,
          xmlLine: line,
          entryNumber: entryIndex,
          amount,
          direction: cd,
          booked: status === 'BOOK',
          endToEndId: e2e && e2e !== 'NOTPROVIDED' ? e2e : null,
          returnReason: child(tx, 'RtrInf') === undefined ? null : (textOf(child(tx, 'RtrInf', 'Rsn', 'Cd')) ?? textOf(child(tx, 'RtrInf', 'Rsn', 'Prtry')) ?? 'onbekend'),
          reversal,
        });
      }
    }
    statements.push({ statementId, accountIban: accountIban.replace(/\s+/g, '').toUpperCase(), lines });
  }
  if (!statements.length) throw invalid('STATEMENT.INVALID', 'contains no statement (BkToCstmrStmt/Stmt)', { missing: 'BkToCstmrStmt/Stmt' });
  assertUniqueEndToEnd(statements.flatMap((s) => s.lines));
  return { messageId, namespace: ns, statements };
}

/** Is this line money coming back (a return or a reversal) rather than a payment going out? */
export const isReturn = (l: StatementLine): boolean => l.direction === 'CRDT' && (l.returnReason !== null || l.reversal);

function assertUniqueEndToEnd(lines: StatementLine[]): void {
  const seen = new Map<string, StatementLine>();
  for (const l of lines) {
    if (!l.endToEndId || !l.booked) continue;
    const key = `${isReturn(l) ? 'return' : l.direction}:${l.endToEndId}`;
    const first = seen.get(key);
    if (first) {
      throw invalid('STATEMENT.DUPLICATE_END_TO_END_ID', `line ${l.xmlLine} (entry ${l.entryNumber}): end-to-end id ${l.endToEndId} occurs twice (first on line ${first.xmlLine}, entry ${first.entryNumber})`, {
        line: l.xmlLine, entry: l.entryNumber, endToEndId: l.endToEndId, firstLine: first.xmlLine, firstEntry: first.entryNumber,
      });
    }
    seen.set(key, l);
  }
}

/** Where in the file a problem is: the English words of the API and their values for other languages. */
interface Where {
  text: string;
  args: Args;
}

function readAmount(node: unknown, where: Where, element: string): Dec {
  const raw = textOf(node);
  const ccy = textOf(child(node, '@Ccy'));
  if (raw === null || !AMOUNT.test(raw)) {
    const value = (raw ?? '').slice(0, 30);
    throw invalid('STATEMENT.INVALID_AMOUNT', `${where.text}: ${element} "${value}" is not an amount (digits with at most two decimals and a point, e.g. 125.50)`, { ...where.args, element, value });
  }
  if (ccy !== 'EUR') throw invalid('STATEMENT.WRONG_CURRENCY', `${where.text}: ${element} is in ${ccy ?? 'no currency'}; only EUR can be reconciled`, { ...where.args, element, currency: ccy ?? '' });
  return new Dec(raw);
}
