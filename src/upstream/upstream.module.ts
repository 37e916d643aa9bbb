import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { ConnectionVerifyController } from './connection-verify.controller';
import { UpstreamClients } from './upstream-clients.service';

@Module({
  imports: [ConnectionsModule],
  controllers: [ConnectionVerifyController],
  providers: [UpstreamClients],
  exports: [UpstreamClients],
})
export class UpstreamModule {}
