import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Role, ROLES } from '../users/user.entity';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The validated, typed, frozen configuration. Nothing else in the code base reads process.env. */
export interface AppConfig {
  readonly nodeEnv: 'production' | 'development' | 'test';
  readonly port: number;
  /** null → embedded PostgreSQL (PGlite) in DATA_DIR */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  /** null → decide at boot: on in embedded mode when the database is empty */
  readonly demoSeed: boolean | null;
  readonly demoPassword: string | null;
  readonly sessionSecret: string | null;
  readonly migrateOnBoot: boolean;
  readonly logLevel: LogLevel;
  /** secure cookie flag; defaults to true in production */
  readonly cookieSecure: boolean;
  /** working days a non-urgent request may wait for a decision */
  readonly decisionWorkingDays: number;
  readonly dbPoolSize: number;
  /** concurrent approvals of one fund share one transaction in this instance (group commit); false → one each */
  readonly groupCommit: boolean;
  /** old-generation heap ceiling of the steering-report worker thread, MB (REPORT_WORKER_HEAP_MB) */
  readonly reportWorkerHeapMb: number;
  /** failed-or-not login attempts allowed per account per 15 minutes, and per address per minute */
  readonly loginLimitPerAccount: number;
  readonly loginLimitPerAddress: number;
  /** lifetime of API bearer tokens */
  readonly tokenTtlMinutes: number;
  /** smtp:// or smtps:// URL; null → notifications only in the in-app inbox and the log */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** base of the links in mails, e.g. https://doorbraak.gemeente.nl (default http://localhost:PORT) */
  readonly publicUrl: string;
  /** how often each instance looks for notification work; 0 turns the worker off */
  readonly notifyPollMs: number;
  /** hours before an urgent deadline that the budget holders get a reminder */
  readonly reminderHours: number;
  /** hour of the day (Europe/Amsterdam) at which daily digests go out */
  readonly digestHour: number;
  /** minutes between signed ledger checkpoints (written only when a chain moved); 0 → only on reports and verify */
  readonly ledgerCheckpointMinutes: number;
  /** months after a case is closed that its narrative texts are kept (then erased; amounts and the ledger stay) */
  readonly retentionNarrativeMonths: number;
  /** how often the retention job looks for expired cases; 0 turns the job off (the CLI still works) */
  readonly retentionJobMinutes: number;
  /** false → only single sign-on; the e-mail/password form and POST /login (and the API token by password) are off */
  readonly passwordLogin: boolean;
  /** OpenID Connect identity providers (OIDC_PROVIDERS), in the order of the login buttons */
  readonly oidcProviders: readonly OidcProviderConfig[];
}

/** One OpenID Connect identity provider, from OIDC_PROVIDERS. */
export interface OidcProviderConfig {
  /** short id in the URLs: /login/oidc/<id> and /login/oidc/<id>/callback */
  readonly id: string;
  /** shown on the button: "Inloggen met <label>" */
  readonly label: string;
  /** the issuer URL exactly as in the provider's discovery document */
  readonly issuer: string;
  readonly clientId: string;
  /** null → a public client (PKCE only) */
  readonly clientSecret: string | null;
  /** organisation new users are provisioned into (name or id); null → no provisioning, only existing users */
  readonly organisation: string | null;
  /** roles this provider may grant at provisioning (from rolesClaim); default none */
  readonly allowedRoles: readonly Role[];
  /** claim holding role names (e.g. "roles"); null → new users get no roles */
  readonly rolesClaim: string | null;
  readonly claims: { readonly subject: string; readonly email: string; readonly name: string };
  /** true → an e-mail claim without email_verified counts as verified (e.g. Entra ID); email_verified=false is always refused */
  readonly trustEmail: boolean;
  readonly scope: string;
}

