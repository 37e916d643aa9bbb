/**
 * `npm run bench -- rates` (SPEC §9, rates): in one run, against in-process simulators with
 * zero latency,
 *   (a) GET /health/live requests/s,
 *   (b) cached POST /v1/rates requests/s — same client settings as (a),
 *   (c) uncached POST /v1/rates latency, next to the same getrates calls sent straight to the
 *       simulator in parallel (the "direct fan-out").
 * Targets: (b) ≥ 50% of (a); (c) p50 − direct p50 ≤ 5 ms.
 */
import { availableParallelism } from 'node:os';
import type autocannon from 'autocannon';
import { machineLines, startBenchEnvironment, BenchEnvironment } from './support/environment';
import { LoadGenerator } from './support/load';
import type { RequestSpec, ThroughputResult } from './support/load-protocol';
import { startQueryProbe, QueryStats } from './support/query-probe';
import { latencyDetail, ms, pct, round, roundedSummary, rps, summarize } from './support/stats';
import type { BenchResult, BenchRow } from './types';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** Same client settings for (a) and (b), so their ratio is fair. */
const CONNECTIONS = num('BENCH_CONNECTIONS', 16);
const WARMUP_S = num('BENCH_WARMUP_S', 2);
const DURATION_S = num('BENCH_DURATION_S', 5);
const PIPELINING = 1;
/** (c): sequential iterations, service and direct interleaved. */
const LATENCY_WARMUP = 100;
const LATENCY_N = num('BENCH_LATENCY_N', 200);
/** Diagnostic pass (query counts), after the measurements. */
const DIAG_N = 50;

const TARGET_CACHED_RATIO = 0.5;
const TARGET_OVERHEAD_P50_MS = 5;

const SHIP_TO = { name: 'John Roe', street1: '350 5th Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' };
const GETRATES = '/shipments/getrates';


export const description = '/health/live vs cached /v1/rates throughput; uncached /v1/rates latency vs the direct simulator fan-out';

export async function run(): Promise<BenchResult> {
  const started = Date.now();
  const env = await startBenchEnvironment();
  const load = LoadGenerator.start();
  try {
    return await measure(env, load, started);
  } finally {
    await load.close();
    await env.close();
  }
}

