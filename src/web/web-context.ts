import type { Request, Response } from 'express';

export interface Flash {
  text: string;
  tone: 'ok' | 'info' | 'warning' | 'error';
}

/** What the UI keeps in the (PostgreSQL-stored) session besides the user id. */
export interface WebSession {
  userId?: string;
  flash?: Flash;
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    tokenVersion?: number;
    flash?: Flash;
  }
}

/** One-time message shown on the next page (POST → redirect → GET). */
export function setFlash(req: Request, text: string, tone: Flash['tone'] = 'ok'): void {
  if (req.session) req.session.flash = { text, tone };
}

/**
 * POST → redirect → GET with 303, so a reload does not send the form again. The session (with its
 * flash message) is stored first: express-session would otherwise send the 303's headers while its
 * own save is still running, and a browser that follows the redirect at once reads the old session.
 */
export async function seeOther(res: Response, url: string): Promise<void> {
  const session = res.req.session;
  if (session) await new Promise<void>((resolve, reject) => session.save((e: unknown) => (e ? reject(e) : resolve())));
  res.redirect(303, url);
}

/** The language chosen for this request (set by the language middleware). */
export function langOf(res: Response): 'nl' | 'en' {
  return res.locals.lang === 'en' ? 'en' : 'nl';
}

/** Render a view with a status, e.g. 422 for a form that is shown again with its errors. */
export function renderPage(res: Response, view: string, data: Record<string, unknown>, status = 200): void {
  res.status(status).render(view, data);
}
