import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class CarriersQueryDto {
  @ApiPropertyOptional({ description: 'Fetch from ShipStation again instead of the cache', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  refresh?: boolean;
}

export class CarrierOptionDto {
  @ApiProperty({ example: 'usps_priority_mail' }) code: string;
  @ApiProperty({ example: 'USPS Priority Mail' }) name: string;
  @ApiProperty() domestic: boolean;
  @ApiProperty() international: boolean;
}

export class CarrierDto {
  @ApiProperty({ example: 'stamps_com' }) code: string;
  @ApiProperty({ example: 'Stamps.com' }) name: string;
  @ApiProperty({ type: String, nullable: true }) nickname: string | null;
  @ApiProperty() primary: boolean;
  @ApiProperty({ type: [CarrierOptionDto] }) services: CarrierOptionDto[];
  @ApiProperty({ type: [CarrierOptionDto] }) packages: CarrierOptionDto[];
}

export class CarrierListDto {
  @ApiProperty({ type: [CarrierDto] }) data: CarrierDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a connection has few carriers' }) nextCursor: null;
  @ApiProperty({ format: 'date-time', description: 'When the list was fetched from ShipStation' }) fetchedAt: string;
}
