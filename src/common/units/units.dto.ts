import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, IsPositive, Max } from 'class-validator';
import { DIMENSION_UNITS, DimensionUnit, WEIGHT_UNITS, WeightUnit } from './units';

/** A weight as the API takes it; absurd values are refused by the service with a field error. */
export class WeightDto {
  @ApiProperty({ example: 2.5, exclusiveMinimum: true, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 }) @IsPositive() @Max(1_000_000)
  value: number;

  @ApiProperty({ enum: WEIGHT_UNITS, example: 'lb' })
  @IsIn(WEIGHT_UNITS)
  unit: WeightUnit;
}

export class DimensionsDto {
  @ApiProperty({ example: 12 }) @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @IsPositive() @Max(10_000) length: number;
  @ApiProperty({ example: 8 }) @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @IsPositive() @Max(10_000) width: number;
  @ApiProperty({ example: 4 }) @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @IsPositive() @Max(10_000) height: number;
  @ApiProperty({ enum: DIMENSION_UNITS, example: 'in' }) @IsIn(DIMENSION_UNITS) unit: DimensionUnit;
}
