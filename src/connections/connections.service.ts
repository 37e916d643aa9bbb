import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, QueryFailedError, Repository } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError, Errors } from '../common/errors/domain-error';
import { CursorPosition, decodeCursor } from '../common/http/pagination';
import { ConnectionSettings } from './connection-settings';
import {
  CreateConnectionDto, DEAR_DEFAULT_BASE_URL, SHIPSTATION_DEFAULT_BASE_URL, UpdateConnectionDto,
} from './dto/connection-input.dto';
import { ConnectionEntity, OrderSyncMode } from './entities/connection.entity';

/** Decrypted credentials, for the upstream clients only; never serialised. */
export interface UpstreamCredentials {
  connectionId: string;
  dear: { accountId: string; applicationKey: string; baseUrl: string; perMinute: number };
  shipstation: { apiKey: string; apiSecret: string; baseUrl: string; perMinute: number };
}

const DAY_MS = 86_400_000;

@Injectable()
export class ConnectionsService {
  /** Emits `changed` with the connection id after an update or delete on this instance (cache invalidation). */
  readonly changes = new EventEmitter();

  constructor(
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    private readonly box: SecretBox,
  ) {}

  async create(input: CreateConnectionDto, opts: { sandbox?: boolean } = {}): Promise<ConnectionEntity> {
    const mode = input.orderSync?.mode ?? 'none';
    const entity = this.connections.create({
      name: input.name,
      dearAccountId: input.dear.accountId,
      dearApplicationKeyEnc: this.box.encrypt(input.dear.applicationKey),
      dearBaseUrl: trimUrl(input.dear.baseUrl ?? DEAR_DEFAULT_BASE_URL),
      shipstationApiKeyEnc: this.box.encrypt(input.shipstation.apiKey),
      shipstationApiSecretEnc: this.box.encrypt(input.shipstation.apiSecret),
      shipstationBaseUrl: trimUrl(input.shipstation.baseUrl ?? SHIPSTATION_DEFAULT_BASE_URL),
      orderSyncMode: mode,
      customStoreUsername: input.orderSync?.customStore?.username ?? null,
      customStorePasswordEnc: input.orderSync?.customStore ? this.box.encrypt(input.orderSync.customStore.password) : null,
      settings: mergeSettings(defaultSettings(new Date()), input),
      sandbox: opts.sandbox ?? false,
    });
    assertCustomStoreCredentials(entity);
    await this.assertSyncModeAllowed(entity.dearAccountId, mode);
    return this.saveMappingConflicts(entity);
  }

  async list(limit: number, cursor?: string): Promise<ConnectionEntity[]> {
    const after: CursorPosition | undefined = decodeCursor(cursor);
    const query = this.connections.createQueryBuilder('c').orderBy('c.created_at', 'ASC').addOrderBy('c.id', 'ASC').limit(limit + 1);
    if (after) query.where('(c.created_at, c.id) > (:createdAt, :id)', after);
    return query.getMany();
  }

  async get(id: string): Promise<ConnectionEntity> {
    const entity = await this.connections.findOneBy({ id });
    if (!entity) throw Errors.notFound('connection', id);
    return entity;
  }

  findSandbox(): Promise<ConnectionEntity | null> {
    return this.connections.findOneBy({ sandbox: true });
  }

  async update(id: string, input: UpdateConnectionDto): Promise<ConnectionEntity> {
    const entity = await this.get(id);
    if (input.name !== undefined) entity.name = input.name;
    if (input.dear?.accountId !== undefined) entity.dearAccountId = input.dear.accountId;
    if (input.dear?.applicationKey !== undefined) entity.dearApplicationKeyEnc = this.box.encrypt(input.dear.applicationKey);
    if (input.dear?.baseUrl !== undefined) entity.dearBaseUrl = trimUrl(input.dear.baseUrl);
    if (input.shipstation?.apiKey !== undefined) entity.shipstationApiKeyEnc = this.box.encrypt(input.shipstation.apiKey);
    if (input.shipstation?.apiSecret !== undefined) entity.shipstationApiSecretEnc = this.box.encrypt(input.shipstation.apiSecret);
    if (input.shipstation?.baseUrl !== undefined) entity.shipstationBaseUrl = trimUrl(input.shipstation.baseUrl);
    if (input.orderSync?.mode !== undefined) entity.orderSyncMode = input.orderSync.mode;
    if (input.orderSync?.customStore) {
      entity.customStoreUsername = input.orderSync.customStore.username;
      entity.customStorePasswordEnc = this.box.encrypt(input.orderSync.customStore.password);
    }
    entity.settings = mergeSettings(entity.settings, input);
    assertCustomStoreCredentials(entity);
    await this.assertSyncModeAllowed(entity.dearAccountId, entity.orderSyncMode, entity.id);
    const saved = await this.saveMappingConflicts(entity);
    this.changes.emit('changed', id);
    return saved;
  }

