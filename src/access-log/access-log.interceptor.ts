import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthUser } from '../auth/auth.decorators';
import { ACCESS_LOGGED, AccessLoggedOptions } from './access-logged.decorator';
import { AccessLogService, describeFilter } from './access-log.service';

/** Query keys an export's log row keeps: what was exported, never a free-text value. */
const EXPORT_KEYS = ['fundId', 'from', 'to', 'lang'];

/**
 * Applies @AccessLogged: when the handler has produced its result (so the read was allowed and
 * found), the row is inserted and only then is the result handed on to be written. An insert that
 * fails fails the request; a read that succeeded therefore never lacks its row.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLogService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const opts = this.reflector.get<AccessLoggedOptions | undefined>(ACCESS_LOGGED, ctx.getHandler());
    if (!opts) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const id = typeof req.params?.id === 'string' ? req.params.id : null;
    const query = Object.fromEntries(EXPORT_KEYS.filter((k) => typeof req.query[k] === 'string').map((k) => [k, req.query[k] as string]));
    return next.handle().pipe(
      switchMap((value: unknown) =>
        from(
          this.log
            .record({
              user: req.user ?? null,
              // a Bearer token is an API client; the web UI (also when it links to an API download) uses its session
              channel: req.headers.authorization ? 'api' : 'web',
              action: opts.action,
              caseId: opts.subject === 'case' ? id : null,
              requestId: opts.subject === 'request' ? id : null,
              detail: opts.subject === 'none' ? describeFilter(query) : '',
            })
            .then(() => value),
        ),
      ),
    );
  }
}
