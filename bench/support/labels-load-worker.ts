/**
 * The labels benchmark's load thread (see labels-load.ts): sequential interleaved probes with a
 * per-iteration string, and bursts with Retry-After retries. Runs off the app's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ITERATION_TOKEN as TOKEN } from './labels-load';
import type { BurstAnswer, BurstJob, BurstResult, LabelsSequenceJob, LabelsSequenceResult, LabelsWorkerRequest, LabelsWorkerResponse, TemplateRequest } from './labels-load';

if (!parentPort) throw new Error('labels-load-worker must run in a worker thread');
const port = parentPort;

port.on('message', (message: LabelsWorkerRequest) => {
  void handle(message).then(
    (result): LabelsWorkerResponse => ({ id: message.id, ok: true, result }),
    (error: unknown): LabelsWorkerResponse => ({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  ).then((response) => port.postMessage(response));
});

async function handle(message: LabelsWorkerRequest): Promise<unknown> {
  switch (message.kind) {
    case 'sequence':
      return sequence(message.job);
    case 'burst':
      return burst(message.job);
  }
}

interface Prepared {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A request template with `{{n}}` filled in; the body is serialised once, here. */
function compile(t: TemplateRequest): (n: number) => Prepared {
  const bodyText = t.body === undefined ? undefined : JSON.stringify(t.body);
  const headerEntries = Object.entries(t.headers);
  return (n) => {
    const s = String(n);
    return {
      url: t.url,
      method: t.method,
      headers: Object.fromEntries(headerEntries.map(([k, v]) => [k, v.replaceAll(TOKEN, s)])),
      body: bodyText?.replaceAll(TOKEN, s),
    };
  };
}

async function sequence(job: LabelsSequenceJob): Promise<LabelsSequenceResult> {
  const probes = job.probes.map((p) => ({ name: p.name, expect: p.request.expectStatus, make: compile(p.request) }));
  const samples: LabelsSequenceResult['samples'] = Object.fromEntries(probes.map((p) => [p.name, [] as number[]]));
  const failures: LabelsSequenceResult['failures'] = Object.fromEntries(probes.map((p) => [p.name, { count: 0, examples: [] as string[] }]));
  const first = job.firstIteration ?? 1;
  for (let i = 0; i < job.warmup + job.iterations; i++) {
    for (const probe of probes) {
      const req = probe.make(first + i);
      const started = performance.now();
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
      const text = await res.text();
      const elapsed = performance.now() - started;
      if (i >= job.warmup) samples[probe.name].push(elapsed);
      if (res.status !== probe.expect) {
        const f = failures[probe.name];
        f.count += 1;
        if (f.examples.length < 3) f.examples.push(`${req.method} ${req.url} → ${res.status} ${text.slice(0, 300)}`);
      }
    }
  }
  return { samples, failures };
}

async function burst(job: BurstJob): Promise<BurstResult> {
  const startedAt = Date.now();
  const t0 = performance.now();
  const prepared = job.requests.map((r, i) => compile(r)(i + 1));
  const answers = await Promise.all(
    prepared.map(async (req): Promise<BurstAnswer> => {
      const a: BurstAnswer = { statuses: [], answeredAtMs: [], retryAfter: [], problems: [], finalStatus: 0, body: undefined };
      for (;;) {
        let status: number;
        let text: string;
        let retryAfter: string | null;
        try {
          const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
          text = await res.text();
          status = res.status;
          retryAfter = res.headers.get('retry-after');
        } catch (error) {
          status = 0;
          text = error instanceof Error ? error.message : String(error);
          retryAfter = null;
        }
        a.statuses.push(status);
        a.answeredAtMs.push(performance.now() - t0);
        a.retryAfter.push(retryAfter);
        a.finalStatus = status;
        try {
          a.body = JSON.parse(text);
        } catch {
          a.body = text.slice(0, 500);
        }
        if (status < 200 || status >= 300) a.problems.push(`${status} ${problemText(a.body)}`);
        if (!job.retryStatuses.includes(status)) return a;
        const waitS = Number(retryAfter);
        const waitMs = (Number.isFinite(waitS) && waitS >= 0 ? waitS : job.defaultRetryAfterS) * 1000 + Math.random() * 250;
        if (performance.now() - t0 + waitMs > job.retryDeadlineMs) return a;
        await sleep(waitMs);
      }
    }),
  );
  return { startedAt, answers };
}

function problemText(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { code?: unknown; detail?: unknown };
    return `${String(b.code ?? '')}: ${String(b.detail ?? '').slice(0, 200)}`;
  }
  return String(body).slice(0, 200);
}
