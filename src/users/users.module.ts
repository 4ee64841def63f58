import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UserIdentitiesRepository } from './user-identities.repository';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, UserIdentitiesRepository],
  exports: [UsersService],
})
export class UsersModule {}
