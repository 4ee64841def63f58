import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import helmet from 'helmet';
import { Pool } from 'pg';
import { AppModule, RuntimeConfig } from './app.module';
import { apiVersionHeader } from './common/api-version';
import { methodNotAllowed } from './common/method-not-allowed';
import { createRootLogger, PinoNestLogger } from './common/app-logger';
import { setupOpenApi } from './common/openapi';
import { requestLogger } from './common/request-logger';
import { assertJsonDepth } from './common/input-guards';
import { createValidationPipe } from './common/validation-pipe';
import { statementUpload } from './payments/statement-upload';
import { setupWeb } from './web/web.setup';

export interface CreatedApp {
  app: NestExpressApplication;
  /** pool behind the session store; closed with the app */
  sessionPool: Pool;
}

/** A session's server-side expiry is moved forward at most once a minute (see throttledTouch). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

type PgStoreClass = ReturnType<typeof connectPgSimple>;

/**
 * The session store with a throttled touch. Sessions are rolling (8 hours from the last request):
 * express-session touches the stored session after every response that did not change it, and
 * the response waits for that UPDATE. Here a session is touched again only when its last touch by
 * this process is a minute old, so its stored expiry lags the cookie's by less than a minute
 * (with several instances, by less than a minute per instance's last touch); saving a changed
 * session still writes the expiry at once.
 */
function throttledTouch(Base: PgStoreClass): PgStoreClass {
  const touchedAt = new Map<string, number>();
  class ThrottledStore extends Base {
    override touch(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
      const now = Date.now();
      const last = touchedAt.get(sid);
      if (last !== undefined && now - last < SESSION_TOUCH_INTERVAL_MS) {
        callback?.(null);
        return;
      }
      if (touchedAt.size >= 50_000) touchedAt.clear();
      touchedAt.set(sid, now);
      super.touch(sid, sess, (err?: unknown) => {
        if (err) touchedAt.delete(sid);
        callback?.(err);
      });
    }

    override destroy(sid: string, callback?: (err?: unknown) => void): void {
      touchedAt.delete(sid);
      super.destroy(sid, callback);
    }
  }
  return ThrottledStore;
}

/** Build the configured Nest application (not yet listening). Used by main.ts, tests and benchmarks. */
export async function createApp(config: RuntimeConfig, databaseUrl: string): Promise<CreatedApp> {
  const log = createRootLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    logger: config.logLevel === 'silent' ? false : new PinoNestLogger(log),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(apiVersionHeader);
  app.use(requestLogger(log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // the single sign-on buttons post to us and are redirected to the provider: browsers apply
          // form-action to that redirect too, so the providers' origins are allowed (and nothing else)
          formAction: ["'self'", ...new Set(config.oidcProviders.map((p) => new URL(p.issuer).origin))],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  // bodies are small: a request is a few kB of text; anything above 100 kB is refused with 413
  // nesting deeper than MAX_JSON_DEPTH is refused (400) on the raw bytes, before JSON.parse runs
  const jsonOptions = {
    limit: '100kb',
    type: ['application/json', 'application/problem+json', 'application/merge-patch+json'],
    verify: (_req: unknown, _res: unknown, raw: Buffer) => assertJsonDepth(raw),
  };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('urlencoded', { limit: '100kb', extended: true });

  setupWeb(app, config);
  const sessionPool = new Pool({ connectionString: databaseUrl, max: 3 });
  sessionPool.on('error', () => undefined); // a dropped idle connection must not crash the process
  const store = new (throttledTouch(connectPgSimple(session)))({
    pool: sessionPool,
    tableName: 'user_sessions',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
  });
  app.use(
    session({
      name: 'dbb.sid',
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 8 * 3600 * 1000 },
    }),
  );
  // the one multipart upload (a camt.053 bank statement, up to 5 MB): parsed here, after the session
  // and before the CSRF check, so that the page form's hidden token is read from the multipart body
  app.use(statementUpload());
  app.useGlobalPipes(createValidationPipe());
  app.use(methodNotAllowed(setupOpenApi(app)));
  return { app, sessionPool };
}
