import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ValidateMoney, ValidateText } from '../common/validation';
import { moneyString } from '../common/money';
import { Role, ROLES, UserEntity } from './user.entity';

/** Present → validated; absent → left alone. Unlike IsOptional, `null` is refused. */
const Optional = () => ValidateIf((_o, v) => v !== undefined);

export class CreateUserDto {
  @ApiProperty({ format: 'email' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email!: string;
  @ValidateText(200) displayName!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') organisationId!: string;
  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1 }) @IsArray() @ArrayMinSize(1, { message: 'roles must name at least one role' }) @IsIn(ROLES, { each: true }) roles!: Role[];
  @IsOptional() @ValidateIf((_o, v) => v !== null) @ValidateMoney({ optional: true, positive: false }) mandate?: string | null;
}

export class UpdateUserDto {
  @IsOptional() @ValidateText(200) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, minItems: 1 }) @Optional() @IsArray() @ArrayMinSize(1, { message: 'roles must name at least one role' }) @IsIn(ROLES, { each: true }) roles?: Role[];
  @IsOptional() @ValidateIf((_o, v) => v !== null) @ValidateMoney({ optional: true, positive: false }) mandate?: string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 10 }) @IsOptional() @IsString() @MinLength(10) @MaxLength(200) password?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all', { message: 'organisationId must be the UUID of an organisation (every user belongs to one)' }) organisationId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() organisation!: { id: string; name: string };
  @ApiProperty({ nullable: true, type: String, description: 'personal mandate; null → the fund rule' }) mandate!: string | null;
  @ApiProperty() active!: boolean;
}

export const mapUser = (u: UserEntity): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  organisation: { id: u.organisationId, name: u.organisation?.name ?? '' },
  mandate: u.mandate ? moneyString(u.mandate) : null,
  active: u.active,
});
