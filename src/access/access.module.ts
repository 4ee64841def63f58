import { Module } from '@nestjs/common';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';

/** Who may see and do what with cases and requests: one service every feature asks. */
@Module({ providers: [AccessRepository, AccessService], exports: [AccessService] })
export class AccessModule {}
