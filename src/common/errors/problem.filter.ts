import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, FieldError, UpstreamInfo } from './domain-error';
import { PROBLEM_TYPE_BASE } from './problem-details';

interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  upstream?: UpstreamInfo;
  retryAfterSeconds?: number;
  body?: Record<string, unknown>;
}

/**
 * The single mapping from errors to HTTP (STYLE habit 7): every answer that is not a success is
 * `application/problem+json` with a stable `code` and the request id. Anything unexpected
 * becomes a logged 500 whose body says nothing about the internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    }
    if (res.headersSent) return;
    if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    const body = { ...problemBody(problem), requestId: req.id ?? String(res.getHeader('x-request-id') ?? '') };
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return { status: exception.status, code: exception.code, title: exception.title, detail: exception.message, ...exception.extra };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest wraps body-parser's errors; keep their meaning (malformed JSON) in the code.
      if ((exception.cause as { type?: string } | undefined)?.type === 'entity.parse.failed') {
        return { status: 400, code: 'malformed_json', title: 'Malformed JSON', detail: 'The request body is not valid JSON.' };
      }
      return { status, code: codeForStatus(status), title: titleFor(status), detail: messageOf(exception) };
    }
    // body-parser errors carry `type` and `status` (entity.parse.failed, entity.too.large, …).
    const bodyError = exception as { type?: string; status?: number; message?: string };
    if (typeof bodyError?.type === 'string' && typeof bodyError.status === 'number' && bodyError.status < 500) {
      const code = bodyError.type === 'entity.parse.failed' ? 'malformed_json' : codeForStatus(bodyError.status);
      const detail = code === 'malformed_json' ? 'The request body is not valid JSON.' : bodyError.message;
      return { status: bodyError.status, code, title: titleFor(bodyError.status), detail };
    }
    return { status: 500, code: 'internal_error', title: 'Internal error', detail: 'Something went wrong on our side; the request id helps us find it.' };
  }
}

/** The problem+json body of a domain error, without the request id (stored for idempotent replays). */
export function domainErrorBody(error: DomainError): Record<string, unknown> {
  return problemBody({ status: error.status, code: error.code, title: error.title, detail: error.message, ...error.extra });
}

function problemBody(problem: Problem): Record<string, unknown> {
  return {
    type: PROBLEM_TYPE_BASE + problem.code,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(problem.upstream ? { upstream: problem.upstream } : {}),
    ...(problem.body ?? {}),
  };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

function codeForStatus(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

function titleFor(status: number): string {
  const name = HttpStatus[status];
  return name ? name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ') : 'Error';
}
