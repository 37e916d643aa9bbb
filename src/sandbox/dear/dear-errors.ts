/**
 * DEAR's error shapes (dear.md §1.5, §1.6, §9 #8, #9, #15).
 *
 * - The Error Model is `{ErrorCode, Exception}`; it usually arrives as a JSON array of
 *   such objects, sometimes as a bare object, and sometimes under HTTP 200.
 * - 404 means the *endpoint* does not exist; a missing record is a 400 with a message.
 * - Some unknown paths answer an HTML "Page not found" page instead of JSON.
 */

export interface DearErrorModel {
  ErrorCode: number;
  Exception: string;
}

/** How the error body is rendered on the wire. */
export type ErrorBodyStyle = 'array' | 'object';

/** Thrown by handlers; the router turns it into the response. */
export class DearHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
    readonly style: ErrorBodyStyle = 'array',
  ) {
    super(message);
  }

  body(): DearErrorModel[] | DearErrorModel {
    const model = { ErrorCode: this.errorCode, Exception: this.message };
    return this.style === 'array' ? [model] : model;
  }
}

/** 400 with the array body: validation and precondition failures (§1.5, §10). */
export function badRequest(message: string): DearHttpError {
  return new DearHttpError(400, 400, message);
}

/**
 * A failed write answered with HTTP 200 and an Error Model array in the body (§1.6:
 * "an Error Model body can come with HTTP 200, so a client must inspect the body").
 * The simulator uses it for writes to an already authorised invoice.
 */
export function okButFailed(message: string): DearHttpError {
  return new DearHttpError(200, 400, message);
}

/** A record that does not exist: 400, not 404 (404 is reserved for unknown endpoints, §1.5). */
export function notFound(kind: string, id: string): DearHttpError {
  return new DearHttpError(400, 400, `${kind} with ID '${id}' not found.`);
}

/** 405 for a known endpoint called with another method (§1.5). */
export function methodNotAllowed(method: string): DearHttpError {
  return new DearHttpError(405, 405, `The requested resource does not support http method '${method}'.`);
}

/**
 * Bad credentials: 403 (§1.2, §9 #9). HV reports the text `Incorrect credentials!`; the
 * body is rendered as a bare Error Model object — one of the two documented shapes
 * (§1.6), so clients meet the non-array variant on a common path.
 */
export function forbidden(): DearHttpError {
  return new DearHttpError(403, 403, 'Incorrect credentials!', 'object');
}

/** The 500 for an injected server fault (§1.5: "unexpected server error"). */
export function serverError(): DearHttpError {
  return new DearHttpError(500, 500, 'An error has occurred. Please try again later.');
}

/**
 * The byte-identical HTML page some unknown paths return (§1.5, §9 #15; AH). We use
 * status 404 (the documented meaning) with this HTML body.
 */
export const PAGE_NOT_FOUND_HTML = `<!DOCTYPE html>
<html>
<head><title>Page not found - Cin7 Core</title></head>
<body>
<h1>Page not found</h1>
<p>The page you are looking for might have been removed, had its name changed, or is temporarily unavailable.</p>
</body>
</html>
`;
