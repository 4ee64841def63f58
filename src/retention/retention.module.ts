import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
