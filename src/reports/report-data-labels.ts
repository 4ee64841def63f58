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
 * - mental_health and addiction_care → health_insurer: their care is paid from the health
 *   insurance act (Zvw) through the insurers, so the avoided crisis admissions and clinical days
 *   (bearer health_insurer) are the benefit on their side of the table;
 * - welfare → municipality: welfare organisations are commissioned and subsidised by the
 *   municipality (Wmo), whose budget bears the avoided support and case meetings;
 * - other → society.
 */
export const ORGANISATION_KIND_BEARER: Readonly<Record<OrganisationKind, BearerKey>> = {
  municipality: 'municipality',
  police: 'police',
  housing: 'housing_corporation',
  mental_health: 'health_insurer',
  addiction_care: 'health_insurer',
  welfare: 'municipality',
  other: 'society',
};

export function bearerOfOrganisationKind(kind: string): string {
  return (ORGANISATION_KIND_BEARER as Record<string, string>)[kind] ?? 'society';
}
