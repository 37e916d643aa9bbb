import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectionsModule } from '../connections/connections.module';
import { UpstreamModule } from '../upstream/upstream.module';
import { CarriersController } from './carriers.controller';
import { CarriersService } from './carriers.service';
import { CarrierCatalogEntity } from './entities/carrier-catalog.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CarrierCatalogEntity]), ConnectionsModule, UpstreamModule],
  controllers: [CarriersController],
  providers: [CarriersService],
  exports: [CarriersService],
})
export class CarriersModule {}
