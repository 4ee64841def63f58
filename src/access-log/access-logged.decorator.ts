import { SetMetadata } from '@nestjs/common';
import type { AccessAction } from './access-log.entity';

export const ACCESS_LOGGED = 'access-log:logged';

export interface AccessLoggedOptions {
  action: AccessAction;
  /** what the `:id` path parameter names: the case itself, a request of a case, or nothing (exports) */
  subject: 'case' | 'request' | 'none';
}

/**
 * Records a successful read in the access log before the response is written (see
 * AccessLogInterceptor). For handlers that render with @Res() themselves, call
 * AccessLogService.record before rendering instead.
 */
export const AccessLogged = (action: AccessAction, subject: AccessLoggedOptions['subject']) =>
  SetMetadata(ACCESS_LOGGED, { action, subject } satisfies AccessLoggedOptions);
