/** Language of labels and remarks in a comparison; Dutch is the default everywhere. */
export type ComparisonLocale = 'nl' | 'en';

const EN_WORDS: Record<string, string> = { prijsjaar: 'price year', prijspeil: 'price level' };

/**
 * The CPI series writes its remarks in Dutch (cpi.ts); this gives the English reading for
 * locale 'en'. A remark this function does not recognise is returned unchanged, so a new Dutch
 * wording degrades to Dutch rather than to nothing.
 */
export function translatePriceNote(note: string, locale: ComparisonLocale): string {
  if (locale === 'nl') return note;
  let m = /^CPI bekend t\/m (\d+); (prijsjaar|prijspeil) (\d+) benaderd met (\d+)$/.exec(note);
  if (m) return `CPI known up to ${m[1]}; ${EN_WORDS[m[2]]} ${m[3]} approximated by ${m[4]}`;
  m = /^CPI bekend vanaf (\d+); (prijsjaar|prijspeil) (\d+) benaderd met (\d+)$/.exec(note);
  if (m) return `CPI known from ${m[1]}; ${EN_WORDS[m[2]]} ${m[3]} approximated by ${m[4]}`;
  m = /^Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil (\d+) \(niet geïndexeerd\)$/.exec(note);
  if (m) return `No price year known; amount used unchanged as price level ${m[1]} (not indexed)`;
  return note;
}
