/**
 * The load generator's thread: autocannon and the sequential latency probes run here, never on
 * the event loop of the app under test (which lives in the main thread).
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Probe, SequenceJob, SequenceResult, ThroughputResult, Vary, WorkerRequest, WorkerResponse } from './load-protocol';

if (!parentPort) throw new Error('load-worker must run in a worker thread');
const port = parentPort;

port.on('message', (message: WorkerRequest) => {
  void handle(message).then(
    (result): WorkerResponse => ({ id: message.id, ok: true, result }),
    (error: unknown): WorkerResponse => ({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  ).then((response) => port.postMessage(response));
});

async function handle(message: WorkerRequest): Promise<unknown> {
  switch (message.kind) {
    case 'autocannon':
      return throughput(message.options);
    case 'sequence':
      return sequence(message.job);
  }
}

async function throughput(options: autocannon.Options): Promise<ThroughputResult> {
  const raw = await autocannon(options);
  // In a worker thread autocannon hands back its per-worker raw result: aggregate it here.
  const r = 'latencies' in raw ? autocannon.aggregateResult([raw], options) : raw;
  const completed = r.latency.totalCount ?? 0;
  return {
    rps: completed / r.duration,
    completed,
    durationS: r.duration,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, mean: r.latency.mean, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function sequence(job: SequenceJob): Promise<SequenceResult> {
  const samples: SequenceResult['samples'] = Object.fromEntries(job.probes.map((p) => [p.name, [] as number[]]));
  const failures: SequenceResult['failures'] = Object.fromEntries(job.probes.map((p) => [p.name, { count: 0, examples: [] as string[] }]));
  for (let i = 0; i < job.warmup + job.iterations; i++) {
    for (const probe of job.probes) {
      const elapsed = await once(probe, i, failures[probe.name]);
      if (i >= job.warmup) samples[probe.name].push(elapsed);
    }
  }
  return { samples, failures };
}

async function once(probe: Probe, iteration: number, failures: { count: number; examples: string[] }): Promise<number> {
  const prepared = probe.requests.map((r) => ({ spec: r, body: r.body === undefined ? undefined : JSON.stringify(probe.vary ? varied(r.body, probe.vary, iteration) : r.body) }));
  const started = performance.now();
  const answers = await Promise.all(
    prepared.map(async ({ spec, body }) => {
      const res = await fetch(spec.url, { method: spec.method, headers: spec.headers, body });
      return { spec, status: res.status, text: await res.text() };
    }),
  );
  const elapsed = performance.now() - started;
  for (const a of answers) {
    if (a.status === a.spec.expectStatus) continue;
    failures.count += 1;
    if (failures.examples.length < 3) failures.examples.push(`${a.spec.method} ${a.spec.url} → ${a.status} ${a.text.slice(0, 300)}`);
  }
  return elapsed;
}

function varied(body: unknown, vary: Vary, iteration: number): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of vary.path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[vary.path[vary.path.length - 1]] = Number((vary.base + vary.step * (iteration + 1)).toFixed(vary.decimals));
  return copy;
}
