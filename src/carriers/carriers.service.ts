import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConnectionsService } from '../connections/connections.service';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { UpstreamClients } from '../upstream/upstream-clients.service';
import { CarrierCatalog, CarrierInfo } from './carrier-catalog';
import { CarrierCatalogEntity } from './entities/carrier-catalog.entity';

/** Carriers change rarely; a catalog is refetched after this long, or on `?refresh=true`. */
const CATALOG_TTL_MS = 60 * 60 * 1000;

export interface CatalogResult {
  catalog: CarrierCatalog;
  fetchedAt: Date;
}

/**
 * The carriers of a connection with services and packages: 1 + 2 × carriers ShipStation calls
 * to build, so it is kept in PostgreSQL (shared by instances) and in memory (hot rate path).
 */
@Injectable()
export class CarriersService {
  private readonly memory = new Map<string, { result: CatalogResult; version: number }>();

  constructor(
    @InjectRepository(CarrierCatalogEntity) private readonly catalogs: Repository<CarrierCatalogEntity>,
    private readonly connections: ConnectionsService,
    private readonly upstream: UpstreamClients,
  ) {}

  /** Pass the entity when it is loaded already: the cached path then makes no query at all. */
  async get(connectionOrId: string | ConnectionEntity, opts: { refresh?: boolean } = {}): Promise<CatalogResult> {
    const connection = typeof connectionOrId === 'string' ? await this.connections.get(connectionOrId) : connectionOrId;
    const connectionId = connection.id;
    const version = connection.updatedAt.getTime();
    const fresh = (fetchedAt: Date) => Date.now() - fetchedAt.getTime() < CATALOG_TTL_MS;
    if (!opts.refresh) {
      const hot = this.memory.get(connectionId);
      if (hot && hot.version === version && fresh(hot.result.fetchedAt)) return hot.result;
      const stored = await this.catalogs.findOneBy({ connectionId });
      if (stored && stored.connectionVersion.getTime() === version && fresh(stored.fetchedAt)) {
        return this.remember(connectionId, version, { catalog: stored.catalog, fetchedAt: stored.fetchedAt });
      }
    }
    const catalog = await this.fetch(connection);
    const fetchedAt = new Date();
    await this.catalogs.upsert({ connectionId, connectionVersion: connection.updatedAt, catalog, fetchedAt }, ['connectionId']);
    return this.remember(connectionId, version, { catalog, fetchedAt });
  }

  private remember(connectionId: string, version: number, result: CatalogResult): CatalogResult {
    this.memory.set(connectionId, { result, version });
    return result;
  }

  private async fetch(connection: ConnectionEntity): Promise<CarrierCatalog> {
    const { shipstation } = await this.upstream.forConnection(connection);
    const carriers = await shipstation.carriers();
    // The same code can appear once per carrier account (§3); services are per code.
    const unique = [...new Map(carriers.map((c) => [c.code, c])).values()];
    const infos: CarrierInfo[] = await Promise.all(
      unique.map(async (c) => {
        const [services, packages] = await Promise.all([shipstation.services(c.code), shipstation.packages(c.code)]);
        const pick = ({ code, name, domestic, international }: { code: string; name: string; domestic: boolean; international: boolean }) => ({ code, name, domestic, international });
        return { code: c.code, name: c.name, nickname: c.nickname ?? null, primary: carriers.some((x) => x.code === c.code && x.primary), services: services.map(pick), packages: packages.map(pick) };
      }),
    );
    return { carriers: infos };
  }
}
