import type { Locale } from '../common/locale';

/** The life domains a case and a request are about (the API's enum). */
export const LIFE_DOMAINS = ['housing', 'income_debts', 'care_support', 'daytime_activity', 'safety', 'social_network'] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** The one label table of the life domains: pages, PDFs and mails all read it. */
export const LIFE_DOMAIN_LABELS: Readonly<Record<Locale, Readonly<Record<LifeDomain, string>>>> = {
  nl: {
    housing: 'Wonen',
    income_debts: 'Inkomen en schulden',
    care_support: 'Zorg en ondersteuning',
    daytime_activity: 'Dagbesteding',
    safety: 'Veiligheid',
    social_network: 'Sociaal netwerk',
  },
  en: {
    housing: 'Housing',
    income_debts: 'Income and debts',
    care_support: 'Care and support',
    daytime_activity: 'Daytime activity',
    safety: 'Safety',
    social_network: 'Social network',
  },
};
