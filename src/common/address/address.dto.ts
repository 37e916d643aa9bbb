import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The address shape used everywhere in the API (SPEC Appendix A). */
export class AddressDto {
  @ApiProperty({ example: 'Acme Warehouse' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiPropertyOptional({ example: 'Acme Inc.' }) @IsOptional() @IsString() @MaxLength(100) company?: string;
  @ApiProperty({ example: '500 Congress Ave' }) @IsString() @IsNotEmpty() @MaxLength(200) street1: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) street2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) street3?: string;
  @ApiProperty({ example: 'Austin' }) @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiProperty({ example: 'TX' }) @IsString() @MaxLength(100) state: string;
  @ApiProperty({ example: '78701' }) @IsString() @IsNotEmpty() @MaxLength(20) postalCode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @IsString() @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as US' })
  country: string;
  @ApiPropertyOptional({ example: '+1 512 555 0100' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional({ example: 'ops@acme.test' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() residential?: boolean;
}