async function measure(env: BenchEnvironment, load: LoadGenerator, started: number): Promise<BenchResult> {
  const auth = { Authorization: `Bearer ${env.adminKey}`, 'Content-Type': 'application/json' };
  const ratesBody = { connectionId: env.connectionId, shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 2, unit: 'lb' } }] } };
  const getrates = () => env.shipstation.countRequests({ path: GETRATES });

  // Priming: builds the carrier catalog, asks every carrier once, and proves the cache answers.
  const first = await postRates(env, ratesBody);
  if (first.errors.length > 0 || first.rates.length === 0) throw new Error(`priming quote is not clean: ${JSON.stringify(first)}`);
  const recorded = env.shipstation.requests.filter((r) => r.path === GETRATES);
  const carrierBodies = recorded.map((r) => r.body as Record<string, unknown>);
  const carriers = carrierBodies.map((b) => String(b.carrierCode));
  const callsBefore = getrates();
  const second = await postRates(env, ratesBody);
  if (second.quoteId !== first.quoteId || getrates() !== callsBefore) throw new Error('the second identical request was not answered from the cache');

  // (a) and (b): identical autocannon settings, from the load worker.
  const common = { connections: CONNECTIONS, pipelining: PIPELINING };
  const health: autocannon.Options = { ...common, url: `${env.url}/health/live`, method: 'GET' };
  const cached: autocannon.Options = { ...common, url: `${env.url}/v1/rates`, method: 'POST', headers: auth, body: JSON.stringify(ratesBody) };
  const a = await throughput(load, health);
  const callsBeforeB = getrates();
  const b = await throughput(load, cached);
  const upstreamDuringB = getrates() - callsBeforeB;

  // (c): uncached service requests (weight +0.001 lb each) interleaved with the direct fan-out.
  const budgetBefore = await budgetWait(env);
  const callsBeforeC = getrates();
  const service: RequestSpec = { url: `${env.url}/v1/rates`, method: 'POST', headers: auth, body: ratesBody, expectStatus: 200 };
  const direct: RequestSpec[] = carrierBodies.map((body) => ({
    url: `${env.shipstation.url}${GETRATES}`,
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: env.shipstationAuth },
    body,
    expectStatus: 200,
  }));
  const directWeight = (carrierBodies[0]?.weight as { value?: number } | undefined)?.value ?? 32;
  const seq = await load.sequence({
    warmup: LATENCY_WARMUP,
    iterations: LATENCY_N,
    probes: [
      { name: 'service', requests: [service], vary: { path: ['shipment', 'packages', 0, 'weight', 'value'], base: 2, step: 0.001, decimals: 3 } },
      { name: 'direct', requests: direct, vary: { path: ['weight', 'value'], base: directWeight, step: 0.01, decimals: 2 } },
    ],
  });
  const budgetAfter = await budgetWait(env);
  const iterations = LATENCY_WARMUP + LATENCY_N;
  const expectedCalls = 2 * carriers.length * iterations;
  const callsDuringC = getrates() - callsBeforeC;
  const throttled = env.shipstation.requests.filter((r) => r.status === 429).length;
  for (const [probe, f] of Object.entries(seq.failures)) if (f.count > 0) throw new Error(`(c) ${probe}: ${f.count} unexpected answers, e.g. ${f.examples.join(' | ')}`);
  const svc = summarize(seq.samples.service);
  const dir = summarize(seq.samples.direct);
  const budgetCalls = budgetAfter.count - budgetBefore.count;
  const budgetMeanMs = budgetCalls > 0 ? ((budgetAfter.sum - budgetBefore.sum) * 1000) / budgetCalls : NaN;

  // Diagnostics (not part of the verdicts): database queries per cached / uncached request.
  const diag = await diagnostics(env, ratesBody);

  const ratio = b.rps / a.rps;
  const overhead = { p50: svc.p50 - dir.p50, p95: svc.p95 - dir.p95, p99: svc.p99 - dir.p99 };
  const rows: BenchRow[] = [
    { label: '(a) GET /health/live', value: rps(a.rps), detail: throughputDetail(a) },
    { label: '(b) POST /v1/rates, cached', value: rps(b.rps), detail: `${throughputDetail(b)}; ${upstreamDuringB} upstream calls` },
    { label: '    ratio (b)/(a)', value: pct(ratio), detail: `target ≥ ${pct(TARGET_CACHED_RATIO)}` },
    { label: `(c) POST /v1/rates, uncached (${carriers.length} carriers)`, value: `p50 ${ms(svc.p50)}`, detail: latencyDetail(svc) },
    { label: '    direct fan-out to the simulator', value: `p50 ${ms(dir.p50)}`, detail: `${latencyDetail(dir)}; ${carriers.join(', ')} in parallel` },
    { label: '    service overhead (c) − direct', value: `p50 ${ms(overhead.p50)}`, detail: `p95 ${ms(overhead.p95)} / p99 ${ms(overhead.p99)}; target p50 ≤ ${ms(TARGET_OVERHEAD_P50_MS)}` },
    { label: '    budget take per upstream call', value: ms(budgetMeanMs), detail: `mean over ${budgetCalls} calls (upstream_budget_wait_seconds: PostgreSQL round trips, no waiting)` },
    { label: '    DB queries per request', value: `${round(diag.uncached.perRequest, 1)} uncached`, detail: `${round(diag.cached.perRequest, 1)} cached; uncached spends ${ms(diag.uncached.dbMsPerRequest)} per request in queries (diagnostic pass, n=${DIAG_N})` },
  ];
  const notes = [
    ...machineLines(),
    `Database: ${env.database.label}`,
    `Simulators in process, zero latency; ShipStation getrates for ${carriers.length} carriers (${carriers.join(', ')}).`,
    env.budgetNote,
    `(a)/(b): autocannon in a worker thread, ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${WARMUP_S} s warm-up then ${DURATION_S} s; LOG_LEVEL=${env.config.logLevel}.`,
    `(c): ${LATENCY_N} sequential requests after ${LATENCY_WARMUP} warm-up, each a cache miss (weight +0.001 lb), interleaved with the direct fan-out (same getrates bodies and Basic auth, fetch, in parallel) from the same worker.`,
    `Upstream getrates during (c): ${callsDuringC} (expected ${expectedCalls}); throttled answers from the simulator: ${throttled}.`,
  ];
  if (a.non2xx + a.errors + a.timeouts + b.non2xx + b.errors + b.timeouts > 0) notes.push(`WARNING: failed requests under load: (a) ${a.non2xx} non-2xx/${a.errors} errors, (b) ${b.non2xx} non-2xx/${b.errors} errors.`);
  if (callsDuringC !== expectedCalls) notes.push('WARNING: (c) did not ask every carrier on every request; some requests may have been cache hits.');
  return {
    name: 'rates',
    rows,
    verdicts: [
      { target: `cached /v1/rates ≥ ${pct(TARGET_CACHED_RATIO)} of /health/live`, measured: `${pct(ratio)} (${rps(b.rps)} / ${rps(a.rps)})`, pass: ratio >= TARGET_CACHED_RATIO && b.non2xx === 0 && b.errors === 0 },
      { target: `uncached overhead p50 ≤ ${TARGET_OVERHEAD_P50_MS} ms over the direct fan-out`, measured: `${ms(overhead.p50)} (${ms(svc.p50)} − ${ms(dir.p50)})`, pass: overhead.p50 <= TARGET_OVERHEAD_P50_MS },
    ],
    notes,
    data: {
      database: env.database.kind,
      cores: availableParallelism(),
      health: a,
      cached: { ...b, upstreamCalls: upstreamDuringB },
      cachedToHealthRatio: round(ratio, 3),
      uncached: roundedSummary(svc),
      directFanout: roundedSummary(dir),
      overheadMs: { p50: round(overhead.p50), p95: round(overhead.p95), p99: round(overhead.p99) },
      budgetTakeMeanMs: round(budgetMeanMs),
      dbQueriesPerRequest: { cached: round(diag.cached.perRequest, 2), uncached: round(diag.uncached.perRequest, 2), uncachedDbMs: round(diag.uncached.dbMsPerRequest), uncachedStatements: diag.uncached.statements },
      carriers,
      seconds: round((Date.now() - started) / 1000, 1),
    },
  };
}

