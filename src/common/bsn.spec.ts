import { containsBsn, normaliseDigits } from './bsn';

const BSN = '111222333'; // passes the eleven-test
const toScript = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');

describe('containsBsn', () => {
  it.each([
    ['plain', BSN],
    ['spaces in groups', '111 222 333'],
    ['dots', '111.222.333'],
    ['dashes', '111-222-333'],
    ['en dashes', '111–222–333'],
    ['slashes', '111/222/333'],
    ['underscores', '111_222_333'],
    ['a tab', '1112\t22333'],
    ['several spaces', '111   222   333'],
    ['no-break spaces', '111\u00A0222\u00A0333'],
    ['narrow no-break spaces', '111\u202F222\u202F333'],
    ['zero-width spaces', '1\u200B1\u200B1222333'],
    ['zero-width joiners and a BOM', '111\u200D222\uFEFF333'],
    ['a soft hyphen', '1112\u00AD22333'],
    ['fullwidth digits', toScript(BSN, 0xff10)],
    ['Arabic-Indic digits', toScript(BSN, 0x0660)],
    ['Eastern Arabic-Indic digits', toScript(BSN, 0x06f0)],
    ['Devanagari digits', toScript(BSN, 0x0966)],
    ['Bengali digits with dashes', `${toScript('111', 0x09e6)}-${toScript('222', 0x09e6)}-${toScript('333', 0x09e6)}`],
    ['mathematical bold digits', toScript(BSN, 0x1d7ce)],
    ['a number inside a sentence', `mijn nummer is ${BSN}.`],
    ['a BSN followed by another number', `${BSN} 12 januari`],
  ])('finds a BSN written with %s', (_label, text) => {
    expect(containsBsn(text)).toBe(true);
  });

  it.each([
    ['nine digits failing the eleven-test', '123456789'],
    ['a phone number', '06-12345678'],
    ['ten digits', '1112223334'],
    ['an amount and a date', '€ 1.250,00 op 2026-03-01'],
    ['all zeros', '000 000 000'],
    ['eight digits', '11122233'],
  ])('does not flag %s', (_label, text) => {
    expect(containsBsn(text)).toBe(false);
  });
});

describe('normaliseDigits', () => {
  it('turns every decimal digit into ASCII and drops invisible characters', () => {
    expect(normaliseDigits(`${toScript('42', 0x0660)}\u200B${toScript('7', 0xff10)}`)).toBe('427');
  });
});
