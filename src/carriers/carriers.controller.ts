import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/http/api-responses';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { CarriersService } from './carriers.service';
import { CarrierListDto, CarriersQueryDto } from './dto/carriers.dto';

@ApiTags('connections')
@Controller('v1/connections/:id/carriers')
export class CarriersController {
  constructor(private readonly carriers: CarriersService) {}

  @Get()
  @ApiOperation({ summary: "List the connection's ShipStation carriers with their services and packages (cached)" })
  @ApiOkResponse({ type: CarrierListDto })
  @ApiAuthenticated(404, 422, 502, 503)
  async list(@Param('id', uuidPipe) id: string, @Query() query: CarriersQueryDto): Promise<CarrierListDto> {
    const { catalog, fetchedAt } = await this.carriers.get(id, { refresh: query.refresh });
    return { data: catalog.carriers, nextCursor: null, fetchedAt: fetchedAt.toISOString() };
  }
}
