import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';

export const LABEL_STATUSES = ['pending', 'purchased', 'voided', 'failed'] as const;

export class WriteBackDto {
  @ApiProperty({ enum: ['pending', 'done', 'failed', 'not_applicable'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ description: 'What was written to DEAR (ship line, freight, void correction)', type: 'object', additionalProperties: { type: 'string' } })
  outcome?: Record<string, string>;
}

/** A label as the API shows it (SPEC §5). Money as two-place decimal strings. */
export class LabelDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LABEL_STATUSES, description: '`pending` while a lost purchase answer is being reconciled' }) status: string;
  @ApiProperty({ format: 'uuid' }) connectionId: string;
  @ApiProperty({ type: String, nullable: true }) saleId: string | null;
  @ApiProperty({ type: String, nullable: true }) fulfilmentTaskId: string | null;
  @ApiProperty({ type: String, nullable: true }) box: string | null;
  @ApiProperty() carrierCode: string;
  @ApiProperty() serviceCode: string;
  @ApiProperty() packageCode: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '8.58' }) shipmentCost: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.00' }) insuranceCost: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: String, nullable: true }) shipstationShipmentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'GET it for the PDF; null when ShipStation gave none back' }) documentUrl: string | null;
  @ApiProperty() testLabel: boolean;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) purchasedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) voidedAt: string | null;
  @ApiProperty({ type: WriteBackDto }) writeBack: WriteBackDto;
}

export class LabelListDto {
  @ApiProperty({ type: [LabelDto] }) data: LabelDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListLabelsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() connectionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() saleId?: string;
  @ApiPropertyOptional({ enum: LABEL_STATUSES }) @IsOptional() @IsIn(LABEL_STATUSES) status?: (typeof LABEL_STATUSES)[number];
  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' }) @IsOptional() @IsDateString({ strict: true }) @Type(() => String) createdFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' }) @IsOptional() @IsDateString({ strict: true }) @Type(() => String) createdTo?: string;
}
