/**
 * Citizen service numbers (BSN) must not end up in this system. A BSN is 9 digits passing the
 * "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). We refuse any free text containing such a
 * number, however it is written: in groups with spaces, dots, dashes, slashes, underscores, tabs
 * or no-break spaces, with zero-width characters in between, or in non-ASCII digits (fullwidth,
 * Arabic-Indic, Devanagari …), so nobody stores one by accident or slips one past the check.
 */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks) carry no meaning in a number. */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;
/** A run of digit groups joined by at most a few separator characters. */
const DIGIT_RUN = /\d+(?:[\s\p{Zs}._\-/\u2010-\u2015\u2212\u00B7\u2022]{1,4}\d+)*/gu;
const GROUP_SPLIT = /[^\d]+/;

/** The value 0..9 of any Unicode decimal digit (Nd comes in contiguous runs of ten starting at zero). */
function digitValue(ch: string): string {
  let cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

/** Text with every decimal digit as ASCII, compatibility forms folded (NFKC) and invisible characters removed. */
export function normaliseDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\p{Nd}/gu, (ch) => (ch >= '0' && ch <= '9' ? ch : digitValue(ch)));
}

/**
 * True when the text holds nine digits passing the eleven-test, written together or in groups.
 * Within a run of digit groups, every sequence of whole consecutive groups with exactly nine
 * digits is tested, so "111 222 333" and "111222333 12" are found but "06-12345678" is not.
 */
export function containsBsn(text: string): boolean {
  const runs = normaliseDigits(text).match(DIGIT_RUN) ?? [];
  for (const run of runs) {
    const groups = run.split(GROUP_SPLIT).filter(Boolean);
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 9; j++) {
        digits += groups[j];
        if (digits.length === 9 && isBsn(digits)) return true;
      }
    }
  }
  return false;
}
