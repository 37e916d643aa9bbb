/**
 * Records every request a simulator saw, so tests can assert how many upstream calls
 * the service made (e.g. "a cached quote costs no upstream call", "a lost label
 * response is reconciled, not re-bought").
 */
export interface RecordedRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body when there was one, else the raw text, else undefined. */
  body: unknown;
  /** Status sent; 0 when no response was sent (fault `hang`, `reset`, `performThenDrop`). */
  status: number;
  at: Date;
  /** Credential that identified the caller (the API key / account id), if any. */
  apiKey?: string;
}

export interface RequestFilter {
  method?: string;
  /** A string must equal the path exactly; a RegExp is tested against it. */
  path?: string | RegExp;
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];

  record(entry: RecordedRequest): RecordedRequest {
    this.requests.push(entry);
    return entry;
  }

  count(filter: RequestFilter = {}): number {
    return this.requests.filter((r) => matches(r, filter)).length;
  }

  clear(): void {
    this.requests.length = 0;
  }
}

export function matches(r: RecordedRequest, filter: RequestFilter): boolean {
  if (filter.method !== undefined && r.method.toUpperCase() !== filter.method.toUpperCase()) return false;
  if (filter.path !== undefined) {
    if (typeof filter.path === 'string' ? r.path !== filter.path : !filter.path.test(r.path)) return false;
  }
  return true;
}
