import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { AddressDto } from '../../common/address/address.dto';
import { IsStringRecord } from '../../common/validation/string-record';

export const DEAR_DEFAULT_BASE_URL = 'https://inventory.dearsystems.com/ExternalApi/v2';
export const SHIPSTATION_DEFAULT_BASE_URL = 'https://ssapi.shipstation.com';
export const SHIPSTATION_ORDER_STATUSES = ['awaiting_payment', 'awaiting_shipment', 'shipped', 'on_hold', 'cancelled'] as const;
export const STATUS_MAPPING_KEYS = ['voided', 'shipped', 'backordered', 'paid', 'unpaid'] as const;

const urlOptions = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class DearCredentialsDto {
  @ApiProperty({ example: '1b2c3d4e-0000-4000-8000-000000000001' }) @IsString() @IsNotEmpty() @MaxLength(100) accountId: string;
  @ApiProperty({ example: 'dear-application-key', writeOnly: true }) @IsString() @IsNotEmpty() @MaxLength(200) applicationKey: string;
  @ApiPropertyOptional({ example: DEAR_DEFAULT_BASE_URL }) @IsOptional() @IsUrl(urlOptions) @MaxLength(500) baseUrl?: string;
}

export class ShipStationCredentialsDto {
  @ApiProperty({ example: 'shipstation-api-key', writeOnly: true }) @IsString() @IsNotEmpty() @MaxLength(200) apiKey: string;
  @ApiProperty({ example: 'shipstation-api-secret', writeOnly: true }) @IsString() @IsNotEmpty() @MaxLength(200) apiSecret: string;
  @ApiPropertyOptional({ example: SHIPSTATION_DEFAULT_BASE_URL }) @IsOptional() @IsUrl(urlOptions) @MaxLength(500) baseUrl?: string;
}

