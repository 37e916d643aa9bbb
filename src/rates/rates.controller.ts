import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/http/api-responses';
import { RatesRequestDto } from './dto/rates-request.dto';
import { QuoteDto } from './dto/rates-response.dto';
import { RatesService } from './rates.service';

@ApiTags('rates')
@Controller('v1/rates')
export class RatesController {
  constructor(private readonly rates: RatesService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote shipping rates from every connected carrier for an explicit shipment or a DEAR sale',
    description:
      'Exactly one of `saleId` or `shipment`. One carrier failing gives a partial answer with an entry in `errors`. ' +
      'Rates are sorted by totalCost; identical requests within the quote lifetime (5 minutes) are served from the cache.',
  })
  @ApiOkResponse({ type: QuoteDto })
  @ApiAuthenticated(404, 413, 415, 422, 502, 503)
  quote(@Body() body: RatesRequestDto): Promise<QuoteDto> {
    return this.rates.quote(body);
  }
}
