import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, of } from 'rxjs';
import type { Request, Response } from 'express';
import { QuoteEntity } from './entities/quote.entity';
import { QuoteStore, requestHash } from './quote-store';
import { toQuoteDto } from './rates.service';

/**
 * The cached-quote fast path (SPEC §4, §9): a body whose canonical form equals one this
 * instance already quoted is answered before validation and the service run. That is safe:
 * only validated requests ever produce a quote, and the hash covers every field, so a byte-
 * different but equal body gets the same answer and anything else goes the normal way. Guards
 * (the API key) still run first; interceptors come after them.
 */
@Injectable()
export class RatesCacheInterceptor implements NestInterceptor {
  constructor(private readonly quotes: QuoteStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const body = http.getRequest<Request>().body as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const hit = this.quotes.peek(requestHash(body));
      if (hit) {
        // The answer of a quote never changes: serialise it once, send the same text each time.
        http.getResponse<Response>().type('application/json');
        return of(this.render(hit));
      }
    }
    return next.handle();
  }

  private readonly rendered = new WeakMap<QuoteEntity, string>();

  private render(quote: QuoteEntity): string {
    let json = this.rendered.get(quote);
    if (json === undefined) this.rendered.set(quote, (json = JSON.stringify(toQuoteDto(quote))));
    return json;
  }
}
