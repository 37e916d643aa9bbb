import { ApiProperty } from '@nestjs/swagger';

export class RateDto {
  @ApiProperty({ example: '3f2a…:0', description: 'Hand to POST /v1/labels before expiresAt' }) rateId: string;
  @ApiProperty({ example: 'stamps_com' }) carrierCode: string;
  @ApiProperty({ example: 'Stamps.com' }) carrierName: string;
  @ApiProperty({ example: 'usps_priority_mail' }) serviceCode: string;
  @ApiProperty({ example: 'USPS Priority Mail' }) serviceName: string;
  @ApiProperty({ example: 'package' }) packageCode: string;
  @ApiProperty({ example: '8.25', description: 'Base postage, two decimals' }) shipmentCost: string;
  @ApiProperty({ example: '0.33', description: 'Surcharges' }) otherCost: string;
  @ApiProperty({ example: '8.58' }) totalCost: string;
  @ApiProperty({ example: 'USD' }) currency: string;
}

export class RateErrorDto {
  @ApiProperty({ example: 'ups' }) carrierCode: string;
  @ApiProperty({ example: 'upstream_rejected' }) code: string;
  @ApiProperty({ example: 'No applicable services were available for the configured shipment' }) message: string;
}

export class QuoteDto {
  @ApiProperty({ format: 'uuid' }) quoteId: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: [RateDto], description: 'Sorted by totalCost, cheapest first' }) rates: RateDto[];
  @ApiProperty({ type: [RateErrorDto], description: 'Carriers that could not quote; the answer is partial' }) errors: RateErrorDto[];
}
