import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { QuoteEntity } from './entities/quote.entity';
import { QuoteStore, requestHash } from './quote-store';
import { toQuoteDto } from './rates.service';

/**
 * The cached-quote fast path (SPEC §4, §9: cached quotes at ≥ 50% of /health/live). A request
 * with a valid API key whose body's canonical form equals one this instance already quoted is
 * answered here, before Nest's routing, guards, pipes and serialisation. That is safe: only
 * validated requests ever produce a quote and the hash covers every field, so an equal body
 * gets the same answer; anything else — no key, a wrong key, a new body — goes the normal way
 * (the guard then answers 401 as usual).
 */
@Injectable()
export class RatesCacheMiddleware implements NestMiddleware {
  /** The answer of a quote never changes: serialised once, the same text is sent each time. */
  private readonly rendered = new WeakMap<QuoteEntity, string>();

  constructor(private readonly quotes: QuoteStore, private readonly apiKeys: ApiKeysService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const body = req.body as unknown;
    const hit = body && typeof body === 'object' && !Array.isArray(body) ? this.quotes.peek(requestHash(body)) : undefined;
    const bearer = hit ? /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '') : null;
    if (!hit || !bearer || !(await this.apiKeys.verify(bearer[1]))) return next();
    res.locals.route = '/v1/rates';
    res.status(200).type('application/json').send(this.render(hit));
  }

  private render(quote: QuoteEntity): string {
    let json = this.rendered.get(quote);
    if (json === undefined) this.rendered.set(quote, (json = JSON.stringify(toQuoteDto(quote))));
    return json;
  }
}
