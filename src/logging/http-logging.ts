import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Every request gets an id: the caller's `x-request-id` when it is a sane one, otherwise a new
 * UUID; it is returned in `x-request-id` and carried by problem+json answers and log lines.
 */
export function requestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', req.id);
  next();
}

/**
 * One JSON line per request, when the level lets `info` lines through (otherwise the middleware
 * is not installed at all: it would cost per request and print nothing). Only method, path and
 * status are logged: headers and bodies may carry secrets.
 */
export function httpLogging(logger: Logger) {
  if (!logger.isLevelEnabled('info')) return undefined;
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage & { id?: string }, res: ServerResponse) => req.id ?? String(res.getHeader('x-request-id')),
    autoLogging: { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
}
