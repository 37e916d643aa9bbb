import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { JobsService } from '../jobs/jobs.service';

class LiveDto {
  @ApiProperty({ example: 'ok' }) status: string;
}

class ReadyChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database: string;
  @ApiProperty({ enum: ['up', 'down'] }) jobs: string;
}

class ReadyDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: string;
  @ApiProperty({ type: ReadyChecksDto }) checks: ReadyChecksDto;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource, private readonly jobs: JobsService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: the database answers and the job queue runs' })
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({ type: ReadyDto })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyDto> {
    const [database, jobs] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => 'up', () => 'down'),
      this.jobs.ping().then((ok) => (ok ? 'up' : 'down'), () => 'down'),
    ]);
    const ok = database === 'up' && jobs === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, jobs } };
  }
}
