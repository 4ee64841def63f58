import type { Locale } from '../common/locale';
import type { Comparison } from '../cost-comparison/comparison.types';

/** cpiNote from the last year of the CPI series (`lastYear`), without the service. */
export function cpiNoteOf(comparisons: readonly Comparison[], locale: Locale, lastYear: number): string {
  const years = [...new Set(comparisons.map((c) => c.priceYear))].sort((a, b) => a - b);
  const notes = [...new Set(comparisons.flatMap((c) => c.priceNotes))].sort();
  const yearList = years.length ? years.join(', ') : String(lastYear);
  if (locale === 'en') {
    const base =
      `Amounts of the conventional route were brought to the price level of the year of each request (${yearList}) ` +
      `with the CBS consumer price index (annual changes, known up to ${lastYear}) when the route was entered; ` +
      'a later change of the catalogue or the index does not change a request.';
    return notes.length ? `${base} Remarks: ${sentences(notes)}` : base;
  }
  const base =
    `Bedragen van de reguliere route zijn bij het invoeren van de aanvraag met de CBS-consumentenprijsindex ` +
    `(jaarmutaties, bekend t/m ${lastYear}) naar het prijspeil van het aanvraagjaar (${yearList}) gebracht; ` +
    'een latere wijziging van de catalogus of de index verandert een aanvraag niet.';
  return notes.length ? `${base} Opmerkingen: ${sentences(notes)}` : base;
}

/**
 * Remarks as sentences of their own ("CPI bekend t/m 2025; prijsjaar 2026 benaderd met 2025. Geen
 * prijsjaar bekend; …."): joined with "; " a remark that starts with a capital would follow a semicolon.
 */
export function sentences(notes: readonly string[]): string {
  return notes.map((n) => (/[.!?]$/.test(n) ? n : `${n}.`)).join(' ');
}
