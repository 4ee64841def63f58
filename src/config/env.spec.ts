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
});
