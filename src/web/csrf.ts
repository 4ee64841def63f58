import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { toProblem } from '../common/error.filter';

type SessionRequest = Request & { session?: { userId?: string }; sessionID?: string };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const pathOf = (req: Request): string => (req.originalUrl ?? req.url).split('?')[0];

/**
 * CSRF protection for everything a browser can send with the session cookie: signed double-submit
 * tokens (csrf-csrf), bound to the session once logged in. Forms send the token as the hidden
 * field `_csrf`, scripts as the `x-csrf-token` header. Bearer-token API calls carry no cookie
 * authority and are left alone, as is an anonymous API call (e.g. POST /api/v1/auth/token).
 */
export function createCsrf(secret: string, secure: boolean) {
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => `csrf:${secret}`,
    getSessionIdentifier: (req) => {
      const r = req as SessionRequest;
      return r.session?.userId ? `s:${r.sessionID}` : 'anonymous';
    },
    cookieName: secure ? '__Host-dbb.csrf' : 'dbb.csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const body = req.body as { _csrf?: unknown } | undefined;
      const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
      const header = req.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });

  function needsCheck(req: SessionRequest): boolean {
    if (!UNSAFE.has(req.method)) return false;
    if (req.headers.authorization) return false;
    // Nest mounts module middleware on a path, so req.path is relative here; originalUrl is not
    if (pathOf(req).startsWith('/api') && !req.session?.userId) return false;
    return true;
  }

  /** Refuses a state-changing request without a valid token: a Dutch 403 page (or a 403 problem for the API). */
  function middleware(req: Request, res: Response, next: NextFunction): void {
    if (!needsCheck(req as SessionRequest) || validateRequest(req)) {
      if (req.body && typeof req.body === 'object' && '_csrf' in req.body) delete (req.body as Record<string, unknown>)._csrf;
      next();
      return;
    }
    const problem = toProblem(
      new DomainError('forbidden', 'CSRF.INVALID', 'the form’s security token is missing, invalid or expired; reload the page and try again'),
      pathOf(req),
    );
    res.status(403);
    if (!pathOf(req).startsWith('/api')) {
      res.render('error', { problem, title: problem.title }, (err: Error | null, html?: string) => {
        if (err) res.type('text/plain').send('403: het formulier is verlopen; laad de pagina opnieuw');
        else res.send(html);
      });
    } else {
      res.type('application/problem+json').send(JSON.stringify(problem));
    }
  }

  return { middleware, token: (req: Request, res: Response) => generateCsrfToken(req, res) };
}
