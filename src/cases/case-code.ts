/**
 * Pseudonymous case codes: `<XX>-<year>-<4 digits>`, e.g. `ZO-2026-0007`. XX are the initials of the
 * first two words of the neighbourhood ("Zuid-Oost" → ZO), or its first two letters when it is one
 * word ("Centrum" → CE), or `CS` when there are not two letters to take. The digits are random, so a
 * code reveals nothing about order or volume; the caller retries on a collision.
 */
export const CASE_CODE_PATTERN = /^[A-Z]{2}-\d{4}-\d{4}$/;

export function caseCodePrefix(neighbourhood: string): string {
  const words = neighbourhood
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((w) => w.length > 0);
  if (words.length >= 2) return words[0][0] + words[1][0];
  if (words.length === 1 && words[0].length >= 2) return words[0].slice(0, 2);
  return 'CS';
}

/** A code for `neighbourhood` in `year`; `random` returns a number in [0, 1). */
export function makeCaseCode(neighbourhood: string, year: number, random: () => number = Math.random): string {
  const n = 1 + Math.floor(random() * 9999); // 0001 … 9999
  return `${caseCodePrefix(neighbourhood)}-${year}-${String(n).padStart(4, '0')}`;
}
