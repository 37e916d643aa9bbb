import type autocannon from 'autocannon';

/** One HTTP request the load worker sends with fetch. */
export interface RequestSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  expectStatus: number;
}

/**
 * A numeric field changed on every iteration (so each request misses a cache):
 * value = round(base + step × (iteration + 1), decimals), at `path` inside the body.
 */
export interface Vary {
  path: Array<string | number>;
  base: number;
  step: number;
  decimals: number;
}

/** Requests sent together (in parallel); one sample = until the last body has been read. */
export interface Probe {
  name: string;
  requests: RequestSpec[];
  vary?: Vary;
}

/** Sequential measurement: per iteration every probe in turn (interleaved, so drift hits all alike). */
export interface SequenceJob {
  probes: Probe[];
  warmup: number;
  iterations: number;
}

export interface SequenceResult {
  /** Per probe name, one sample per measured iteration (ms). */
  samples: Record<string, number[]>;
  /** Per probe name, responses with an unexpected status (first few kept). */
  failures: Record<string, { count: number; examples: string[] }>;
}

export type WorkerRequest =
  | { id: number; kind: 'autocannon'; options: autocannon.Options }
  | { id: number; kind: 'sequence'; job: SequenceJob };

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };

/** What an autocannon run reports back (requests/s from completed requests over the elapsed time). */
export interface ThroughputResult {
  rps: number;
  completed: number;
  durationS: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
