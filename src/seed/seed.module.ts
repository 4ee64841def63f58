import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [OrganisationsModule, UsersModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
