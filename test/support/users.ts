/** The demo accounts every test world logs in as (seeded by startTestApp, as by `DEMO_SEED=true`). */
export const U = {
  admin: 'admin@demo.local', // Anouk Beheer, Gemeente Zuidoost
  bh: 'budgethouder@demo.local', // Bram Budgethouder, Gemeente Zuidoost
  bh2: 'budgethouder2@demo.local', // Esra Budgethouder, GGZ-instelling De Brug
  pro: 'professional@demo.local', // Petra Wijkprofessional, Welzijn Op Maat
  pro2: 'professional2@demo.local', // Karim Wijkprofessional, Verslavingszorg Noord
  sg: 'stuurgroep@demo.local', // Sanne Stuurgroep, Gemeente Zuidoost
} as const;

export type DemoUser = (typeof U)[keyof typeof U];
