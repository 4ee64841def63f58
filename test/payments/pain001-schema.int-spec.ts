import { readFileSync } from 'node:fs';
import { Dec } from '../../src/common/money';
import { buildPain001, CreditTransfer, CreditTransferFile, remittanceFor, SEPA_LATIN } from '../../src/payments/pain001';
import { painSchema, SUBSET_XSD, xmllint } from './xsd';

const schema = painSchema();
/** the EPC's SCT customer-to-PSP schema (not the plain ISO one): it carries the EPC restrictions */
const isEpc = schema.official && /SCT_C2PSP/.test(readFileSync(schema.path, 'utf8'));

const base: Omit<CreditTransferFile, 'transfers'> = {
  messageId: 'DBB-20261202-4F2A9C1B', createdAt: new Date('2026-12-02T10:00:00.123Z'), executionDate: '2026-12-03',
  initiatingParty: 'Gemeente Zuidoost', debtorName: 'Gemeente Zuidoost', debtorIban: 'NL02ABNA0123456789', debtorBic: 'ABNANL2A',
};
const tx = (i: number, o: Partial<CreditTransfer> = {}): CreditTransfer => ({
  endToEndId: `6F1C${String(i).padStart(28, '0')}`, amount: new Dec('100.00'), payeeName: 'NS Reizigers B.V.', payeeIban: 'NL20INGB0001234567',
  remittance: remittanceFor(`6f1c0000-0000-4000-8000-${String(i).padStart(12, '0')}`), ...o,
});

/** Batches at the edges of what the service writes. */
const BATCHES: Record<string, CreditTransferFile> = {
  'one transfer': { ...base, transfers: [tx(1)] },
  '250 transfers': { ...base, transfers: Array.from({ length: 250 }, (_, i) => tx(i, { amount: new Dec(`${i + 1}.${String(i % 100).padStart(2, '0')}`) })) },
  'no debtor BIC (Othr/Id NOTPROVIDED)': { ...base, debtorBic: null, transfers: [tx(1)] },
  'an 11-character BIC': { ...base, debtorBic: 'ABNANL2AXXX', transfers: [tx(1)] },
  'names with diacritics, ampersands, quotes and markup': {
    ...base, debtorName: 'Gemeente Súdwest-Fryslân', initiatingParty: 'Gemeente Súdwest-Fryslân',
    transfers: [
      tx(1, { payeeName: 'Zoë Çelik-Ørsted & Søn' }), tx(2, { payeeName: 'Café “De Brug” & Zonen' }), tx(3, { payeeName: 'Straße Æsir Œuvre Łódź ĳsbaan' }),
      tx(4, { payeeName: '<b>Bakkerij</b> & "Zoon" l’Oréal' }), tx(5, { payeeName: 'Stichting 😀 Vrienden_van @Zuid #1' }),
    ],
  },
  'names longer than 70 characters': {
    ...base, debtorName: 'Gemeente '.repeat(12), initiatingParty: 'I'.repeat(100),
    transfers: [tx(1, { payeeName: 'Stichting '.repeat(12) }), tx(2, { payeeName: 'é'.repeat(80) }), tx(3, { payeeName: 'ß'.repeat(69) })],
  },
  'amounts of 0.01 and 999999.99': { ...base, transfers: [tx(1, { amount: new Dec('0.01') }), tx(2, { amount: new Dec('999999.99') })] },
  'the SEPA maximum 999999999.99, twice': { ...base, transfers: [tx(1, { amount: new Dec('999999999.99') }), tx(2, { amount: new Dec('999999999.99') })] },
  'remittance texts: too long, empty, control characters, accents only': {
    ...base,
    transfers: [tx(1, { remittance: 'x'.repeat(200) }), tx(2, { remittance: '' }), tx(3, { remittance: 'Ümlaut & <tags>\u0000\u0007\ttab' }), tx(4, { remittance: 'é'.repeat(150) })],
  },
};

