import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuthUser, Public } from '../auth/auth.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { UsersService } from '../users/users.service';
import { FieldErrors, text } from './forms';
import { translate } from './i18n';
import { homeFor, safeNext } from './nav';
import { langOf, renderPage, seeOther } from './web-context';

type AuthedRequest = Request & { user?: AuthUser };


@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async home(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await seeOther(res, req.user ? homeFor(req.user) : '/login');
  }

  @Public()
  @Get('login')
  async loginForm(@Req() req: AuthedRequest, @Res() res: Response, @Query('next') next?: string, @Query('loggedOut') loggedOut?: string): Promise<void> {
    if (req.user) return seeOther(res, safeNext(next) ?? homeFor(req.user));
    const flash = loggedOut ? { text: translate(langOf(res), 'login.loggedOut'), tone: 'info' } : undefined;
    renderPage(res, 'login', { next: safeNext(next), email: '', errors: {}, flash });
  }

  /** Throttled per address and per account (LOGIN_THROTTLERS); the same message whatever was wrong. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @Query('next') next?: string): Promise<void> {
    const lang = langOf(res);
    if (!this.config.passwordLogin) return renderPage(res, 'login', { next: safeNext(next), email: '', errors: {}, loginError: translate(lang, 'login.passwordOff') }, 403);
    const email = text(body.email).trim();
    const password = text(body.password);
    const errors: FieldErrors = {};
    if (!email) errors.email = translate(lang, 'login.emailRequired');
    if (!password) errors.password = translate(lang, 'login.passwordRequired');
    if (Object.keys(errors).length) return renderPage(res, 'login', { next: safeNext(next), email, errors }, 422);
    const user = await this.users.authenticate(email, password);
    if (!user) return renderPage(res, 'login', { next: safeNext(next), email, errors: {}, loginError: translate(lang, 'login.invalid') }, 401);
    // a new session id at login, so a session id planted before login is worthless (session fixation)
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.userId = user.id;
    req.session.tokenVersion = user.tokenVersion;
    await seeOther(res, safeNext(next) ?? homeFor(user));
  }

  @Public()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (req.session) await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('dbb.sid', { path: '/' });
    await seeOther(res, '/login?loggedOut=1');
  }
}