  async remove(id: string): Promise<void> {
    const result = await this.connections.delete({ id });
    if (!result.affected) throw Errors.notFound('connection', id);
    this.changes.emit('changed', id);
  }

  async credentials(id: string): Promise<UpstreamCredentials> {
    return this.credentialsOf(await this.get(id));
  }

  /** The decrypted credentials of a connection already loaded (no second query). */
  credentialsOf(entity: ConnectionEntity): UpstreamCredentials {
    return {
      connectionId: entity.id,
      dear: {
        accountId: entity.dearAccountId,
        applicationKey: this.box.decrypt(entity.dearApplicationKeyEnc),
        baseUrl: entity.dearBaseUrl,
        perMinute: entity.settings.limits.dearPerMinute,
      },
      shipstation: {
        apiKey: this.box.decrypt(entity.shipstationApiKeyEnc),
        apiSecret: this.box.decrypt(entity.shipstationApiSecretEnc),
        baseUrl: entity.shipstationBaseUrl,
        perMinute: entity.settings.limits.shipstationPerMinute,
      },
    };
  }

  /**
   * Methods 1 and 2 are exclusive per DEAR organisation (SPEC §1): both at once would process
   * each order twice. The partial unique index backs this check against races.
   */
  private async assertSyncModeAllowed(dearAccountId: string, mode: OrderSyncMode, excludeId?: string): Promise<void> {
    if (mode === 'none') return;
    const other = await this.connections.findOneBy({
      dearAccountId,
      orderSyncMode: Not('none'),
      ...(excludeId ? { id: Not(excludeId) } : {}),
    });
    if (other) throw syncModeConflict(other.id, other.orderSyncMode, mode);
  }

  private async saveMappingConflicts(entity: ConnectionEntity): Promise<ConnectionEntity> {
    try {
      return await this.connections.save(entity);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw syncModeConflict(undefined, undefined, entity.orderSyncMode);
      }
      throw error;
    }
  }
}

function syncModeConflict(otherId: string | undefined, otherMode: OrderSyncMode | undefined, mode: OrderSyncMode): DomainError {
  const which = otherId ? `Connection ${otherId} already syncs this DEAR organisation in ${otherMode} mode. ` : 'Another connection already syncs this DEAR organisation. ';
  return Errors.conflict(
    'sync_mode_conflict',
    `${which}Methods 1 (custom_store) and 2 (shipstation_store) are exclusive per DEAR organisation, because both at once would process every order twice; ` +
      `set orderSync.mode to none on one of them before using ${mode} here.`,
    otherId ? { conflictingConnectionId: otherId } : undefined,
  );
}

function assertCustomStoreCredentials(entity: ConnectionEntity): void {
  if (entity.orderSyncMode === 'custom_store' && !(entity.customStoreUsername && entity.customStorePasswordEnc)) {
    throw Errors.validation([{ field: 'orderSync.customStore', message: 'is required when orderSync.mode is custom_store' }]);
  }
}

function defaultSettings(createdAt: Date): ConnectionSettings {
  return {
    shippingService: { enabled: true, currency: 'USD', freight: { mode: 'none', productName: 'Freight' }, carrierNames: {}, trackingUrlTemplates: {} },
    orderSync: { exportAt: 'packed', since: new Date(createdAt.getTime() - 30 * DAY_MS).toISOString(), statusMapping: {} },
    fieldMapping: { paymentMethod: 'payment_account' },
    limits: { shipstationPerMinute: 40, dearPerMinute: 60 },
  };
}

/** Field-level merge of a create or patch body into settings; mappings are replaced whole. */
function mergeSettings(base: ConnectionSettings, input: CreateConnectionDto | UpdateConnectionDto): ConnectionSettings {
  const ship = input.shippingService ?? {};
  const sync = input.orderSync ?? {};
  return {
    shippingService: {
      ...base.shippingService,
      ...definedOnly({ enabled: ship.enabled, shipFrom: ship.shipFrom, currency: ship.currency, carrierNames: ship.carrierNames, trackingUrlTemplates: ship.trackingUrlTemplates }),
      ...(ship.freight ? { freight: { mode: ship.freight.mode, productName: ship.freight.productName ?? base.shippingService.freight?.productName ?? 'Freight' } } : {}),
    },
    orderSync: {
      ...base.orderSync,
      ...definedOnly({ exportAt: sync.exportAt, since: sync.since ? new Date(sync.since).toISOString() : undefined, statusMapping: sync.statusMapping }),
    },
    fieldMapping: { ...base.fieldMapping, ...definedOnly({ ...(input.fieldMapping ?? {}) }) },
    limits: { ...base.limits, ...definedOnly({ ...(input.limits ?? {}) }) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function trimUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