/** Ways to break a valid file, each one the EPC schema refuses (checked against EPC132-08 2023 V1.0). */
const BREAKS: [string, (xml: string) => string][] = [
  ['an amount above 999999999.99', (x) => x.replace('>100.00</InstdAmt>', '>1000000000.00</InstdAmt>')],
  ['an amount of 0.00', (x) => x.replace('>100.00</InstdAmt>', '>0.00</InstdAmt>')],
  ['an amount with three decimals', (x) => x.replace('>100.00</InstdAmt>', '>100.005</InstdAmt>')],
  ['a control sum with three decimals', (x) => x.replace('<CtrlSum>100.00</CtrlSum>', '<CtrlSum>100.001</CtrlSum>')],
  ['a payment block without control sum', (x) => x.replace(/(<PmtInf>[\s\S]*?)<CtrlSum>100.00<\/CtrlSum>/, '$1')],
  ['charges borne by the debtor', (x) => x.replace('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>DEBT</ChrgBr>')],
  ['a service level other than SEPA', (x) => x.replace('<Cd>SEPA</Cd>', '<Cd>NURG</Cd>')],
  ['a payment method other than TRF', (x) => x.replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>CHK</PmtMtd>')],
  ['a creditor name of 71 characters', (x) => x.replace('<Nm>NS Reizigers B.V.</Nm>', `<Nm>${'N'.repeat(71)}</Nm>`)],
  ['no creditor', (x) => x.replace(/<Cdtr>[\s\S]*?<\/Cdtr>/, '')],
  ['no debtor name', (x) => x.replace(/<Dbtr>[\s\S]*?<\/Dbtr>/, '<Dbtr></Dbtr>')],
  ['an execution date with a time', (x) => x.replace('<Dt>2026-12-03</Dt>', '<DtTm>2026-12-03T09:00:00</DtTm>')],
  ['two remittance lines', (x) => x.replace(/(<Ustrd>[^<]*<\/Ustrd>)/, '$1$1')],
  ['an end-to-end id of 36 characters', (x) => x.replace(/<EndToEndId>[^<]*</, `<EndToEndId>${'A'.repeat(36)}<`)],
];

/** Stricter than the EPC schema, from the EPC rulebook: only the subset refuses these. */
const RULEBOOK_BREAKS: [string, (xml: string) => string][] = [
  ['a creditor name outside the EPC Latin character set', (x) => x.replace('<Nm>NS Reizigers B.V.</Nm>', '<Nm>Café &amp; Zonen</Nm>')],
  ['an end-to-end id with a double slash', (x) => x.replace(/<EndToEndId>[^<]*</, '<EndToEndId>AB//CD<')],
  ['a debtor agent with a made-up Othr/Id', (x) => x.replace('<BICFI>ABNANL2A</BICFI>', '<Othr><Id>UNKNOWN</Id></Othr>')],
];

describe(`pain.001.001.09 files against ${schema.official ? `${schema.path}${isEpc ? ' (EPC)' : ''}` : 'the subset XSD'} (xmllint --schema)`, () => {
  for (const [name, file] of Object.entries(BATCHES)) {
    it(`validates a batch with ${name}`, () => {
      const xml = buildPain001(file);
      const lint = xmllint(xml);
      expect(lint.output).toContain('validates');
      expect(lint.status).toBe(0);
      // the official schema checks lengths only; every text must also be in the EPC Latin set
      for (const m of xml.matchAll(/<(Nm|Ustrd)>([^<]*)</g)) {
        expect(m[2]).toMatch(SEPA_LATIN);
        expect(m[2].length).toBeLessThanOrEqual(m[1] === 'Nm' ? 70 : 140);
      }
      if (schema.official) expect(xmllint(xml, SUBSET_XSD).status).toBe(0);
    });
  }

  it('writes names the bank can read: accents dropped, other letters spelled out, & as +', () => {
    const xml = buildPain001(BATCHES['names with diacritics, ampersands, quotes and markup']);
    const names = [...xml.matchAll(/<Nm>([^<]*)</g)].map((m) => m[1]);
    expect(names).toEqual([
      'Gemeente Sudwest-Fryslan', 'Gemeente Sudwest-Fryslan',
      'Zoe Celik-Orsted + Son', 'Cafe De Brug + Zonen', 'Strasse AEsir OEuvre Lodz ijsbaan', 'b Bakkerij /b + Zoon l\'Oreal', 'Stichting Vrienden van Zuid 1',
    ]);
  });

  it('refuses to write an amount outside what one SEPA credit transfer can carry', () => {
    for (const amount of ['1000000000.00', '0.00', '0.001']) {
      expect(() => buildPain001({ ...base, transfers: [tx(1, { amount: new Dec(amount) })] })).toThrow(/SEPA allows 0.01 to 999999999.99/);
    }
  });

  const valid = buildPain001(BATCHES['one transfer']);
  for (const [name, broken] of BREAKS) {
    it(`the subset${isEpc ? ' and the EPC schema refuse' : ' refuses'} ${name}`, () => {
      const xml = broken(valid);
      expect(xml).not.toBe(valid);
      expect(xmllint(xml, SUBSET_XSD).status).not.toBe(0);
      if (isEpc) expect(xmllint(xml).status).not.toBe(0);
    });
  }
  for (const [name, broken] of RULEBOOK_BREAKS) {
    it(`the subset refuses ${name} (EPC rulebook, not in the EPC schema)`, () => {
      const xml = broken(valid);
      expect(xml).not.toBe(valid);
      expect(xmllint(xml, SUBSET_XSD).status).not.toBe(0);
      if (isEpc) expect(xmllint(xml).status).toBe(0);
    });
  }
});
