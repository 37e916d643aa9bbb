import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The application's Prometheus registry. One per app instance (not prom-client's global), so
 * several apps in one process — tests, benchmarks — do not collide.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamCalls = new Counter({
    name: 'upstream_requests_total',
    help: 'Calls to DEAR and ShipStation by system, endpoint and status',
    labelNames: ['system', 'endpoint', 'status'] as const,
    registers: [this.registry],
  });
  readonly upstreamBudgetWait = new Histogram({
    name: 'upstream_budget_wait_seconds',
    help: 'Time spent waiting for a token of the upstream rate budget',
    labelNames: ['system'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly labelsPurchased = new Counter({ name: 'labels_purchased_total', help: 'Labels bought (including ones adopted by reconcile)', labelNames: ['carrier'] as const, registers: [this.registry] });
  readonly labelsVoided = new Counter({ name: 'labels_voided_total', help: 'Labels voided', labelNames: ['carrier'] as const, registers: [this.registry] });
  readonly writeBackLatency = new Histogram({
    name: 'label_write_back_latency_seconds',
    help: 'From label purchase to the shipment confirmed in DEAR',
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers: [this.registry],
  });
  constructor(opts: { defaultMetrics?: boolean } = {}) {
    if (opts.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge whose value is read from `read()` at scrape time (e.g. a COUNT in PostgreSQL). */
  gauge(name: string, help: string, read: () => Promise<number>): Gauge {
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read().catch(() => Number.NaN));
      },
    });
  }

  /** Express middleware timing every request, labelled by the matched route pattern. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.httpDuration.startTimer({ method: req.method });
      res.on('finish', () => {
        // A fast path answering before the router names its route in res.locals.route.
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : ((res.locals.route as string | undefined) ?? 'unmatched');
        end({ route, status: String(res.statusCode) });
      });
      next();
    };
  }
}
