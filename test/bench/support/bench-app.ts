import { U } from '../../support/users';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { createApp } from '../../../src/app.factory';
import type { RuntimeConfig } from '../../../src/app.module';
import { loadConfig } from '../../../src/config/env';
import { DemoSeeder, SeededBasics } from '../../../src/seed/demo-seeder';

export const BENCH_PASSWORD = 'bench-wachtwoord-123';

export interface BenchApp {
  app: NestExpressApplication;
  baseUrl: string;
  seeded: SeededBasics;
  tokenFor(email: string): Promise<string>;
  close(): Promise<void>;
}

export function benchConfig(env: Record<string, string> = {}): RuntimeConfig {
  const base = loadConfig({
    NODE_ENV: 'production',
    // request logging at info would write a line per request to this terminal; the figures are
    // for the application, not for the terminal
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    COOKIE_SECURE: 'false',
    SESSION_SECRET: 'bench-session-secret-that-is-long-enough-1234',
    // GROUP_COMMIT=false in the shell measures the service without group commit
    GROUP_COMMIT: process.env.GROUP_COMMIT ?? 'true',
    ...env,
  } as NodeJS.ProcessEnv);
  return Object.freeze({ ...base, sessionSecret: base.sessionSecret! });
}

/** The whole application on `url`, listening on a free loopback port, with organisations and the demo users. */
export async function startBenchApp(url: string, opts: { seed?: boolean } = {}): Promise<BenchApp> {
  const { app, sessionPool } = await createApp(benchConfig({ DATABASE_URL: url }), url);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const seeded = opts.seed === false ? ({ password: BENCH_PASSWORD, organisations: {}, users: {} } as SeededBasics) : await app.get(DemoSeeder).seedBasics(BENCH_PASSWORD);
  const tokens = new Map<string, string>();
  return {
    app,
    baseUrl,
    seeded,
    async tokenFor(email) {
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await fetch(`${baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: BENCH_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      const token = ((await res.json()) as { accessToken: string }).accessToken;
      tokens.set(email, token);
      return token;
    },
    async close() {
      await app.close();
      await (sessionPool as Pool).end();
    },
  };
}

export { U };
