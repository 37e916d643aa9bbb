import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SecretBox } from '../common/crypto/secret-box';
import { ApiAuthenticated } from '../common/http/api-responses';
import { PageQueryDto, toPage } from '../common/http/pagination';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { toConnectionDto } from './connection.mapper';
import { ConnectionsService } from './connections.service';
import { CreateConnectionDto, UpdateConnectionDto } from './dto/connection-input.dto';
import { ConnectionDto, ConnectionListDto } from './dto/connection.dto';

@ApiTags('connections')
@Controller('v1/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService, private readonly box: SecretBox) {}

  @Post()
  @ApiOperation({ summary: 'Connect a DEAR organisation with a ShipStation account' })
  @ApiCreatedResponse({ type: ConnectionDto })
  @ApiAuthenticated(409, 413, 415)
  async create(@Body() body: CreateConnectionDto): Promise<ConnectionDto> {
    return toConnectionDto(await this.connections.create(body), this.box);
  }

  @Get()
  @ApiOperation({ summary: 'List connections' })
  @ApiOkResponse({ type: ConnectionListDto })
  @ApiAuthenticated()
  async list(@Query() query: PageQueryDto): Promise<ConnectionListDto> {
    const limit = query.limit ?? 50;
    return toPage(await this.connections.list(limit, query.cursor), limit, (c) => toConnectionDto(c, this.box));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a connection (secrets redacted)' })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiAuthenticated(404)
  async get(@Param('id', uuidPipe) id: string): Promise<ConnectionDto> {
    return toConnectionDto(await this.connections.get(id), this.box);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a connection; nested objects are merged field by field' })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiAuthenticated(404, 409, 413, 415)
  async update(@Param('id', uuidPipe) id: string, @Body() body: UpdateConnectionDto): Promise<ConnectionDto> {
    return toConnectionDto(await this.connections.update(id, body), this.box);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a connection' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuthenticated(404)
  async remove(@Param('id', uuidPipe) id: string): Promise<void> {
    await this.connections.remove(id);
  }
}
