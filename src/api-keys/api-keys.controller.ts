import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../common/auth/auth.decorators';
import { ApiAuthenticated } from '../common/http/api-responses';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto, toApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@AdminOnly()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create a named API key (admin only); the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiAuthenticated(403)
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { entity, secret } = await this.apiKeys.create(body.name);
    return { ...toApiKeyDto(entity), key: secret };
  }

  @Get()
  @ApiOperation({ summary: 'List active API keys (admin only)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiAuthenticated(403)
  async list(): Promise<ApiKeyListDto> {
    return { data: (await this.apiKeys.list()).map(toApiKeyDto), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (admin only)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiAuthenticated(403, 404)
  async revoke(@Param('id', uuidPipe) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
