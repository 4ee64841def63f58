import type { OrganisationKind } from '../organisations/organisation.entity';
import type { Role } from '../users/user.entity';

/** The partner organisations of the demo network. */
export const DEMO_ORGANISATIONS: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: 'gemeente', name: 'Gemeente Zuidoost', kind: 'municipality' },
  { key: 'ggz', name: 'GGZ-instelling De Brug', kind: 'mental_health' },
  { key: 'verslavingszorg', name: 'Verslavingszorg Noord', kind: 'addiction_care' },
  { key: 'woningcorporatie', name: 'Woningcorporatie Thuisbasis', kind: 'housing' },
  { key: 'politie', name: 'Politie basisteam Zuidoost', kind: 'police' },
  { key: 'welzijn', name: 'Welzijn Op Maat', kind: 'welfare' },
  // the insurer that pays the GGZ care (the GGZ institution itself is a care provider, not an insurer)
  { key: 'zorgverzekeraar', name: 'Zorgverzekeraar Regio Zuidoost', kind: 'health_insurer' },
];

/** The demo accounts the public contract names (see the README). */
export const DEMO_USERS: { email: string; displayName: string; org: string; roles: Role[] }[] = [
  { email: 'admin@demo.local', displayName: 'Anouk Beheer', org: 'gemeente', roles: ['admin'] },
  { email: 'budgethouder@demo.local', displayName: 'Bram Budgethouder', org: 'gemeente', roles: ['budget_holder'] },
  { email: 'budgethouder2@demo.local', displayName: 'Esra Budgethouder', org: 'ggz', roles: ['budget_holder'] },
  { email: 'professional@demo.local', displayName: 'Petra Wijkprofessional', org: 'welzijn', roles: ['professional'] },
  { email: 'professional2@demo.local', displayName: 'Karim Wijkprofessional', org: 'verslavingszorg', roles: ['professional'] },
  { email: 'stuurgroep@demo.local', displayName: 'Sanne Stuurgroep', org: 'gemeente', roles: ['steering_group'] },
];
