/**
 * Citizen service numbers (BSN) must not end up in this system. A BSN is 9 digits passing the
 * "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). We refuse any free text containing such a
 * number (also written with spaces or dots in groups), so nobody stores one by accident.
 */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export function containsBsn(text: string): boolean {
  const candidates = text.match(/(?<!\d)\d(?:[ .]?\d){8}(?!\d)/g) ?? [];
  return candidates.some((c) => isBsn(c.replace(/[ .]/g, '')));
}
