import { parseCamt053 } from '../payments/camt053';
import { parseIban } from '../payments/iban';
import { DomainError } from '../common/domain-error';
import { problemText } from './problem-text';

const caught = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('did not throw');
};
const dutch = (e: DomainError) => problemText(e.code, e.message, 'nl', e.args);

describe('Dutch words for payment refusals', () => {
  const stmt = (entry: string) => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr>
<Stmt><Id>S-7</Id><Acct><Id><IBAN>NL02ABNA0123456789</IBAN></Id></Acct>
${entry}
</Stmt></BkToCstmrStmt></Document>`;

  it('names the line, entry and statement of a malformed amount, as the English message does', () => {
    const e = caught(() => parseCamt053(stmt('<Ntry><Amt Ccy="EUR">12,50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>')));
    expect(e.message).toMatch(/^xml: line 4 \(entry 1 of statement S-7\): Ntry\/Amt "12,50" is not an amount/);
    expect(dutch(e)).toBe('Regel 4 (post 1 van afschrift S-7): Ntry/Amt "12,50" is geen bedrag. Een bedrag is cijfers met een punt en hooguit twee decimalen, bijvoorbeeld 125.50.');
    expect(problemText(e.code, e.message, 'en', e.args)).toBe(e.message);
  });

  it('says in Dutch why an IBAN is wrong', () => {
    expect(dutch(caught(() => parseIban('NL20INGB0001234568', 'iban')))).toBe('Dit IBAN klopt niet (NL20INGB0001234568): de controlecijfers kloppen niet (controle modulus 97); kijk na of er een tikfout in zit.');
    expect(dutch(caught(() => parseIban('NL20INGB000123456', 'iban')))).toContain('het heeft niet de juiste lengte voor dat land');
    expect(dutch(caught(() => parseIban('', 'iban')))).toBe('Vul een IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.');
  });

  it('keeps the service words when a sentence would miss its values (an error page has no args)', () => {
    expect(problemText('STATEMENT.INVALID_AMOUNT', 'xml: line 3 …', 'nl')).toBe('xml: line 3 …');
    expect(problemText('PAYMENT.NOTHING_DUE', 'no approved commitments…', 'nl')).toBe('Er staan geen goedgekeurde reserveringen met een IBAN open om te betalen.');
  });
});
