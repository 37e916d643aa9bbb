import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiKeyEntity } from '../entities/api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'warehouse-app', maxLength: 100 })
  @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'warehouse-app' }) name: string;
  @ApiProperty({ example: 'dsb_a1b2c3d4e5f6_…', description: 'The public start of the key, to recognise it.' }) prefix: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. Shown only in this answer; store it now.' }) key: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) data: ApiKeyDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: keys are few and listed whole.' }) nextCursor: string | null;
}

export function toApiKeyDto(entity: ApiKeyEntity): ApiKeyDto {
  return {
    id: entity.id,
    name: entity.name,
    prefix: `dsb_${entity.prefix}_…`,
    createdAt: entity.createdAt.toISOString(),
    lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
  };
}
