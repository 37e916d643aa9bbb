import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Caller } from '../common/auth/auth.decorators';
import { ApiAuthenticated } from '../common/http/api-responses';
import { toPage } from '../common/http/pagination';
import { uuidPipe } from '../common/validation/uuid-pipe';
import { LabelDto, LabelListDto, ListLabelsQueryDto } from './dto/label.dto';
import { PurchaseLabelDto } from './dto/purchase-label.dto';
import { LabelPurchaseService } from './label-purchase.service';
import { LabelVoidService } from './label-void.service';
import { toLabelDto } from './label.mapper';
import { LabelsService } from './labels.service';

@ApiTags('labels')
@Controller('v1/labels')
export class LabelsController {
  constructor(private readonly purchases: LabelPurchaseService, private readonly voids: LabelVoidService, private readonly labels: LabelsService) {}

  @Post()
  @ApiOperation({
    summary: 'Buy a label through ShipStation for a DEAR sale box or an explicit shipment',
    description:
      'Idempotent with `Idempotency-Key`. A sale box with an active label answers 409 with it unless `allowAdditional`. ' +
      'If ShipStation’s answer is lost, the label is looked up rather than bought again: 202 with status `pending` until it is settled.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters; kept at least 72 hours' })
  @ApiCreatedResponse({ type: LabelDto, headers: { 'Idempotent-Replayed': { description: '`true` on a replayed answer', schema: { type: 'string' } } } })
  @ApiAcceptedResponse({ type: LabelDto, description: 'The purchase answer was lost; the label is being reconciled' })
  @ApiConflictResponse({ description: 'The sale box already has a label (`label_exists`), or the key is in flight' })
  @ApiAuthenticated(404, 409, 413, 415, 422, 502, 503)
  async purchase(@Req() req: Request & { caller: Caller }, @Headers('idempotency-key') key: string | undefined, @Body() body: PurchaseLabelDto, @Res({ passthrough: true }) res: Response) {
    const answer = await this.purchases.purchase(req.caller, key, body);
    res.status(answer.status);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    if (answer.status >= 400) res.type('application/problem+json');
    return answer.body;
  }

  @Get()
  @ApiOperation({ summary: 'List labels (filters, cursor pagination)' })
  @ApiOkResponse({ type: LabelListDto })
  @ApiAuthenticated()
  async list(@Query() query: ListLabelsQueryDto): Promise<LabelListDto> {
    const limit = query.limit ?? 50;
    return toPage(await this.labels.list(query, limit), limit, toLabelDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a label with its DEAR write-back state' })
  @ApiOkResponse({ type: LabelDto })
  @ApiAuthenticated(404)
  async get(@Param('id', uuidPipe) id: string): Promise<LabelDto> {
    return toLabelDto(await this.labels.get(id));
  }

  @Get(':id/document')
  @ApiOperation({ summary: 'The label PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The label as a PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAuthenticated(404)
  async document(@Param('id', uuidPipe) id: string, @Query('kind') kind: string | undefined): Promise<StreamableFile> {
    const { label, document } = await this.labels.document(id, kind === 'form' ? 'form' : 'label');
    const name = `label-${label.trackingNumber ?? label.id}${kind === 'form' ? '-customs' : ''}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
    return new StreamableFile(document.content, { type: document.contentType, disposition: `inline; filename="${name}"`, length: document.content.length });
  }

  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void a label in ShipStation; DEAR is corrected in the background' })
  @ApiOkResponse({ type: LabelDto })
  @ApiAuthenticated(404, 409, 422, 502, 503)
  async void(@Param('id', uuidPipe) id: string): Promise<LabelDto> {
    return toLabelDto(await this.voids.void(id));
  }

  @Post(':id/write-back/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Try the DEAR write-back again after it failed' })
  @ApiAcceptedResponse({ type: LabelDto })
  @ApiAuthenticated(404, 409)
  async retryWriteBack(@Param('id', uuidPipe) id: string): Promise<LabelDto> {
    return toLabelDto(await this.labels.retryWriteBack(id));
  }
}
