import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VerifyErrorDto {
  @ApiProperty({ example: 'upstream_unauthorized' }) code: string;
  @ApiPropertyOptional({ example: 403 }) status?: number;
  @ApiProperty({ example: 'Incorrect credentials!', description: "The upstream's own message" }) message: string;
}

export class VerifySideDto {
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ example: 'Acme Trading Ltd', description: 'What the upstream said about the account when it worked' }) detail?: string;
  @ApiPropertyOptional({ type: VerifyErrorDto }) error?: VerifyErrorDto;
}

export class VerifyResultDto {
  @ApiProperty({ description: 'True when both sides answered' }) ok: boolean;
  @ApiProperty({ type: VerifySideDto, description: 'DEAR GET /me' }) dear: VerifySideDto;
  @ApiProperty({ type: VerifySideDto, description: 'ShipStation GET /carriers' }) shipstation: VerifySideDto;
}