const OIDC_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const CLAIM = /^[A-Za-z0-9_:./-]{1,100}$/;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** OIDC_PROVIDERS: a JSON array of providers; every error names the entry and field. */
export function parseOidcProviders(raw: string | undefined): OidcProviderConfig[] {
  if (raw === undefined || raw.trim() === '') return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new ConfigError('OIDC_PROVIDERS is invalid: expected a JSON array like [{"id":"entra","label":"Gemeente","issuer":"https://…","clientId":"…","clientSecret":"…"}]');
  }
  if (!Array.isArray(list)) throw new ConfigError('OIDC_PROVIDERS is invalid: expected a JSON array of providers');
  const seen = new Set<string>();
  return list.map((entry: unknown, i: number) => {
    const where = `OIDC_PROVIDERS[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new ConfigError(`${where} is invalid: expected an object`);
    const e = entry as Record<string, unknown>;
    const known = ['id', 'label', 'issuer', 'clientId', 'clientSecret', 'organisation', 'allowedRoles', 'rolesClaim', 'claims', 'trustEmail', 'scope'];
    for (const k of Object.keys(e)) if (!known.includes(k)) throw new ConfigError(`${where}.${k} is unknown: expected one of ${known.join(', ')}`);
    const str = (k: string, required: boolean): string | null => {
      const v = e[k];
      if (v === undefined || v === null || v === '') {
        if (required) throw new ConfigError(`${where}.${k} is required`);
        return null;
      }
      if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`${where}.${k} is invalid: expected a non-empty string`);
      return v.trim();
    };
    const id = str('id', true) as string;
    if (!OIDC_ID.test(id)) throw new ConfigError(`${where}.id="${id}" is invalid: expected lower-case letters, digits and dashes (at most 32)`);
    if (seen.has(id)) throw new ConfigError(`${where}.id="${id}" is used twice`);
    seen.add(id);
    const issuer = (str('issuer', true) as string).replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(issuer);
    } catch {
      throw new ConfigError(`${where}.issuer="${issuer}" is invalid: expected a URL like https://login.microsoftonline.com/<tenant-id>/v2.0`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
      throw new ConfigError(`${where}.issuer="${issuer}" is invalid: expected https:// (http:// only on localhost)`);
    }
    const roles = e.allowedRoles ?? [];
    if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string' || !(ROLES as readonly string[]).includes(r))) {
      throw new ConfigError(`${where}.allowedRoles is invalid: expected an array of ${ROLES.join(', ')}`);
    }
    const claimsRaw = e.claims ?? {};
    if (typeof claimsRaw !== 'object' || Array.isArray(claimsRaw) || claimsRaw === null) throw new ConfigError(`${where}.claims is invalid: expected an object {subject, email, name}`);
    const c = claimsRaw as Record<string, unknown>;
    const claim = (k: string, fallback: string): string => {
      const v = c[k] ?? fallback;
      if (typeof v !== 'string' || !CLAIM.test(v)) throw new ConfigError(`${where}.claims.${k} is invalid: expected a claim name`);
      return v;
    };
    for (const k of Object.keys(c)) if (!['subject', 'email', 'name'].includes(k)) throw new ConfigError(`${where}.claims.${k} is unknown: expected subject, email or name`);
    const rolesClaim = str('rolesClaim', false);
    if (rolesClaim && !CLAIM.test(rolesClaim)) throw new ConfigError(`${where}.rolesClaim is invalid: expected a claim name`);
    if (e.trustEmail !== undefined && typeof e.trustEmail !== 'boolean') throw new ConfigError(`${where}.trustEmail is invalid: expected true or false`);
    const scope = str('scope', false) ?? 'openid email profile';
    if (!scope.split(/\s+/).includes('openid')) throw new ConfigError(`${where}.scope is invalid: expected it to include openid`);
    return Object.freeze({
      id,
      label: str('label', false) ?? id,
      issuer,
      clientId: str('clientId', true) as string,
      clientSecret: str('clientSecret', false),
      organisation: str('organisation', false),
      allowedRoles: Object.freeze([...new Set(roles as Role[])]),
      rolesClaim,
      claims: Object.freeze({ subject: claim('subject', 'sub'), email: claim('email', 'email'), name: claim('name', 'name') }),
      trustEmail: e.trustEmail === true,
      scope,
    });
  });
}

