import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { createCsrf } from './csrf';

/**
 * Runs for every routed request, after the session middleware: gives the views the request (for
 * the user and the flash) and a CSRF token generator, and refuses state-changing requests without
 * a valid token.
 */
@Injectable()
export class WebRequestMiddleware implements NestMiddleware {
  private readonly csrf: ReturnType<typeof createCsrf>;

  constructor(@Inject(APP_CONFIG) config: AppConfig & { sessionSecret?: string }) {
    if (!config.sessionSecret) throw new Error('WebRequestMiddleware: the runtime config has no sessionSecret');
    this.csrf = createCsrf(config.sessionSecret, config.cookieSecure);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    res.locals.csrfToken = () => this.csrf.token(req, res);
    res.locals.request = req;
    this.csrf.middleware(req, res, next);
  }
}
