import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarriersModule } from '../carriers/carriers.module';
import { ConnectionsModule } from '../connections/connections.module';
import { ConnectionsService } from '../connections/connections.service';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { JobsService } from '../jobs/jobs.service';
import { UpstreamModule } from '../upstream/upstream.module';
import { QuoteEntity } from './entities/quote.entity';
import { QuoteStore } from './quote-store';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { RatesCacheMiddleware } from './rates-cache.middleware';
import { RatesController } from './rates.controller';
import { RatesService } from './rates.service';

const CLEANUP_QUEUE = 'quotes-cleanup';
const DAY_MS = 86_400_000;

@Module({
  imports: [TypeOrmModule.forFeature([QuoteEntity, ConnectionEntity]), ApiKeysModule, ConnectionsModule, CarriersModule, UpstreamModule],
  controllers: [RatesController],
  providers: [RatesService, QuoteStore],
  exports: [QuoteStore, RatesService],
})
export class RatesModule implements OnModuleInit, NestModule {
  constructor(private readonly quotes: QuoteStore, private readonly connections: ConnectionsService, private readonly jobs: JobsService) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RatesCacheMiddleware).forRoutes({ path: 'v1/rates', method: RequestMethod.POST });
  }

  async onModuleInit(): Promise<void> {
    this.connections.changes.on('changed', (id: string) => this.quotes.forgetConnection(id));
    // Expired quotes are kept a day (labels may still be looked up by rateId), then deleted.
    await this.jobs.schedule(CLEANUP_QUEUE, '17 * * * *');
    await this.jobs.work(CLEANUP_QUEUE, async () => void (await this.quotes.deleteExpired(new Date(Date.now() - DAY_MS))));
  }
}
