import { Controller, Get, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, Public } from '../auth/auth.decorators';
import { OidcError, refusalStatus } from '../oidc/oidc.errors';
import { OidcService, PendingOidcLogin } from '../oidc/oidc.service';
import { translate } from './i18n';
import { homeFor, safeNext } from './nav';
import { langOf, renderPage, seeOther } from './web-context';

declare module 'express-session' {
  interface SessionData {
    /** a single sign-on on its way through the identity provider */
    oidc?: PendingOidcLogin;
  }
}

/**
 * Single sign-on (OpenID Connect). The button on the login page posts here (with the CSRF token);
 * the provider sends the browser back to the callback, which starts the same kind of web session as
 * the password login. Refusals are shown on the login page with the reason.
 */
@ApiExcludeController()
@Controller()
export class OidcPagesController {
  private readonly log = new Logger('oidc');

  constructor(private readonly oidc: OidcService) {}

  @Public()
  @Post('login/oidc/:provider')
  async start(@Req() req: Request, @Res() res: Response, @Param('provider') provider: string, @Query('next') next?: string): Promise<void> {
    try {
      const { url, pending } = await this.oidc.start(provider, safeNext(next));
      req.session.oidc = pending;
      await new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
      res.redirect(303, url);
    } catch (e) {
      this.refuse(res, e);
    }
  }

  @Public()
  @Get('login/oidc/:provider/callback')
  async callback(@Req() req: Request, @Res() res: Response, @Param('provider') provider: string): Promise<void> {
    const pending = req.session.oidc;
    // one answer per login: a second use of the same state is refused
    delete req.session.oidc;
    let user: AuthUser;
    try {
      user = await this.oidc.finish(provider, pending, new URL(req.originalUrl, 'http://callback.invalid'));
    } catch (e) {
      if (pending) await new Promise<void>((resolve) => req.session.save(() => resolve()));
      return this.refuse(res, e);
    }
    // a new session id at login (session fixation), carrying the token version like the password login
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.userId = user.id;
    req.session.tokenVersion = user.tokenVersion;
    await seeOther(res, (user.roles.length ? pending?.next : null) ?? homeFor(user));
  }

  /** Where a user without roles lands (new from single sign-on): an administrator has to grant them first. */
  @Get('awaiting-roles')
  async awaitingRoles(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    if (user.roles.length) return seeOther(res, homeFor(user));
    renderPage(res, 'awaiting-roles', {});
  }

  private refuse(res: Response, e: unknown): void {
    if (!(e instanceof OidcError)) throw e;
    this.log.log(`single sign-on refused: ${e.code}: ${e.message}`);
    const lang = langOf(res);
    const status = refusalStatus(e.refusal);
    // the provider being down is temporary: say when to try again (the rest of the service keeps working)
    if (status === 503) res.setHeader('Retry-After', '30');
    renderPage(res, 'login', { next: null, email: '', errors: {}, loginError: translate(lang, `oidc.error.${e.refusal}`), refusalCode: e.code }, status);
  }
}
