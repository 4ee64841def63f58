import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './access-log.controller';
import { AccessLogInterceptor } from './access-log.interceptor';
import { AccessLogPagesController } from './access-log.pages.controller';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';

/**
 * Global so that every controller can apply @AccessLogged and page handlers can record their reads;
 * the interceptor acts only on handlers carrying the decorator.
 */
@Global()
@Module({
  controllers: [AccessLogController, AccessLogPagesController],
  providers: [AccessLogRepository, AccessLogService, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }],
  exports: [AccessLogService],
})
export class AccessLogModule {}
