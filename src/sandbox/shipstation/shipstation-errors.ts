import { json, type SimResponse } from '../common/sim-http';

/**
 * ShipStation V1 error bodies. V1 is an ASP.NET Web API service, so failures look like
 * Web API defaults (fact sheet §1.4): PascalCase `Message`, `ModelState`,
 * `ExceptionMessage`; the 429 body alone is lower-case `{"message": ...}` (§1.2).
 */

/** Thrown by handlers; the router turns it into the response. */
export class SimHttpError extends Error {
  constructor(readonly response: SimResponse) {
    super(`HTTP ${response.status}`);
  }
}

/** 400 model-binding/validation failure: `{Message, ModelState: {"request.<field>": [..]}}` (§1.4). */
export function badRequest(modelState: Record<string, string[]>): SimResponse {
  return json(400, { Message: 'The request is invalid.', ModelState: modelState });
}

/**
 * 500 business/carrier error (§1.4, §11.2): Web API exception detail. StackTrace is
 * usually null in the wild.
 */
export function serverError(exceptionMessage: string, exceptionType = 'System.Exception'): SimResponse {
  return json(500, {
    Message: 'An error has occurred.',
    ExceptionMessage: exceptionMessage,
    ExceptionType: exceptionType,
    StackTrace: null,
  });
}

/** The message real clients report for missing orders / bad service codes (§5.2). */
export const NULL_REFERENCE = 'Object reference not set to an instance of an object.';

export function nullReference(): SimResponse {
  return serverError(NULL_REFERENCE, 'System.NullReferenceException');
}

/**
 * 401. The body is undocumented (fact sheet open question 1); this is the Web API
 * default for a denied `[Authorize]`, which is what an ASP.NET service answers.
 */
export function unauthorized(): SimResponse {
  return json(401, { Message: 'Authorization has been denied for this request.' }, { 'WWW-Authenticate': 'Basic realm="ShipStation"' });
}

/** 404 for an unknown route: the Web API default text. */
export function routeNotFound(absoluteUrl: string): SimResponse {
  return json(404, { Message: `No HTTP resource was found that matches the request URI '${absoluteUrl}'.` });
}

/** 404 for an unknown resource id (undocumented body; Web API style). */
export function resourceNotFound(what: string): SimResponse {
  return json(404, { Message: `${what} not found.` });
}

export function methodNotAllowed(method: string): SimResponse {
  return json(405, { Message: `The requested resource does not support http method '${method}'.` });
}

/** 429 body (§1.2). */
export function tooManyRequests(): SimResponse {
  return json(429, { message: 'Too Many Requests' });
}

/** Collects ModelState entries keyed `request.<field>` as Web API does. */
export class ModelState {
  readonly errors: Record<string, string[]> = {};

  add(field: string, message: string): void {
    const key = field ? `request.${field}` : 'request';
    (this.errors[key] ??= []).push(message);
  }

  required(field: string): void {
    this.add(field, `The ${field.split('.').pop()} field is required.`);
  }

  invalid(field: string, value: unknown, typeName: string): void {
    this.add(field, `The value '${String(value)}' is not valid for ${typeName}.`);
  }

  get isValid(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Throws the 400 when anything was collected. */
  throwIfInvalid(): void {
    if (!this.isValid) throw new SimHttpError(badRequest(this.errors));
  }
}
