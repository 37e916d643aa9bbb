import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type autocannon from 'autocannon';
import type { SequenceJob, SequenceResult, ThroughputResult, WorkerRequest, WorkerResponse } from './load-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A handle on the load worker thread (bench/support/load-worker.ts). */
export class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: WorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`load worker: ${m.error}`));
    });
    const failAll = (error: Error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`load worker exited with code ${code}`)));
  }

  static start(): LoadGenerator {
    return new LoadGenerator(new Worker(join(__dirname, 'load-worker.js')));
  }

  autocannon(options: autocannon.Options): Promise<ThroughputResult> {
    return this.send({ kind: 'autocannon', options }) as Promise<ThroughputResult>;
  }

  sequence(job: SequenceJob): Promise<SequenceResult> {
    return this.send({ kind: 'sequence', job }) as Promise<SequenceResult>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(request: WithoutId<WorkerRequest>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }
}
