import { ConfigError, loadConfig } from './env';

const load = (env: Record<string, string>) => () => loadConfig(env as NodeJS.ProcessEnv);

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({} as NodeJS.ProcessEnv);
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, demoSeed: null, migrateOnBoot: true, logLevel: 'info', cookieSecure: false });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the variable and what is expected for a bad port', () => {
    expect(load({ PORT: 'abc' })).toThrow(new ConfigError('PORT="abc" is invalid: expected a whole number from 0 to 65535'));
  });

  it('refuses a boolean it cannot read', () => {
    expect(load({ MIGRATE_ON_BOOT: 'maybe' })).toThrow('MIGRATE_ON_BOOT="maybe" is invalid: expected true or false');
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(load({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL is invalid/);
  });

  it('requires a session secret with a real database in production', () => {
    expect(load({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' })).toThrow(/SESSION_SECRET is required/);
    expect(load({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db', SESSION_SECRET: 'x'.repeat(40) })()).toMatchObject({ cookieSecure: true });
  });

  it('refuses a demo password shorter than 8 characters', () => {
    expect(load({ DEMO_PASSWORD: 'kort' })).toThrow('DEMO_PASSWORD is invalid: expected at least 8 characters');
  });

  it('gives notification defaults: no SMTP, links to localhost on the port, a 2 s worker, reminders 4 h ahead, digests at 8', () => {
    expect(loadConfig({ PORT: '3100' } as NodeJS.ProcessEnv)).toMatchObject({
      smtpUrl: null,
      mailFrom: 'Doorbraakbudget <noreply@doorbraakbudget.local>',
      publicUrl: 'http://localhost:3100',
      notifyPollMs: 2000,
      reminderHours: 4,
      digestHour: 8,
    });
  });

  it('accepts SMTP and a sender with or without a display name, and drops a trailing slash of PUBLIC_URL', () => {
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@mail.gemeente.nl:587', MAIL_FROM: 'noreply@gemeente.nl', PUBLIC_URL: 'https://doorbraak.gemeente.nl/' } as NodeJS.ProcessEnv);
    expect(c).toMatchObject({ smtpUrl: 'smtp://u:p@mail.gemeente.nl:587', mailFrom: 'noreply@gemeente.nl', publicUrl: 'https://doorbraak.gemeente.nl' });
    expect(loadConfig({ MAIL_FROM: 'Fonds Zuidoost <fonds@gemeente.nl>' } as NodeJS.ProcessEnv).mailFrom).toBe('Fonds Zuidoost <fonds@gemeente.nl>');
  });

  it('names the variable for a bad SMTP URL, sender, public URL or digest hour', () => {
    expect(load({ SMTP_URL: 'http://mail' })).toThrow(/^SMTP_URL is invalid: expected a URL like smtp:\/\//);
    expect(load({ MAIL_FROM: 'geen adres' })).toThrow(/^MAIL_FROM="geen adres" is invalid/);
    expect(load({ PUBLIC_URL: 'doorbraak.nl' })).toThrow(/^PUBLIC_URL="doorbraak.nl" is invalid/);
    expect(load({ DIGEST_HOUR: '24' })).toThrow('DIGEST_HOUR="24" is invalid: expected a whole number from 0 to 23');
  });

  describe('single sign-on', () => {
    const one = { id: 'entra', label: 'Gemeente Zuidoost', issuer: 'https://login.microsoftonline.com/tenant/v2.0/', clientId: 'abc', clientSecret: 's' };

    it('reads OIDC_PROVIDERS with defaults for claims, roles and scope', () => {
      const c = loadConfig({ OIDC_PROVIDERS: JSON.stringify([one]) } as NodeJS.ProcessEnv);
      expect(c.passwordLogin).toBe(true);
      expect(c.oidcProviders).toEqual([
        {
          id: 'entra', label: 'Gemeente Zuidoost', issuer: 'https://login.microsoftonline.com/tenant/v2.0', clientId: 'abc', clientSecret: 's',
          organisation: null, allowedRoles: [], rolesClaim: null, claims: { subject: 'sub', email: 'email', name: 'name' }, trustEmail: false, scope: 'openid email profile',
        },
      ]);
    });

    it('names the provider and field that is wrong', () => {
      expect(load({ OIDC_PROVIDERS: 'nope' })).toThrow(/^OIDC_PROVIDERS is invalid: expected a JSON array/);
      expect(load({ OIDC_PROVIDERS: JSON.stringify([{ ...one, clientId: '' }]) })).toThrow('OIDC_PROVIDERS[0].clientId is required');
      expect(load({ OIDC_PROVIDERS: JSON.stringify([{ ...one, issuer: 'http://idp.example' }]) })).toThrow(/OIDC_PROVIDERS\[0\]\.issuer="http:\/\/idp.example" is invalid: expected https:\/\//);
      expect(load({ OIDC_PROVIDERS: JSON.stringify([one, one]) })).toThrow('OIDC_PROVIDERS[1].id="entra" is used twice');
      expect(load({ OIDC_PROVIDERS: JSON.stringify([{ ...one, allowedRoles: ['god'] }]) })).toThrow(/OIDC_PROVIDERS\[0\]\.allowedRoles is invalid/);
      expect(load({ OIDC_PROVIDERS: JSON.stringify([{ ...one, secret: 'x' }]) })).toThrow(/OIDC_PROVIDERS\[0\]\.secret is unknown/);
      expect(load({ OIDC_PROVIDERS: JSON.stringify([{ ...one, claims: { mail: 'upn' } }]) })).toThrow(/OIDC_PROVIDERS\[0\]\.claims\.mail is unknown/);
    });

    it('accepts http:// only for a loopback issuer', () => {
      expect(loadConfig({ OIDC_PROVIDERS: JSON.stringify([{ ...one, issuer: 'http://127.0.0.1:8080/realms/test' }]) } as NodeJS.ProcessEnv).oidcProviders[0].issuer).toBe('http://127.0.0.1:8080/realms/test');
    });

    it('refuses PASSWORD_LOGIN=false without a provider (nobody could log in)', () => {
      expect(load({ PASSWORD_LOGIN: 'false' })).toThrow(/^PASSWORD_LOGIN=false needs at least one provider/);
      expect(loadConfig({ PASSWORD_LOGIN: 'false', OIDC_PROVIDERS: JSON.stringify([one]) } as NodeJS.ProcessEnv).passwordLogin).toBe(false);
    });
  });
});
