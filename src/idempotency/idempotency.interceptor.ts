import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable, throwError } from 'rxjs';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { canonicalJson, sha256Hex } from '../ledger/hash-chain';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_KEY_LENGTH = 200;

/** What makes two requests "the same": method, path with query, and the body as canonical JSON. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256Hex(`${method.toUpperCase()}\n${url}\n${canonicalJson(body ?? null)}`);
}

/**
 * Idempotency-Key for money-moving writes (apply with @Idempotent()). The key row is inserted in the
 * same transaction as the handler's effect, so either both commit or neither does: a failed request
 * leaves the key free, and a concurrent request with the same key waits on the key's unique index
 * until the first one commits and then replays its stored response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: IdempotencyRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    const res = http.getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
      return throwError(() => DomainError.invalidField(IDEMPOTENCY_HEADER, `must be 1 to ${MAX_KEY_LENGTH} characters`, 'INVALID_IDEMPOTENCY_KEY', 'header'));
    }
    const scope = req.user?.id ?? 'anonymous';
    const path = (req.originalUrl ?? req.url).split('?')[0];
    // an uploaded file (multipart) is part of the request: the same key with another file is another request
    const file = (req as Request & { file?: { buffer?: Buffer } }).file;
    const fingerprinted = file?.buffer ? { fields: req.body ?? null, fileSha256: createHash('sha256').update(file.buffer).digest('hex') } : req.body;
    const requestHash = requestFingerprint(req.method, req.originalUrl ?? req.url, fingerprinted);
    return from(
      this.tx.run(async () => {
        if (!(await this.keys.claim({ scope, key, method: req.method, path, requestHash }))) {
          const stored = await this.keys.find(scope, key);
          if (!stored || stored.requestHash !== requestHash) {
            throw DomainError.conflict(
              'IDEMPOTENCY.KEY_REUSED',
              `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request (${stored?.method ?? '?'} ${stored?.path ?? '?'} with another body); use a new key`,
            );
          }
          res.status(stored.responseStatus);
          res.setHeader(REPLAYED_HEADER, 'true');
          return stored.responseBody;
        }
        // handle() is called here, inside run(), so the handler runs in this transaction's context
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.keys.saveResponse(scope, key, res.statusCode, body);
        return body;
      }),
    );
  }
}
