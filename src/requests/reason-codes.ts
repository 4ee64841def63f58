/**
 * History reasons the system writes itself get a stable code with parameters next to their Dutch
 * text, so that a page can say them in the reader's language. Reasons a person typed (a rejection,
 * a question, a comment) have no code: they are shown as written. The Dutch text stays the audit
 * record (it is what the hash chain covers); the code is derived from it where the event is recorded.
 */
export interface ReasonCode {
  code: string;
  /** money as decimal strings ("3000.00"), the rest as written */
  params: Record<string, string>;
}

/** "€ 3.000,00" (formatEuro, nl) → "3000.00" */
const EURO = '(-?€ ?-?[\\d.]+,\\d{2})';
const euro = (s: string): string => s.replace(/[€\s.]/g, '').replace(',', '.');

const FIXED: Record<string, string> = {
  'aanvraag aangemaakt': 'created',
  ingediend: 'submitted',
  'opnieuw ingediend na vraag om informatie': 'resubmitted',
  'akkoord (tweede akkoord)': 'approved_second',
  'akkoord (één budgethouder)': 'approved_single',
  'ingetrokken door de aanvrager': 'withdrawn',
  geannuleerd: 'cancelled',
};

const GOAL: Record<string, string> = { ja: 'yes', deels: 'partly', nee: 'no' };

const PATTERNS: { re: RegExp; code: string; params: (m: RegExpExecArray) => Record<string, string> }[] = [
  {
    re: /^eerste akkoord \(1 van (\d+)\)(?:: ([\s\S]*))?$/,
    code: 'first_approval',
    params: (m) => ({ needed: m[1], ...(m[2] ? { comment: m[2] } : {}) }),
  },
  {
    re: new RegExp(`^(achteraf geregistreerd: )?Binnen mandaat: ${EURO} valt binnen het mandaat van de aanvrager \\(${EURO}\\)\\.$`),
    code: 'within_mandate',
    params: (m) => ({ amount: euro(m[2]), mandate: euro(m[3]), ...(m[1] ? { retroactive: 'true' } : {}) }),
  },
  {
    re: new RegExp(`^(betaald|deelbetaling) ${EURO}, referentie ([\\s\\S]*?)(?:; rest van de reservering \\(${EURO}\\) vrijgegeven|; nog gereserveerd ${EURO})?$`),
    code: 'paid',
    params: (m) => ({
      amount: euro(m[2]),
      reference: m[3],
      partial: m[1] === 'deelbetaling' ? 'true' : 'false',
      ...(m[4] ? { released: euro(m[4]) } : {}),
      ...(m[5] ? { remaining: euro(m[5]) } : {}),
    }),
  },
  {
    re: /^follow-up na (\d+) maanden; doel bereikt: (ja|deels|nee)$/,
    code: 'outcome',
    params: (m) => ({ months: m[1], goal: GOAL[m[2]] }),
  },
];

export function reasonCodeOf(reason: string): ReasonCode | null {
  const fixed = FIXED[reason];
  if (fixed) return { code: fixed, params: {} };
  for (const p of PATTERNS) {
    const m = p.re.exec(reason);
    if (m) return { code: p.code, params: p.params(m) };
  }
  return null;
}
