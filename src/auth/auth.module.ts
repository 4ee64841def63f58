import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey, KeyObject } from 'node:crypto';
import type { Request } from 'express';
import type { AppConfig } from '../config/env';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

/** Login throttling is per account and per address, and only on the login routes (ThrottlerGuard is not global). */
export const LOGIN_THROTTLERS = (config: AppConfig) => [
  { name: 'login-address', ttl: 60_000, limit: config.loginLimitPerAddress, getTracker: (req: Record<string, unknown>) => `ip:${String((req as unknown as Request).ip)}` },
  {
    name: 'login-account',
    ttl: 15 * 60_000,
    limit: config.loginLimitPerAccount,
    getTracker: (req: Record<string, unknown>) => `account:${String(((req as unknown as Request).body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`,
  },
];

/**
 * The HS256 key as a KeyObject, made once: given a string, jsonwebtoken first tries to read it as a
 * PEM public key (createPublicKey throws, then it falls back to a secret key) on every sign and
 * verify, which cost about a millisecond of CPU per authenticated request. Same bytes, same tokens.
 */
function jwtKey(sessionSecret: string): () => KeyObject {
  const key = createSecretKey(Buffer.from(`jwt:${sessionSecret}`, 'utf8'));
  return () => key;
}

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig & { sessionSecret: string }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        UsersModule,
        JwtModule.register({ secretOrKeyProvider: jwtKey(config.sessionSecret), signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot({ throttlers: LOGIN_THROTTLERS(config) }),
      ],
      controllers: [AuthController],
      providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService, UsersModule],
    };
  }
}
