import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { Errors } from '../common/errors/domain-error';
import { ConnectionEntity } from '../connections/entities/connection.entity';
import { QuoteEntity } from './entities/quote.entity';

/** How many answers one instance keeps in memory; the database holds them all. */
const MEMORY_LIMIT = 10_000;

/**
 * Quotes, by id (for labels) and by request (the cache, SPEC §4). Reads go to memory first:
 * a repeated request is answered without touching the database or the upstreams. Memory
 * entries carry the connection version so a changed connection is never served stale ones.
 */
@Injectable()
export class QuoteStore {
  private readonly byRequest = new Map<string, QuoteEntity>();

  constructor(
    @InjectRepository(QuoteEntity) private readonly quotes: Repository<QuoteEntity>,
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
  ) {}

  /**
   * The connection, and the cached quote for exactly this request if there is one (memory
   * first, then the database — another instance may have quoted it). One round trip on a miss:
   * the quote lookup rides along with the connection load, and only counts if the quote was
   * made with the connection as it is now.
   */
  async connectionAndCached(connectionId: string, requestHash: string): Promise<{ connection: ConnectionEntity; cached?: QuoteEntity }> {
    const now = Date.now();
    const { entities, raw } = await this.connections
      .createQueryBuilder('c')
      .addSelect(
        (sub) =>
          sub
            .select('q.id')
            .from(QuoteEntity, 'q')
            .where('q.connection_id = c.id AND q.request_hash = :requestHash AND q.cacheable AND q.expires_at > now() AND q.connection_version = c.updated_at')
            .orderBy('q.expires_at', 'DESC')
            .limit(1),
        'cached_quote_id',
      )
      .where('c.id = :connectionId', { connectionId, requestHash })
      .getRawAndEntities<{ cached_quote_id: string | null }>();
    const connection = entities[0];
    if (!connection) throw Errors.notFound('connection', connectionId);
    const hot = this.byRequest.get(requestHash);
    if (hot && hot.expiresAt.getTime() > now && hot.connectionVersion.getTime() === connection.updatedAt.getTime()) return { connection, cached: hot };
    const quoteId = raw[0]?.cached_quote_id;
    const stored = quoteId ? await this.quotes.findOneBy({ id: quoteId }) : null;
    if (stored) this.remember(stored);
    return { connection, cached: stored ?? undefined };
  }

  /** Memory only: the cached quote for exactly this request hash, if this instance has it. */
  peek(requestHash: string): QuoteEntity | undefined {
    const hot = this.byRequest.get(requestHash);
    return hot && hot.expiresAt.getTime() > Date.now() ? hot : undefined;
  }

  async save(quote: QuoteEntity): Promise<void> {
    await this.quotes.insert(quote);
    if (quote.cacheable) this.remember(quote);
  }

  findById(id: string): Promise<QuoteEntity | null> {
    return this.quotes.findOneBy({ id });
  }

  /** Forgets one connection's cached answers (after it changed on this instance). */
  forgetConnection(connectionId: string): void {
    for (const [key, quote] of this.byRequest) if (quote.connectionId === connectionId) this.byRequest.delete(key);
  }

  /** Quotes are needed until their labels are bought; a day after expiry they go. */
  async deleteExpired(before: Date): Promise<number> {
    return (await this.quotes.delete({ expiresAt: LessThan(before) })).affected ?? 0;
  }

  private remember(quote: QuoteEntity): void {
    if (this.byRequest.size >= MEMORY_LIMIT) {
      const oldest = this.byRequest.keys().next().value;
      if (oldest !== undefined) this.byRequest.delete(oldest);
    }
    this.byRequest.set(quote.requestHash, quote);
  }
}

/** A stable hash of a request: the same fields in any order give the same key. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
