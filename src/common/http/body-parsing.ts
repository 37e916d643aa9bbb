import express, { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';

export const MAX_BODY_BYTES = 1024 * 1024;

/** JSON bodies up to 1 MB; larger ones are 413, malformed ones 400 (mapped by ProblemFilter). */
export const jsonBody = express.json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] });

/**
 * The /v1 API speaks JSON only: a body of another type is refused with 415 rather than being
 * silently ignored and read as an empty object.
 */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    next(new DomainError('unsupported_media_type', 415, 'Unsupported media type', 'Send the body as application/json.'));
    return;
  }
  next();
}
