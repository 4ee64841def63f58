import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ValidateText } from '../common/validation';
import { ORGANISATION_KINDS, OrganisationEntity, OrganisationKind } from './organisation.entity';

export class CreateOrganisationDto {
  @ValidateText(200) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: OrganisationKind;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
}

export const mapOrganisation = (o: OrganisationEntity): OrganisationDto => ({ id: o.id, name: o.name, kind: o.kind });
