import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { AddressDto } from '../../common/address/address.dto';
import { DimensionsDto, WeightDto } from '../../common/units/units.dto';

export const CONFIRMATIONS = ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

const CODE = /^[a-z0-9_]{1,64}$/;

export class PackageDto {
  @ApiProperty({ type: WeightDto }) @ValidateNested() @Type(() => WeightDto) weight: WeightDto;
  @ApiPropertyOptional({ type: DimensionsDto }) @IsOptional() @ValidateNested() @Type(() => DimensionsDto) dimensions?: DimensionsDto;
}

export class ShipmentDto {
  @ApiPropertyOptional({ type: AddressDto, description: "Defaults to the connection's shippingService.shipFrom" })
  @IsOptional() @ValidateNested() @Type(() => AddressDto) shipFrom?: AddressDto;
  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) shipTo: AddressDto;
  @ApiProperty({ type: [PackageDto], minItems: 1, maxItems: 20 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PackageDto) packages: PackageDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() residential?: boolean;
  @ApiPropertyOptional({ enum: CONFIRMATIONS }) @IsOptional() @IsIn(CONFIRMATIONS) confirmation?: Confirmation;
}

/** POST /v1/rates (SPEC §4): `connectionId` and exactly one of `saleId` or `shipment`. */
export class RatesRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() connectionId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A DEAR sale: ship-to from its shipping address, parcels from its packed boxes' })
  @IsOptional() @IsUUID() saleId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For advanced sales: the fulfilment whose boxes to rate' })
  @IsOptional() @IsUUID() fulfilmentTaskId?: string;

  @ApiPropertyOptional({ type: ShipmentDto }) @IsOptional() @ValidateNested() @Type(() => ShipmentDto) shipment?: ShipmentDto;

  @ApiPropertyOptional({ example: 'package', description: 'ShipStation package code; default `package`' })
  @IsOptional() @Matches(CODE, { message: 'must be a ShipStation package code such as package' }) packageCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['stamps_com', 'ups'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(CODE, { each: true, message: 'each must be a ShipStation carrier code' }) carrierCodes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['usps_priority_mail'] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(64, { each: true }) @Matches(CODE, { each: true, message: 'each must be a ShipStation service code' }) serviceCodes?: string[];
}
