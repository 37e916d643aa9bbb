import { redactSecret, SecretBox } from '../common/crypto/secret-box';
import { ConnectionDto } from './dto/connection.dto';
import { ConnectionEntity } from './entities/connection.entity';

/** Entity → API view. Secrets are decrypted only to show their last four characters. */
export function toConnectionDto(entity: ConnectionEntity, box: SecretBox): ConnectionDto {
  const s = entity.settings;
  return {
    id: entity.id,
    name: entity.name,
    sandbox: entity.sandbox,
    dear: { accountId: entity.dearAccountId, applicationKey: redactSecret(box.decrypt(entity.dearApplicationKeyEnc)), baseUrl: entity.dearBaseUrl },
    shipstation: {
      apiKey: redactSecret(box.decrypt(entity.shipstationApiKeyEnc)),
      apiSecret: redactSecret(box.decrypt(entity.shipstationApiSecretEnc)),
      baseUrl: entity.shipstationBaseUrl,
    },
    shippingService: {
      enabled: s.shippingService.enabled,
      ...(s.shippingService.shipFrom ? { shipFrom: s.shippingService.shipFrom } : {}),
      currency: s.shippingService.currency,
      freight: s.shippingService.freight ?? { mode: 'none', productName: 'Freight' },
      carrierNames: s.shippingService.carrierNames ?? {},
      trackingUrlTemplates: s.shippingService.trackingUrlTemplates ?? {},
    },
    orderSync: {
      mode: entity.orderSyncMode,
      exportAt: s.orderSync.exportAt,
      since: s.orderSync.since,
      statusMapping: s.orderSync.statusMapping,
      customStore:
        entity.customStoreUsername && entity.customStorePasswordEnc
          ? { username: entity.customStoreUsername, password: redactSecret(box.decrypt(entity.customStorePasswordEnc)) }
          : null,
    },
    fieldMapping: s.fieldMapping,
    limits: s.limits,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
