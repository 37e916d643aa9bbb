import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AddressDto } from '../../common/address/address.dto';
import { FieldMappingDto, FreightDto, LimitsDto } from './connection-input.dto';

export class DearCredentialsViewDto {
  @ApiProperty() accountId: string;
  @ApiProperty({ example: '****x9f2', description: 'Redacted: last four characters only' }) applicationKey: string;
  @ApiProperty() baseUrl: string;
}

export class ShipStationCredentialsViewDto {
  @ApiProperty({ example: '****a1b2' }) apiKey: string;
  @ApiProperty({ example: '****c3d4' }) apiSecret: string;
  @ApiProperty() baseUrl: string;
}

export class ShippingServiceViewDto {
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ type: AddressDto }) shipFrom?: AddressDto;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: FreightDto }) freight: FreightDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) carrierNames: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) trackingUrlTemplates: Record<string, string>;
}

export class CustomStoreViewDto {
  @ApiProperty() username: string;
  @ApiProperty({ example: '****e5f6' }) password: string;
}

export class OrderSyncViewDto {
  @ApiProperty({ enum: ['none', 'custom_store', 'shipstation_store'] }) mode: string;
  @ApiProperty({ enum: ['packed', 'order_authorised'] }) exportAt: string;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) statusMapping: Record<string, string>;
  @ApiPropertyOptional({ type: CustomStoreViewDto, nullable: true }) customStore: CustomStoreViewDto | null;
}

/** A connection as the API shows it: secrets redacted to their last four characters. */
export class ConnectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'True for the connection `npm start` creates for the simulators' }) sandbox: boolean;
  @ApiProperty({ type: DearCredentialsViewDto }) dear: DearCredentialsViewDto;
  @ApiProperty({ type: ShipStationCredentialsViewDto }) shipstation: ShipStationCredentialsViewDto;
  @ApiProperty({ type: ShippingServiceViewDto }) shippingService: ShippingServiceViewDto;
  @ApiProperty({ type: OrderSyncViewDto }) orderSync: OrderSyncViewDto;
  @ApiProperty({ type: FieldMappingDto }) fieldMapping: FieldMappingDto;
  @ApiProperty({ type: LimitsDto }) limits: LimitsDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ConnectionListDto {
  @ApiProperty({ type: [ConnectionDto] }) data: ConnectionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
