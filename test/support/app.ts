import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.factory';
import type { RuntimeConfig } from '../../src/app.module';
import { loadConfig } from '../../src/config/env';
import { NotificationsWorker } from '../../src/notifications/notifications.worker';
import { DemoSeeder, SeededBasics } from '../../src/seed/demo-seeder';
import { createTestDatabase, TestDatabase } from './database';

export const TEST_PASSWORD = 'test-wachtwoord-123';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  /** organisations and the demo users (test/support/users.ts, password TEST_PASSWORD) */
  seeded: SeededBasics;
  /** a bearer token for a seeded (or later created) user */
  tokenFor(email: string): Promise<string>;
  /** fetch against the app with JSON in and out, optionally as a user */
  api(method: string, path: string, opts?: { as?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): RuntimeConfig {
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    DB_POOL_SIZE: '12',
    // the notifications worker is off unless a test turns it on (or calls runOnce)
    NOTIFY_POLL_MS: '0',
    ...env,
  } as NodeJS.ProcessEnv);
  return Object.freeze({ ...base, sessionSecret: 'test-session-secret-that-is-long-enough-1234' });
}

/**
 * A listening app on its own clean database (one per test file), with organisations and demo
 * users seeded. Pass `db` to start a second instance on the same database.
 */
export async function startTestApp(opts: { env?: Record<string, string>; db?: TestDatabase; seed?: boolean; port?: number } = {}): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const { app, sessionPool } = await createApp(testConfig(opts.env), db.url);
  await app.listen(opts.port ?? 0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  app.get(NotificationsWorker).start(); // a no-op unless the test set NOTIFY_POLL_MS
  const seeded = opts.seed === false || opts.db ? ({ password: TEST_PASSWORD, organisations: {}, users: {} } as SeededBasics) : await app.get(DemoSeeder).seedBasics(TEST_PASSWORD);
  const tokens = new Map<string, string>();
  const tokenFor = async (email: string): Promise<string> => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const res = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    const token = ((await res.json()) as { accessToken: string }).accessToken;
    tokens.set(email, token);
    return token;
  };
  const api: TestApp['api'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    if (o.as) headers.authorization = `Bearer ${await tokenFor(o.as)}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON (PDF, HTML) */
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    app,
    baseUrl,
    db,
    seeded,
    tokenFor,
    api,
    async close() {
      await app.close();
      await sessionPool.end();
      if (!opts.db) await db.drop();
    },
  };
}
