import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'dear.accountId' }) field: string;
  @ApiProperty({ example: 'must be a string' }) message: string;
}

export class UpstreamInfoDto {
  @ApiProperty({ enum: ['shipstation', 'dear'] }) system: string;
  @ApiPropertyOptional({ example: 400 }) status?: number;
  @ApiProperty({ example: 'The request is invalid.' }) message: string;
}

/** RFC 9457 problem details, the body of every error answer (SPEC §8). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://docs.dear-shipstation-bridge.dev/problems/validation_failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'The request is not valid.' }) detail?: string;
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable error code.' }) code: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ type: UpstreamInfoDto }) upstream?: UpstreamInfoDto;
  @ApiProperty({ example: '6f1c2f0e-3f55-4d7c-9b0e-55d1a1e6c4a2' }) requestId: string;
}

export const PROBLEM_TYPE_BASE = 'https://docs.dear-shipstation-bridge.dev/problems/';
