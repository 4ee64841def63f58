import { DynamicModule, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
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

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig & { sessionSecret: string }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        UsersModule,
        // the HMAC key as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a
        // public key on every verify (an exception and about half a millisecond per API request)
        JwtModule.register({ secret: createSecretKey(Buffer.from(`jwt:${config.sessionSecret}`)), signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot({ throttlers: LOGIN_THROTTLERS(config) }),
      ],
      controllers: [AuthController],
      providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService, UsersModule],
    };
  }
}
