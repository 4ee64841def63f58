import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { UserIdentityEntity } from './user-identity.entity';

@Injectable()
export class UserIdentitiesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(UserIdentityEntity);
  }

  findByIssuerSubject(issuer: string, subject: string): Promise<UserIdentityEntity | null> {
    return this.repo.findOneBy({ issuer, subject });
  }

  findByUserAndIssuer(userId: string, issuer: string): Promise<UserIdentityEntity | null> {
    return this.repo.findOneBy({ userId, issuer });
  }

  async link(userId: string, issuer: string, subject: string, providerId: string): Promise<void> {
    await this.repo.insert({ userId, issuer, subject, providerId });
  }

  async touch(id: string): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: () => 'now()' });
  }
}
