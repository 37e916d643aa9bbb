import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/http/api-responses';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { VerifyResultDto, VerifySideDto } from './dto/verify.dto';
import { UpstreamClients } from './upstream-clients.service';
import { UpstreamError } from './upstream.errors';

@ApiTags('connections')
@Controller('v1/connections/:id/verify')
export class ConnectionVerifyController {
  constructor(private readonly upstream: UpstreamClients) {}

  /** Both sides are tried even when one fails, and each is reported on its own. */
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the connection: DEAR /me and ShipStation /carriers, each side reported separately' })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiAuthenticated(404)
  async verify(@Param('id', uuidPipe) id: string): Promise<VerifyResultDto> {
    const clients = await this.upstream.forConnection(id);
    const [dear, shipstation] = await Promise.all([
      attempt(async () => (await clients.dear.me()).Company ?? 'account reachable'),
      attempt(async () => {
        const carriers = await clients.shipstation.carriers();
        return `${carriers.length} carrier${carriers.length === 1 ? '' : 's'}: ${carriers.map((c) => c.code).join(', ')}`;
      }),
    ]);
    return { ok: dear.ok && shipstation.ok, dear, shipstation };
  }
}

async function attempt(fn: () => Promise<string>): Promise<VerifySideDto> {
  try {
    return { ok: true, detail: await fn() };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { ok: false, error: { code: error.code, ...(error.upstreamStatus !== undefined ? { status: error.upstreamStatus } : {}), message: error.upstreamMessage } };
  }
}
