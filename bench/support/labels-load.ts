/**
 * The labels benchmark's load thread (support/labels-load-worker.ts) and its protocol. Like
 * support/load.ts, but every request may differ per iteration in a string (an Idempotency-Key,
 * a ShipStation `customField1`): `{{n}}` anywhere in a header value or in the JSON body is
 * replaced by the iteration number before the clock starts. It also fires bursts (every request
 * at once) with client-side retries of 503 answers after their Retry-After.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export const ITERATION_TOKEN = '{{n}}';

/** One HTTP request; `{{n}}` in header values and in the body is replaced per iteration. */
export interface TemplateRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  expectStatus: number;
}

/** Sequential, interleaved: per iteration each probe once, in order. */
export interface LabelsSequenceJob {
  probes: Array<{ name: string; request: TemplateRequest }>;
  warmup: number;
  iterations: number;
  /** Iteration numbers start here (so a second job never repeats a key of the first). */
  firstIteration?: number;
}

export interface LabelsSequenceResult {
  samples: Record<string, number[]>;
  failures: Record<string, { count: number; examples: string[] }>;
}

/** All requests sent at once; an answer whose status is in `retryStatuses` is sent again after its Retry-After. */
export interface BurstJob {
  requests: TemplateRequest[];
  retryStatuses: number[];
  /** Used when a retryable answer has no Retry-After header. */
  defaultRetryAfterS: number;
  /** No retry starts later than this many ms after the burst began. */
  retryDeadlineMs: number;
}

export interface BurstAnswer {
  statuses: number[];
  /** ms from the burst start to each answer. */
  answeredAtMs: number[];
  retryAfter: Array<string | null>;
  /** `status code: detail` of each non-2xx answer (first 200 characters of the detail). */
  problems: string[];
  finalStatus: number;
  /** The final answer's body (parsed JSON when it is JSON). */
  body: unknown;
}

export interface BurstResult {
  startedAt: number;
  answers: BurstAnswer[];
}

export type LabelsWorkerRequest =
  | { id: number; kind: 'sequence'; job: LabelsSequenceJob }
  | { id: number; kind: 'burst'; job: BurstJob };

export type LabelsWorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class LabelsLoad {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: LabelsWorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`labels load worker: ${m.error}`));
    });
    const failAll = (error: Error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`labels load worker exited with code ${code}`)));
  }

  static start(): LabelsLoad {
    return new LabelsLoad(new Worker(join(__dirname, 'labels-load-worker.js')));
  }

  sequence(job: LabelsSequenceJob): Promise<LabelsSequenceResult> {
    return this.send({ kind: 'sequence', job }) as Promise<LabelsSequenceResult>;
  }

  burst(job: BurstJob): Promise<BurstResult> {
    return this.send({ kind: 'burst', job }) as Promise<BurstResult>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(request: WithoutId<LabelsWorkerRequest>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }
}
