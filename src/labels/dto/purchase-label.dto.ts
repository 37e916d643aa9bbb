import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CONFIRMATIONS, Confirmation, ShipmentDto } from '../../rates/dto/rates-request.dto';

const CODE = /^[a-z0-9_]{1,64}$/;
export const INSURANCE_PROVIDERS = ['shipsurance', 'carrier', 'provider', 'xcover', 'parcelguard'] as const;

export class InsuranceDto {
  @ApiProperty({ enum: INSURANCE_PROVIDERS }) @IsIn(INSURANCE_PROVIDERS) provider: (typeof INSURANCE_PROVIDERS)[number];
  @ApiProperty({ example: '100.00', description: 'Declared value, decimal string' })
  @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'must be a decimal amount such as 100.00' }) insuredValue: string;
}

/** POST /v1/labels (SPEC §5). */
export class PurchaseLabelDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() connectionId: string;

  @ApiPropertyOptional({ example: '5b0c1f3e-…:0', description: 'A rate from POST /v1/rates, before its quote expires' })
  @IsOptional() @Matches(/^[0-9a-f-]{36}:\d{1,4}$/, { message: 'must be a rateId returned by POST /v1/rates' }) rateId?: string;

  @ApiPropertyOptional({ example: 'stamps_com' }) @IsOptional() @Matches(CODE, { message: 'must be a ShipStation carrier code' }) carrierCode?: string;
  @ApiPropertyOptional({ example: 'usps_priority_mail' }) @IsOptional() @Matches(CODE, { message: 'must be a ShipStation service code' }) serviceCode?: string;
  @ApiPropertyOptional({ example: 'package' }) @IsOptional() @Matches(CODE, { message: 'must be a ShipStation package code' }) packageCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The DEAR sale the label is for' }) @IsOptional() @IsUUID() saleId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For advanced sales: the fulfilment' }) @IsOptional() @IsUUID() fulfilmentTaskId?: string;
  @ApiPropertyOptional({ example: 'Box 1', description: 'The packed box (DEAR box name)' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) box?: string;

  @ApiPropertyOptional({ type: ShipmentDto, description: 'An explicit one-package shipment instead of a sale' })
  @IsOptional() @ValidateNested() @Type(() => ShipmentDto) shipment?: ShipmentDto;

  @ApiPropertyOptional({ example: '2026-11-27', description: 'Default today (Pacific time, as ShipStation counts days)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as yyyy-MM-dd' }) shipDate?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() testLabel?: boolean;
  @ApiPropertyOptional({ enum: CONFIRMATIONS }) @IsOptional() @IsIn(CONFIRMATIONS) confirmation?: Confirmation;
  @ApiPropertyOptional({ type: InsuranceDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceDto) insurance?: InsuranceDto;
  @ApiPropertyOptional({ example: 'Leave at the back door.', description: "Notes to the buyer, written to the DEAR ship stage's ShippingNotes" })
  @IsOptional() @IsString() @MaxLength(1000) notesToBuyer?: string;
  @ApiPropertyOptional({ default: false, description: 'Buy although the sale box already has an active label' })
  @IsOptional() @IsBoolean() allowAdditional?: boolean;
}
