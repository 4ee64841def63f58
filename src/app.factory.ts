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
  const PgStore = connectPgSimple(session);
  app.use(
    session({
      name: 'dbb.sid',
      secret: config.sessionSecret,
      store: new PgStore({ pool: sessionPool, tableName: 'user_sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
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
