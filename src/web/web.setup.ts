import type { Locale } from '../common/locale';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { dirname, join, sep } from 'node:path';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { NotificationsService } from '../notifications/notifications.service';
import type { RuntimeConfig } from '../app.module';
import { UsersService } from '../users/users.service';
import { parseLang, translate } from './i18n';
import { homeFor, navFor } from './nav';
import { createViewEnvironment } from './view-helpers';
import type { Flash, WebSession } from './web-context';

export const LANG_COOKIE = 'dbb.lang';
const VIEWS_DIR = join(__dirname, 'views');
const ASSETS_DIR = join(__dirname, 'assets');

const packageDir = (pkg: string): string => dirname(require.resolve(`${pkg}/package.json`));

type WebRequest = Request & { user?: AuthUser; session?: WebSession & { save?: unknown } };

/**
 * The server-rendered UI: nunjucks views, static assets (own CSS plus the NL Design System's Utrecht
 * CSS, design tokens and Noto Sans straight from node_modules — no CDN) and the language switch.
 * Called once from createApp, before the session middleware, so that assets cost no session look-up;
 * CSRF runs later, as WebModule's middleware (it needs the session).
 */
export function setupWeb(app: NestExpressApplication, config: RuntimeConfig): void {
  const static1h = { maxAge: '1h', index: false, fallthrough: false } as const;
  app.useStaticAssets(ASSETS_DIR, { prefix: '/assets/app/', ...static1h });
  app.useStaticAssets(join(packageDir('@utrecht/component-library-css'), 'dist'), { prefix: '/assets/utrecht/', ...static1h });
  app.useStaticAssets(join(packageDir('@utrecht/design-tokens'), 'dist'), { prefix: '/assets/tokens/', ...static1h });
  app.useStaticAssets(packageDir('@fontsource/noto-sans'), { prefix: '/assets/fonts/noto-sans/', ...static1h });

  app.use(cookieParser());
  app.use(languageMiddleware(config.cookieSecure));

  const env = createViewEnvironment(VIEWS_DIR, config.nodeEnv === 'development');
  // the login page: a button per identity provider, and the password form unless PASSWORD_LOGIN=false
  env.addGlobal('loginOptions', { passwordLogin: config.passwordLogin, providers: config.oidcProviders.map((p) => ({ id: p.id, label: p.label })) });
  const clock = app.get(Clock);
  const users = app.get(UsersService);
  const notifications = app.get(NotificationsService);
  app.engine('njk', (file: string, options: object, callback: (e: unknown, rendered?: string) => void) => {
    buildContext(options as Record<string, unknown>, clock, users, notifications, !file.endsWith(`${sep}error.njk`), config.cookieSecure)
      .then((ctx) => env.render(file, ctx, (err, html) => callback(err, html ?? undefined)))
      .catch((e: unknown) => callback(e));
  });
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('njk');
}

function languageMiddleware(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const asked = parseLang(req.query?.lang);
    if (asked) res.cookie(LANG_COOKIE, asked, { httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 * 1000, path: '/' });
    res.locals.lang = asked ?? parseLang((req.cookies as Record<string, unknown> | undefined)?.[LANG_COOKIE]) ?? 'nl';
    next();
  };
}

/** What every view can use: the user, language, t(), csrf token, the one-time flash, "now", unread notifications. */
async function buildContext(
  options: Record<string, unknown>, clock: Clock, users: UsersService, notifications: NotificationsService, takeFlash: boolean,
  cookieSecure: boolean,
): Promise<Record<string, unknown>> {
  const req = options.request as WebRequest | undefined;
  const lang: Locale = options.lang === 'en' ? 'en' : 'nl';
  let user = req?.user ?? null;
  if (!user && req?.session?.userId) user = await users.findActive(req.session.userId, req.session.tokenVersion ?? 0).catch(() => null);
  let flash: Flash | null = null;
  // an error page (a stray favicon 404, say) must not eat the message meant for the next page
  if (takeFlash && req?.session?.flash) {
    flash = req.session.flash;
    delete req.session.flash;
  }
  // a database hiccup must not turn every page into an error page over a badge
  const unread = user ? await notifications.unreadCount(user.id).catch(() => 0) : 0;
  const csrfToken = typeof options.csrfToken === 'function' ? (options.csrfToken as () => string)() : '';
  const path = req?.path ?? '/';
  const query = new URLSearchParams((req?.originalUrl ?? '').split('?')[1] ?? '');
  query.set('lang', lang === 'nl' ? 'en' : 'nl');
  return {
    ...options,
    request: undefined,
    lang,
    user,
    hasRole: (...roles: string[]) => !!user && user.roles.some((r) => roles.includes(r)),
    csrfToken,
    flash: (options.flash as Flash | undefined) ?? flash,
    now: clock.now(),
    currentPath: path,
    nav: navFor(user, path),
    unread,
    homeUrl: user ? homeFor(user) : '/login',
    langSwitchUrl: `${path}?${query.toString()}`,
    // Secure cookies (production) over plain http: the browser drops them, so no login can hold
    cookieWarning: cookieSecure && !!req && !req.secure,
    t: (key: string, params?: Record<string, unknown>) => translate(lang, key, params),
  };
}