export class FreightDto {
  @ApiProperty({ enum: ['none', 'invoice_charge', 'order_charge'] }) @IsIn(['none', 'invoice_charge', 'order_charge']) mode: 'none' | 'invoice_charge' | 'order_charge';
  @ApiPropertyOptional({ example: 'Freight', description: 'DEAR service product used for the charge' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) productName?: string;
}

export class ShippingServiceDto {
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ type: AddressDto }) @IsOptional() @ValidateNested() @Type(() => AddressDto) shipFrom?: AddressDto;
  @ApiPropertyOptional({ example: 'USD', default: 'USD' }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' }) currency?: string;
  @ApiPropertyOptional({ type: FreightDto }) @IsOptional() @ValidateNested() @Type(() => FreightDto) freight?: FreightDto;
  @ApiPropertyOptional({ example: { ups: 'UPS' }, description: 'ShipStation carrier code → DEAR carrier name', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional() @IsStringRecord() carrierNames?: Record<string, string>;
  @ApiPropertyOptional({ example: { ups: 'https://www.ups.com/track?tracknum={trackingNumber}' }, type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional() @IsStringRecord() trackingUrlTemplates?: Record<string, string>;
}

export class CustomStoreCredentialsDto {
  @ApiProperty({ example: 'acme-us' }) @IsString() @IsNotEmpty() @MaxLength(100) username: string;
  @ApiProperty({ writeOnly: true }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class OrderSyncDto {
  @ApiPropertyOptional({ enum: ['none', 'custom_store', 'shipstation_store'], default: 'none' })
  @IsOptional() @IsIn(['none', 'custom_store', 'shipstation_store']) mode?: 'none' | 'custom_store' | 'shipstation_store';
  @ApiPropertyOptional({ enum: ['packed', 'order_authorised'], default: 'packed' }) @IsOptional() @IsIn(['packed', 'order_authorised']) exportAt?: 'packed' | 'order_authorised';
  @ApiPropertyOptional({ example: '2026-10-01T00:00:00Z', description: 'Backfill start; default 30 days before creation' })
  @IsOptional() @IsDateString({ strict: true }) since?: string;
  @ApiPropertyOptional({ example: { unpaid: 'awaiting_shipment' }, type: 'object', additionalProperties: { type: 'string', enum: [...SHIPSTATION_ORDER_STATUSES] } })
  @IsOptional() @IsStringRecord({ allowedKeys: STATUS_MAPPING_KEYS, allowedValues: SHIPSTATION_ORDER_STATUSES }) statusMapping?: Record<string, string>;
  @ApiPropertyOptional({ type: CustomStoreCredentialsDto }) @IsOptional() @ValidateNested() @Type(() => CustomStoreCredentialsDto) customStore?: CustomStoreCredentialsDto;
}

export class FieldMappingDto {
  @ApiPropertyOptional({ example: 'AdditionalAttribute1' }) @IsOptional() @Matches(/^AdditionalAttribute([1-9]|10)$/, { message: 'must be AdditionalAttribute1..10' }) giftAttribute?: string;
  @ApiPropertyOptional({ example: 'AdditionalAttribute2' }) @IsOptional() @Matches(/^AdditionalAttribute([1-9]|10)$/, { message: 'must be AdditionalAttribute1..10' }) giftMessageAttribute?: string;
  @ApiPropertyOptional({ example: 'payment_account', description: 'payment_account | terms | attribute:AdditionalAttributeN' })
  @IsOptional() @Matches(/^(payment_account|terms|attribute:AdditionalAttribute([1-9]|10))$/, { message: 'must be payment_account, terms or attribute:AdditionalAttributeN' }) paymentMethod?: string;
}

export class LimitsDto {
  @ApiPropertyOptional({ default: 40, description: 'ShipStation requests per minute for this key pair' }) @IsOptional() @IsInt() @Min(1) @Max(1000) shipstationPerMinute?: number;
  @ApiPropertyOptional({ default: 60, description: 'DEAR calls per minute for this account' }) @IsOptional() @IsInt() @Min(1) @Max(1000) dearPerMinute?: number;
}

export class CreateConnectionDto {
  @ApiProperty({ example: 'Acme US' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ type: DearCredentialsDto }) @IsObject() @ValidateNested() @Type(() => DearCredentialsDto) dear: DearCredentialsDto;
  @ApiProperty({ type: ShipStationCredentialsDto }) @IsObject() @ValidateNested() @Type(() => ShipStationCredentialsDto) shipstation: ShipStationCredentialsDto;
  @ApiPropertyOptional({ type: ShippingServiceDto }) @IsOptional() @ValidateNested() @Type(() => ShippingServiceDto) shippingService?: ShippingServiceDto;
  @ApiPropertyOptional({ type: OrderSyncDto }) @IsOptional() @ValidateNested() @Type(() => OrderSyncDto) orderSync?: OrderSyncDto;
  @ApiPropertyOptional({ type: FieldMappingDto }) @IsOptional() @ValidateNested() @Type(() => FieldMappingDto) fieldMapping?: FieldMappingDto;
  @ApiPropertyOptional({ type: LimitsDto }) @IsOptional() @ValidateNested() @Type(() => LimitsDto) limits?: LimitsDto;
}

export class PatchDearCredentialsDto extends PartialType(DearCredentialsDto) {}
export class PatchShipStationCredentialsDto extends PartialType(ShipStationCredentialsDto) {}

/** PATCH body: every field optional; nested objects are merged, not replaced. */
export class UpdateConnectionDto {
  @ApiPropertyOptional({ example: 'Acme US' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: PatchDearCredentialsDto }) @IsOptional() @ValidateNested() @Type(() => PatchDearCredentialsDto) dear?: PatchDearCredentialsDto;
  @ApiPropertyOptional({ type: PatchShipStationCredentialsDto }) @IsOptional() @ValidateNested() @Type(() => PatchShipStationCredentialsDto) shipstation?: PatchShipStationCredentialsDto;
  @ApiPropertyOptional({ type: ShippingServiceDto }) @IsOptional() @ValidateNested() @Type(() => ShippingServiceDto) shippingService?: ShippingServiceDto;
  @ApiPropertyOptional({ type: OrderSyncDto }) @IsOptional() @ValidateNested() @Type(() => OrderSyncDto) orderSync?: OrderSyncDto;
  @ApiPropertyOptional({ type: FieldMappingDto }) @IsOptional() @ValidateNested() @Type(() => FieldMappingDto) fieldMapping?: FieldMappingDto;
  @ApiPropertyOptional({ type: LimitsDto }) @IsOptional() @ValidateNested() @Type(() => LimitsDto) limits?: LimitsDto;
}
