import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Caller } from '../common/auth/auth.decorators';
import { Errors } from '../common/errors/domain-error';
import { ApiKeyEntity } from './entities/api-key.entity';

const KEY_PATTERN = /^dsb_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,})$/;
/** Verified keys are remembered briefly so a hot route does not query the database per call. */
const CACHE_MS = 10_000;

export const ADMIN_CALLER: Caller = { apiKeyId: 'admin', name: 'admin', admin: true };

@Injectable()
export class ApiKeysService {
  private readonly adminHash: Buffer;
  private readonly cache = new Map<string, { caller: Caller; until: number }>();

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adminHash = sha256(config.adminApiKey);
  }

  /** Creates a named key; the returned secret is never retrievable again. */
  async create(name: string): Promise<{ entity: ApiKeyEntity; secret: string }> {
    const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
    const secret = `dsb_${prefix}_${randomBytes(24).toString('base64url')}`;
    const entity = await this.keys.save(this.keys.create({ name, prefix, secretHash: sha256(secret).toString('hex') }));
    return { entity, secret };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<void> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw Errors.notFound('API key', id);
    for (const [k, v] of this.cache) if (v.caller.apiKeyId === id) this.cache.delete(k);
  }

  /** Constant-time check of a presented key; undefined when it is not valid. */
  async verify(presented: string): Promise<Caller | undefined> {
    const hash = sha256(presented);
    if (timingSafeEqual(hash, this.adminHash)) return ADMIN_CALLER;
    const match = KEY_PATTERN.exec(presented);
    if (!match) return undefined;
    const cacheKey = hash.toString('hex');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.caller;
    const row = await this.keys.findOne({ where: { prefix: match[1], revokedAt: IsNull() } });
    if (!row || !timingSafeEqual(Buffer.from(row.secretHash, 'hex'), hash)) return undefined;
    const caller = { apiKeyId: row.id, name: row.name, admin: false };
    this.cache.set(cacheKey, { caller, until: Date.now() + CACHE_MS });
    void this.keys.update({ id: row.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    return caller;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
