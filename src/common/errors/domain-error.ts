/** A field-level validation problem, as carried in problem+json `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** What an upstream said when it refused or failed (SPEC §8). */
export interface UpstreamInfo {
  system: 'shipstation' | 'dear';
  status?: number;
  message: string;
}

/**
 * The one error type services throw (STYLE habit 7). The problem filter turns it into
 * problem+json; services never throw HttpException.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: { errors?: FieldError[]; upstream?: UpstreamInfo; retryAfterSeconds?: number; body?: Record<string, unknown> } = {},
  ) {
    super(detail ?? title);
  }
}

export const Errors = {
  validation: (errors: FieldError[], detail = 'The request is not valid.') =>
    new DomainError('validation_failed', 400, 'Validation failed', detail, { errors }),
  notFound: (what: string, id?: string) =>
    new DomainError(`${what.replace(/\s+/g, '_').toLowerCase()}_not_found`, 404, `${capitalise(what)} not found`, id ? `No ${what} with id ${id}.` : undefined),
  conflict: (code: string, detail: string, body?: Record<string, unknown>) => new DomainError(code, 409, 'Conflict', detail, { body }),
  unprocessable: (code: string, detail: string, upstream?: UpstreamInfo) =>
    new DomainError(code, 422, 'Unprocessable request', detail, { upstream }),
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