async function postRates(env: BenchEnvironment, body: object): Promise<{ quoteId: string; rates: unknown[]; errors: unknown[] }> {
  const res = await fetch(`${env.url}/v1/rates`, { method: 'POST', headers: { Authorization: `Bearer ${env.adminKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /v1/rates answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as { quoteId: string; rates: unknown[]; errors: unknown[] };
}

async function throughput(load: LoadGenerator, options: autocannon.Options): Promise<ThroughputResult> {
  await load.autocannon({ ...options, duration: WARMUP_S });
  const r = await load.autocannon({ ...options, duration: DURATION_S });
  return { ...r, rps: round(r.rps, 1), latency: { ...r.latency, mean: round(r.latency.mean) } };
}

function throughputDetail(r: ThroughputResult): string {
  const failed = r.non2xx + r.errors + r.timeouts;
  return `latency p50 ${r.latency.p50} / p99 ${r.latency.p99} ms; ${r.completed.toLocaleString('en-US')} requests in ${r.durationS} s${failed ? `, ${failed} FAILED` : ''}`;
}

async function budgetWait(env: BenchEnvironment): Promise<{ sum: number; count: number }> {
  const metric = await env.running.metrics.upstreamBudgetWait.get();
  let sum = 0;
  let count = 0;
  for (const v of metric.values) {
    if (v.metricName?.endsWith('_sum')) sum += v.value;
    if (v.metricName?.endsWith('_count')) count += v.value;
  }
  return { sum, count };
}

interface DiagStats {
  perRequest: number;
  dbMsPerRequest: number;
  /** Statement → per request: how many, and ms spent in them (summed, parallel ones overlap). */
  statements: Record<string, { perRequest: number; msPerRequest: number }>;
}

/** Sequential requests from this thread with every `pg` query counted; numbers per request. */
async function diagnostics(env: BenchEnvironment, ratesBody: { connectionId: string; shipment: object }): Promise<{ cached: DiagStats; uncached: DiagStats }> {
  const per = (s: QueryStats): DiagStats => ({
    perRequest: s.count / DIAG_N,
    dbMsPerRequest: s.totalMs / DIAG_N,
    statements: Object.fromEntries(Object.entries(s.statements).map(([k, v]) => [k, { perRequest: round(v.count / DIAG_N, 2), msPerRequest: round(v.ms / DIAG_N, 2) }])),
  });
  let probe = startQueryProbe();
  for (let i = 0; i < DIAG_N; i++) await postRates(env, ratesBody);
  const cached = per(probe.stop());
  probe = startQueryProbe();
  for (let i = 0; i < DIAG_N; i++) {
    await postRates(env, { ...ratesBody, shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: Number((5 + 0.001 * (i + 1)).toFixed(3)), unit: 'lb' } }] } });
  }
  const uncached = per(probe.stop());
  return { cached, uncached };
}
