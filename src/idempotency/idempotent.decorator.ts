import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, IdempotencyInterceptor, MAX_KEY_LENGTH } from './idempotency.interceptor';

/** Creating or money-moving write: accepts an Idempotency-Key header (same key + same body → the first result again). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description: `At most ${MAX_KEY_LENGTH} characters. The same key with the same body returns the first response (header Idempotent-Replayed: true) and changes nothing; with another body it is a 409.`,
    }),
  );
