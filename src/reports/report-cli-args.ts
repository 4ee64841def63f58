import type { Locale } from '../common/locale';

export const USAGE =
  'usage: npm run report -- --operator <your e-mail> [--fund <id|name>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out reports/<file>.pdf] [--lang nl|en]';

/** Who may make the steering report: the same roles as GET /api/v1/reports/steering.pdf. */
export const REPORT_OPERATOR_ROLES = ['steering_group', 'budget_holder', 'admin'] as const;

/** Bad command-line arguments: the message and the usage line are printed. */
export class UsageError extends Error {}

export interface CliOptions {
  /** the operator's account (e-mail), recorded in the access log */
  operator: string;
  fund?: string;
  from?: string;
  to?: string;
  out?: string;
  lang: Locale;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const known = new Set(['operator', 'fund', 'from', 'to', 'out', 'lang']);
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new UsageError(`unexpected argument "${argv[i]}"`);
    const [, name, inline] = m;
    if (name === 'help') throw new UsageError('');
    if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    values[name] = value;
  }
  const lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang must be nl or en (got "${lang}")`);
  const operator = values.operator?.trim();
  if (!operator) {
    throw new UsageError(
      `--operator is required: the e-mail address of your own Doorbraakbudget account (role ${REPORT_OPERATOR_ROLES.join(', ')}); the report is recorded in the access log under it`,
    );
  }
  return { operator, fund: values.fund, from: values.from, to: values.to, out: values.out, lang };
}
