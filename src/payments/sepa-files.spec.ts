import { Dec } from '../common/money';
import { isReturn, parseCamt053 } from './camt053';
import { buildPain001, remittanceFor, sepaText } from './pain001';

const stmt = (body: string, ns = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02') => `<?xml version="1.0"?>
<Document xmlns="${ns}"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>NL02 ABNA 0123 4567 89</IBAN></Id></Acct>
${body}
</Stmt></BkToCstmrStmt></Document>`;

describe('SEPA texts', () => {
  it('keeps text in the EPC Latin character set and within its length', () => {
    expect(sepaText('Café “De Brug” & Zonen', 70)).toBe('Cafe De Brug + Zonen');
    expect(sepaText('Straße Øster ĳs', 70)).toBe('Strasse Oster ijs');
    expect(sepaText('x'.repeat(80), 70)).toHaveLength(70);
    expect(sepaText('€€€', 70)).toBe('-');
  });

  it('gives the payee the request reference and nothing else', () => {
    expect(remittanceFor('6f1c0000-0000-4000-8000-000000000001')).toBe('Doorbraakbudget aanvraag 6f1c0000-0000-4000-8000-000000000001');
  });

  it('writes amounts and the control sum as exact decimals', () => {
    const xml = buildPain001({
      messageId: 'DBB-1', createdAt: new Date('2026-12-02T10:00:00.123Z'), executionDate: '2026-12-03', initiatingParty: 'Gemeente', debtorName: 'Gemeente',
      debtorIban: 'NL02ABNA0123456789', debtorBic: null,
      transfers: [
        { endToEndId: 'A', amount: new Dec('0.10'), payeeName: 'P', payeeIban: 'NL20INGB0001234567', remittance: 'r' },
        { endToEndId: 'B', amount: new Dec('0.20'), payeeName: 'Q', payeeIban: 'NL20INGB0001234567', remittance: 'r' },
      ],
    });
    expect(xml).toContain('<CtrlSum>0.30</CtrlSum>');
    expect(xml).toContain('<CreDtTm>2026-12-02T10:00:00Z</CreDtTm>');
    expect(xml).toContain('<Othr>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.10</InstdAmt>');
  });
});

describe('camt.053', () => {
  it('reads the older text status, several transactions of one entry and their XML lines', () => {
    const parsed = parseCamt053(stmt(`<Ntry><Amt Ccy="EUR">30.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<NtryDtls>
<TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">10.00</Amt></TxAmt></AmtDtls></TxDtls>
<TxDtls><Refs><EndToEndId>E2</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls></TxDtls>
</NtryDtls></Ntry>`));
    expect(parsed.statements[0].accountIban).toBe('NL02ABNA0123456789');
    const lines = parsed.statements[0].lines;
    expect(lines.map((l) => [l.endToEndId, l.amount.toFixed(2), l.booked, l.xmlLine])).toEqual([['E1', '10.00', true, 6], ['E2', '20.00', true, 7]]);
  });

  it('tells a return from a payment, and keeps amounts as exact decimals', () => {
    const parsed = parseCamt053(stmt(`<Ntry><Amt Ccy="EUR">123456789012.34</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<NtryDtls><TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>`, 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08'));
    const [line] = parsed.statements[0].lines;
    expect(isReturn(line)).toBe(true);
    expect(line.returnReason).toBe('AC04');
    expect(line.amount.toFixed(2)).toBe('123456789012.34');
  });

  it('refuses what is no camt.053, a negative amount and three decimals, naming the line', () => {
    expect(() => parseCamt053('<a>')).toThrow(/^xml: is not well-formed XML/);
    expect(() => parseCamt053(stmt('', 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09'))).toThrow(/expected urn:iso:std:iso:20022:tech:xsd:camt.053/);
    expect(() => parseCamt053(stmt('<Ntry><Amt Ccy="EUR">-5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>'))).toThrow(/^xml: line 4 \(entry 1 of statement S1\): Ntry\/Amt "-5.00" is not an amount/);
    expect(() => parseCamt053(stmt('\n<Ntry><Amt Ccy="EUR">5.001</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>'))).toThrow(/^xml: line 5 /);
  });
});
