import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '../users/user.entity';

export class TokenRequestDto {
  @ApiProperty({ format: 'email', example: 'professional@demo.local' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email!: string;

  @ApiProperty({ example: 'demo-wachtwoord', minLength: 1 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn!: number;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty() organisation!: { id: string; name: string };
  @ApiProperty({ nullable: true, type: String, description: 'personal mandate (decimal string); null → each fund’s requesterMandate' }) mandate!: string | null;
}
