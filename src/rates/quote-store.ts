import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LessThan, MoreThan, Repository } from 'typeorm';
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

  constructor(@InjectRepository(QuoteEntity) private readonly quotes: Repository<QuoteEntity>) {}

  /** A cacheable, unexpired quote for this exact request, or undefined. */
  async findCached(connectionId: string, requestHash: string, connectionVersion: () => Promise<Date>): Promise<QuoteEntity | undefined> {
    const now = Date.now();
    const hot = this.byRequest.get(requestHash);
    if (hot && hot.expiresAt.getTime() > now) return hot;
    if (hot) this.byRequest.delete(requestHash);
    const stored = await this.quotes.findOne({
      where: { connectionId, requestHash, cacheable: true, expiresAt: MoreThan(new Date(now)) },
      order: { expiresAt: 'DESC' },
    });
    if (!stored || stored.connectionVersion.getTime() !== (await connectionVersion()).getTime()) return undefined;
    this.remember(stored);
    return stored;
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
