import { hostname, userInfo } from 'node:os';
import type { Role } from '../users/user.entity';

/**
 * Who runs a command line that reads case data or exports it. The command line has no login, so the
 * operator names their own account with --operator <e-mail>; it must be an active user with a role
 * that may produce the output through the web or the API too. The log row carries that account (so
 * an auditor finds a person, the same one as in the web and API rows) and, beside it, the operating
 * system account and host the command ran under, which the server's own login records can confirm.
 */
export interface CliOperator {
  user: { id: string; email: string };
  osUser: string;
  host: string;
}

/** The operator could not be identified or may not do this: the command stops before it reads anything. */
export class OperatorError extends Error {}

/** --operator <e-mail> or --operator=<e-mail>; undefined when absent. */
export function operatorArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--operator') return argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : '';
    if (argv[i].startsWith('--operator=')) return argv[i].slice('--operator='.length);
  }
  return undefined;
}

export function requireOperatorArg(value: string | undefined, allowed: readonly Role[]): string {
  const email = value?.trim() ?? '';
  if (!email) {
    throw new OperatorError(
      `--operator is required: the e-mail address of your own Doorbraakbudget account (role ${allowed.join(' or ')}); ` +
        'the command line has no login, so this is the name the access log records',
    );
  }
  return email;
}

/** The operating-system account (falls back to $USER or the uid when there is no passwd entry, as in some containers). */
export function osAccount(): { osUser: string; host: string } {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    osUser = process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
  return { osUser, host: hostname() };
}

/** Check the account behind --operator. */
export function checkOperator(
  email: string,
  found: { id: string; email: string; active: boolean; roles: readonly string[] } | null,
  allowed: readonly Role[],
  purpose: string,
): CliOperator['user'] {
  if (!found) throw new OperatorError(`--operator ${email}: there is no user with this e-mail address`);
  if (!found.active) throw new OperatorError(`--operator ${email}: this account is deactivated`);
  if (!found.roles.some((r) => (allowed as readonly string[]).includes(r))) {
    throw new OperatorError(
      `--operator ${email}: ${purpose} needs the role ${allowed.join(' or ')}; this account has ${found.roles.length ? found.roles.join(', ') : 'no roles'}`,
    );
  }
  return { id: found.id, email: found.email };
}
