/**
 * Labels and mappings the database side of the reports adds to the raw data: life domains, roles,
 * provision reasons, and how a partner organisation's kind lines up with the catalogue's bearers.
 */
import type { Locale } from '../common/locale';
import type { BearerKey } from '../cost-comparison/catalogue-csv';
import type { OrganisationKind } from '../organisations/organisation.entity';

/** How the actor of a workflow step is named in the justification's history. */
export const ROLE_LABELS: Readonly<Record<Locale, Record<string, string>>> = {
  nl: { professional: 'professional', budget_holder: 'budgethouder', steering_group: 'stuurgroep', admin: 'fondsbeheerder' },
  en: { professional: 'professional', budget_holder: 'budget holder', steering_group: 'steering group', admin: 'fund administrator' },
};

/** Why an existing provision does not help (request.dto.ts PROVISION_REASONS). */
export const PROVISION_REASON_LABELS: Readonly<Record<Locale, Record<string, string>>> = {
  nl: {
    too_slow: 'Duurt te lang',
    not_eligible: 'Voldoet niet aan de voorwaarden',
    none_exists: 'Er is geen voorziening voor',
    other: 'Anders',
  },
  en: {
    too_slow: 'Takes too long',
    not_eligible: 'Not eligible',
    none_exists: 'No provision exists for this',
    other: 'Other',
  },
};

/**
 * A partner organisation's kind as the catalogue's bearer key, so the steering report can put
 * "who pays" (contributions) next to "who benefits" (avoided costs per bearer):
 *
 * - municipality → municipality, police → police, housing → housing_corporation;
 * - health_insurer → health_insurer: the insurer pays the care of the health insurance act (Zvw),
 *   so the avoided crisis admissions and clinical days are the benefit on its side of the table;
 * - mental_health and addiction_care → care_provider: a GGZ or addiction-care institution provides
 *   the care, it does not pay for it; no avoided cost in the catalogue is borne by a provider, so
 *   its contribution has no benefit of its own in the table (it is not a health insurer);
 * - welfare → municipality: welfare organisations are commissioned and subsidised by the
 *   municipality (Wmo), whose budget bears the avoided support and case meetings;
 * - other → society.
 */
export const ORGANISATION_KIND_BEARER: Readonly<Record<OrganisationKind, BearerKey | 'care_provider'>> = {
  municipality: 'municipality',
  police: 'police',
  housing: 'housing_corporation',
  health_insurer: 'health_insurer',
  mental_health: 'care_provider',
  addiction_care: 'care_provider',
  welfare: 'municipality',
  other: 'society',
};

export function bearerOfOrganisationKind(kind: string): string {
  return (ORGANISATION_KIND_BEARER as Record<string, string>)[kind] ?? 'society';
}