/** Thrown on a bad environment variable; its message is the one line printed at boot. */
export class ConfigError extends Error {}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean | null): boolean | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name}="${raw}" is invalid: expected true or false`);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name}="${raw}" is invalid: expected a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name}="${raw}" is invalid: expected a whole number from ${min} to ${max}`);
  return n;
}

/** Validate the environment once, at boot. Throws ConfigError naming the variable and what is expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV || 'development';
  if (!['production', 'development', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV="${nodeEnvRaw}" is invalid: expected production, development or test`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL is invalid: expected a URL like postgres://user:password@host:5432/database`);
  }
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${env.LOG_LEVEL}" is invalid: expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const demoPassword = env.DEMO_PASSWORD ?? null;
  if (demoPassword !== null && demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD is invalid: expected at least 8 characters');
  }
  const sessionSecret = env.SESSION_SECRET?.trim() || null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET is invalid: expected at least 32 characters');
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL is invalid: expected a URL like smtp://user:password@mail.example.nl:587 or smtps://…:465');
  }
  const mailFrom = env.MAIL_FROM?.trim() || 'Doorbraakbudget <noreply@doorbraakbudget.local>';
  if (!/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(mailFrom)) {
    throw new ConfigError(`MAIL_FROM="${env.MAIL_FROM}" is invalid: expected an address like "Doorbraakbudget <noreply@gemeente.nl>"`);
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL="${env.PUBLIC_URL}" is invalid: expected the address users open, like https://doorbraak.gemeente.nl`);
  }
  const oidcProviders = parseOidcProviders(env.OIDC_PROVIDERS);
  const passwordLogin = bool(env, 'PASSWORD_LOGIN', true) as boolean;
  if (!passwordLogin && oidcProviders.length === 0) {
    throw new ConfigError('PASSWORD_LOGIN=false needs at least one provider in OIDC_PROVIDERS: otherwise nobody can log in');
  }
  if (databaseUrl && nodeEnv === 'production' && !sessionSecret) {
    throw new ConfigError('SESSION_SECRET is required with DATABASE_URL in production: expected at least 32 random characters');
  }
  return Object.freeze({
    nodeEnv,
    port,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    demoSeed: bool(env, 'DEMO_SEED', null),
    demoPassword,
    sessionSecret,
    migrateOnBoot: bool(env, 'MIGRATE_ON_BOOT', true) as boolean,
    logLevel,
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production') as boolean,
    decisionWorkingDays: int(env, 'DECISION_WORKING_DAYS', 5, 1, 60),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    groupCommit: bool(env, 'GROUP_COMMIT', true) as boolean,
    reportWorkerHeapMb: int(env, 'REPORT_WORKER_HEAP_MB', 160, 64, 16384),
    loginLimitPerAccount: int(env, 'LOGIN_LIMIT_PER_ACCOUNT', 10, 1, 100000),
    loginLimitPerAddress: int(env, 'LOGIN_LIMIT_PER_ADDRESS', 30, 1, 100000),
    tokenTtlMinutes: int(env, 'TOKEN_TTL_MINUTES', 60, 1, 7 * 24 * 60),
    smtpUrl,
    mailFrom,
    publicUrl,
    notifyPollMs: int(env, 'NOTIFY_POLL_MS', 2000, 0, 3_600_000),
    reminderHours: int(env, 'REMINDER_HOURS', 4, 1, 168),
    digestHour: int(env, 'DIGEST_HOUR', 8, 0, 23),
    ledgerCheckpointMinutes: int(env, 'LEDGER_CHECKPOINT_MINUTES', 15, 0, 7 * 24 * 60),
    retentionNarrativeMonths: int(env, 'RETENTION_NARRATIVE_MONTHS', 24, 1, 1200),
    retentionJobMinutes: int(env, 'RETENTION_JOB_MINUTES', 1440, 0, 525_600),
    passwordLogin,
    oidcProviders: Object.freeze(oidcProviders),
  });
}

/**
 * In embedded mode a missing session secret is generated once and kept in DATA_DIR, so that
 * sessions survive restarts without the user having to configure anything.
 */
export function resolveSessionSecret(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
