import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, FieldProblem, STATUS_BY_KIND } from './domain-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

// 3D000: the database was dropped (or not yet created); 53300: no connection slots left
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '3D000', '53300',
]);

/** True when the error means the database cannot be reached (→ 503 instead of 500). */
export function isDatabaseDown(e: unknown): boolean {
  const err = e as { code?: string; message?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  if (code && DB_DOWN_CODES.has(code)) return true;
  const msg = err?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(msg);
}

/** Turn anything thrown into an RFC 9457 problem. Unknown errors become a logged, generic 500. */
export function toProblem(e: unknown, instance: string, logger?: Logger): ProblemDetails {
  let status = 500;
  let code = 'INTERNAL';
  let detail = 'An unexpected error occurred; it has been logged.';
  let errors: FieldProblem[] | undefined;
  if (e instanceof DomainError) {
    status = STATUS_BY_KIND[e.kind];
    code = e.code;
    detail = e.message;
    errors = e.errors.length ? e.errors : undefined;
  } else if (e instanceof HttpException) {
    status = e.getStatus();
    const body = e.getResponse();
    const msg = typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
    detail = Array.isArray(msg) ? msg.join('; ') : msg ?? e.message;
    code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'TOO_MANY_REQUESTS' : `HTTP_${status}`;
    if ((e.cause as { type?: unknown } | undefined)?.type === 'entity.too.deep') code = 'BODY_TOO_DEEP';
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(detail)) detail = `no resource at ${instance}`;
  } else if (isBodyParserError(e)) {
    status = e.status;
    code = e.type === 'entity.too.large' ? 'BODY_TOO_LARGE' : 'MALFORMED_BODY';
    detail = e.type === 'entity.too.large' ? 'request body is too large' : `request body is not valid JSON: ${e.message}`;
  } else if (isDatabaseDown(e)) {
    status = 503;
    code = 'DATABASE_UNAVAILABLE';
    detail = 'The database cannot be reached right now; nothing was changed. Try again shortly.';
  } else if (e instanceof QueryFailedError) {
    const pgCode = (e as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
    if (pgCode === '23505') {
      status = 409;
      code = 'DUPLICATE';
      detail = 'a record with these values already exists';
    } else if (pgCode === '40001' || pgCode === '40P01') {
      status = 409;
      code = 'CONCURRENT_UPDATE';
      detail = 'another change happened at the same time; nothing was changed, try again';
    } else if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
      status = 400;
      code = 'INVALID_VALUE';
      detail = 'a value in the request is out of range or malformed';
    }
  }
  if (status >= 500 && status !== 503) logger?.error(e instanceof Error ? e.stack ?? e.message : String(e));
  else if (status === 503) logger?.warn(`database unavailable: ${(e as Error)?.message}`);
  return {
    type: `urn:doorbraakbudget:problem:${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...(errors ? { errors } : {}),
  };
}

function isBodyParserError(e: unknown): e is { status: number; type: string; message: string } {
  const x = e as { type?: unknown; status?: unknown };
  return typeof x?.type === 'string' && typeof x?.status === 'number' && x.type.startsWith('entity.');
}

/** Renders problems as JSON for API routes and as an error page for web pages. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(e: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = toProblem(e, req.originalUrl?.split('?')[0] ?? req.url, this.logger);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem.status === 401 && isPageRequest(req)) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (isPageRequest(req)) {
      res.status(problem.status);
      res.render('error', { problem, title: problem.title }, (err: Error | null, html?: string) => {
        if (err) res.type('text/plain').send(`${problem.status} ${problem.title}: ${problem.detail}`);
        else res.send(html);
      });
      return;
    }
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

export function isPageRequest(req: Request): boolean {
  const path = req.path ?? req.url;
  if (path.startsWith('/api') || path === '/health' || path.startsWith('/assets')) return false;
  return true;
}
