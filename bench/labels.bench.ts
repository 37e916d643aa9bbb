/**
 * `npm run bench -- labels` (SPEC §5, §9 "Labels: overhead p99 ≤ 20 ms beyond the upstream call").
 *
 * Part 1 — purchase overhead. Simulators with zero latency, budget opened up (as rates.bench):
 *   sequential `POST /v1/labels` for an explicit one-package shipment (no DEAR involved), each
 *   with its own Idempotency-Key, interleaved with the same `POST /shipments/createlabel` body the
 *   service sends, straight to the ShipStation simulator (customField1 changed each time).
 *   Target: p99(service) − p99(direct) ≤ 20 ms.
 *
 * Part 2 — burst (BENCH_LABELS_BURST=0 skips it; BENCH_LABELS_BURST_SIZE, default 100): a fresh
 *   app and simulators with DEAR at its REAL 60 calls/minute on both sides; N packed one-box
 *   sales; N `POST /v1/labels` (saleId + codes) at once; then wait until every write-back is done.
 *   Reports write-back latency (purchasedAt → writeBack.completedAt), DEAR throttled answers
 *   (must be 0), ship lines in DEAR with our tracking numbers (must be N), DEAR calls per label,
 *   and the peak DEAR calls in any 60 s (must be ≤ 60). Takes minutes by design.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RecordedRequest } from '../src/sandbox/common/request-recorder';
import { guardMs } from '../src/upstream/budget/rate-budget';
import { machineLines, startBenchEnvironment, BenchEnvironment } from './support/environment';
import { DEAR_REAL_LIMIT, LabelsBurstEnvironment, SERVICE_DEAR_PER_MINUTE, SERVICE_WINDOW_MS, startLabelsBurstEnvironment } from './support/labels-environment';
import { BurstResult, ITERATION_TOKEN, LabelsLoad, TemplateRequest } from './support/labels-load';
import { addPackedOneBoxSales } from './support/labels-sales';
import { startQueryProbe } from './support/query-probe';
import { latencyDetail, ms, round, roundedSummary, summarize } from './support/stats';
import type { BenchResult, BenchRow, BenchVerdict } from './types';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const WARMUP = num('BENCH_LABELS_WARMUP', 50);
const LATENCY_N = num('BENCH_LABELS_N', 200);
const DIAG_N = 20;
const TARGET_OVERHEAD_P99_MS = 20;

const BURST_ENABLED = !['0', 'false', 'no', 'off'].includes((process.env.BENCH_LABELS_BURST ?? '').trim().toLowerCase());
const BURST_SIZE = Math.floor(num('BENCH_LABELS_BURST_SIZE', 100));
/** Per label: one `GET /sale` at purchase; the write-back (freight none): `GET /sale` + `POST /sale/fulfilment/ship`. */
const DEAR_CALLS_PER_LABEL = 3;

const CARRIER = { carrierCode: 'ups', serviceCode: 'ups_ground' };
const SHIP_TO = { name: 'John Roe', street1: '350 5th Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' };
const CREATELABEL = '/shipments/createlabel';

export const description = 'POST /v1/labels overhead vs a direct simulator createlabel (p99 ≤ 20 ms); a burst of labels written back to DEAR at its real 60/min';

export async function run(): Promise<BenchResult> {
  const started = Date.now();
  const tag = randomBytes(4).toString('hex');
  const one = await partOverhead(tag);
  const two = BURST_ENABLED ? await partBurst(tag) : undefined;
  const notes = [...machineLines(), ...one.notes, ...(two ? two.notes : ['Part 2 (burst) skipped: BENCH_LABELS_BURST=0.'])];
  return {
    name: 'labels',
    rows: [...one.rows, ...(two ? two.rows : [])],
    verdicts: [...one.verdicts, ...(two ? two.verdicts : [])],
    notes,
    data: { cores: availableParallelism(), overhead: one.data, burst: two ? two.data : null, seconds: round((Date.now() - started) / 1000, 1) },
  };
}

interface Part {
  rows: BenchRow[];
  verdicts: BenchVerdict[];
  notes: string[];
  data: Record<string, unknown>;
}

// ───────────────────────────── Part 1: purchase overhead ─────────────────────────────

async function partOverhead(tag: string): Promise<Part> {
  const env = await startBenchEnvironment();
  const load = LabelsLoad.start();
  try {
    return await measureOverhead(env, load, tag);
  } finally {
    await load.close();
    await env.close();
  }
}

async function measureOverhead(env: BenchEnvironment, load: LabelsLoad, tag: string): Promise<Part> {
  const auth = { Authorization: `Bearer ${env.adminKey}`, 'Content-Type': 'application/json' };
  const body = { connectionId: env.connectionId, ...CARRIER, shipment: { shipTo: SHIP_TO, packages: [{ weight: { value: 2, unit: 'lb' } }] } };
  const createlabels = () => env.shipstation.countRequests({ path: CREATELABEL });

  // Priming: builds the carrier catalog, buys one label, and gives us the body the service sends.
  const first = await postLabel(env.url, auth, body, `bench-labels-${tag}-prime`);
  if (first.status !== 201 || first.body.status !== 'purchased' || first.body.writeBack?.status !== 'not_applicable') {
    throw new Error(`priming purchase is not clean: ${first.status} ${JSON.stringify(first.body)}`);
  }
  const recorded = env.shipstation.requests.filter((r) => r.path === CREATELABEL).at(-1);
  const sent = recorded?.body as { advancedOptions?: Record<string, unknown> } | undefined;
  if (!sent?.advancedOptions || typeof sent.advancedOptions.customField1 !== 'string') throw new Error(`no createlabel body with advancedOptions.customField1 was recorded: ${JSON.stringify(recorded)}`);
  const directBody = structuredClone(sent) as { advancedOptions: Record<string, unknown> };
  directBody.advancedOptions.customField1 = `bench-direct-${tag}-${ITERATION_TOKEN}`;
  const directHeaders = { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: env.shipstationAuth };
  const probeDirect = await fetch(`${env.shipstation.url}${CREATELABEL}`, { method: 'POST', headers: directHeaders, body: JSON.stringify({ ...directBody, advancedOptions: { ...directBody.advancedOptions, customField1: `bench-direct-${tag}-probe` } }) });
  const directStatus = probeDirect.status;
  const directText = await probeDirect.text();
  if (directStatus >= 300) throw new Error(`direct createlabel answered ${directStatus}: ${directText.slice(0, 300)}`);

  const budgetBefore = await budgetWait(env);
  const callsBefore = createlabels();
  const dearBefore = env.dear.requests.length;
  const service: TemplateRequest = { url: `${env.url}/v1/labels`, method: 'POST', headers: { ...auth, 'Idempotency-Key': `bench-labels-${tag}-${ITERATION_TOKEN}` }, body, expectStatus: 201 };
  const direct: TemplateRequest = { url: `${env.shipstation.url}${CREATELABEL}`, method: 'POST', headers: directHeaders, body: directBody, expectStatus: directStatus };
  const seq = await load.sequence({ warmup: WARMUP, iterations: LATENCY_N, probes: [{ name: 'service', request: service }, { name: 'direct', request: direct }] });
  for (const [probe, f] of Object.entries(seq.failures)) if (f.count > 0) throw new Error(`part 1 ${probe}: ${f.count} unexpected answers, e.g. ${f.examples.join(' | ')}`);
  const budgetAfter = await budgetWait(env);
  const iterations = WARMUP + LATENCY_N;
  const callsDuring = createlabels() - callsBefore;
  const throttled = env.shipstation.requests.filter((r) => r.status === 429).length;
  const dearDuring = env.dear.requests.length - dearBefore;

  const svc = summarize(seq.samples.service);
  const dir = summarize(seq.samples.direct);
  const paired = summarize(seq.samples.service.map((s, i) => s - seq.samples.direct[i]));
  const overhead = { p50: svc.p50 - dir.p50, p95: svc.p95 - dir.p95, p99: svc.p99 - dir.p99 };
  const budgetCalls = budgetAfter.count - budgetBefore.count;
  const budgetMeanMs = budgetCalls > 0 ? ((budgetAfter.sum - budgetBefore.sum) * 1000) / budgetCalls : NaN;

  // Diagnostic pass (not part of the verdict): pg queries per purchase, from this thread.
  const probe = startQueryProbe();
  for (let i = 0; i < DIAG_N; i++) {
    const r = await postLabel(env.url, auth, body, `bench-labels-${tag}-diag-${i}`);
    if (r.status !== 201) throw new Error(`diagnostic purchase answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
  const q = probe.stop();
  const statements = Object.fromEntries(
    Object.entries(q.statements)
      .sort((a, b) => b[1].count - a[1].count)
      .map(([k, v]) => [k, { perRequest: round(v.count / DIAG_N, 2), msPerRequest: round(v.ms / DIAG_N, 2) }]),
  );

  const rows: BenchRow[] = [
    { label: '(1) POST /v1/labels, explicit shipment', value: `p99 ${ms(svc.p99)}`, detail: latencyDetail(svc) },
    { label: '    direct createlabel to the simulator', value: `p99 ${ms(dir.p99)}`, detail: latencyDetail(dir) },
    { label: '    service overhead (1) − direct', value: `p99 ${ms(overhead.p99)}`, detail: `p50 ${ms(overhead.p50)} / p95 ${ms(overhead.p95)}; paired per iteration p50 ${ms(paired.p50)} / p99 ${ms(paired.p99)}; target p99 ≤ ${ms(TARGET_OVERHEAD_P99_MS)}` },
    { label: '    budget take per upstream call', value: ms(budgetMeanMs), detail: `mean over ${budgetCalls} calls (upstream_budget_wait_seconds: PostgreSQL round trips, no waiting)` },
    { label: '    DB queries per purchase', value: round(q.count / DIAG_N, 1).toString(), detail: `${ms(q.totalMs / DIAG_N)} per purchase in queries (summed; diagnostic pass, n=${DIAG_N})` },
  ];
  const notes = [
    `Part 1 database: ${env.database.label}`,
    'Part 1: simulators in process, zero latency. ' + env.budgetNote,
    `Part 1: ${LATENCY_N} sequential purchases after ${WARMUP} warm-up, each with its own Idempotency-Key, for an explicit one-package shipment (${CARRIER.carrierCode}/${CARRIER.serviceCode}, 2 lb; no DEAR call), ` +
      'interleaved with the same createlabel body the service sent (read back from the simulator; customField1 changed each time), Basic auth, fetch, from the same worker thread.',
    `Part 1: createlabel calls during the run ${callsDuring} (expected ${2 * iterations}); throttled answers from ShipStation ${throttled}; DEAR calls ${dearDuring}.`,
  ];
  if (callsDuring !== 2 * iterations) notes.push('WARNING: part 1 did not make exactly one createlabel per purchase.');
  return {
    rows,
    verdicts: [{ target: `label purchase overhead p99 ≤ ${TARGET_OVERHEAD_P99_MS} ms over the direct createlabel`, measured: `${ms(overhead.p99)} (${ms(svc.p99)} − ${ms(dir.p99)}); p50 ${ms(overhead.p50)}`, pass: overhead.p99 <= TARGET_OVERHEAD_P99_MS }],
    notes,
    data: {
      database: env.database.kind,
      service: roundedSummary(svc),
      direct: roundedSummary(dir),
      overheadMs: { p50: round(overhead.p50), p95: round(overhead.p95), p99: round(overhead.p99) },
      pairedOverheadMs: roundedSummary(paired),
      budgetTakeMeanMs: round(budgetMeanMs),
      createlabelCalls: callsDuring,
      dbQueriesPerPurchase: round(q.count / DIAG_N, 2),
      dbMsPerPurchase: round(q.totalMs / DIAG_N),
      statements,
    },
  };
}

// ───────────────────────────── Part 2: burst at DEAR's real budget ─────────────────────────────

interface LabelView {
  id: string;
  status: string;
  saleId: string | null;
  trackingNumber: string | null;
  purchasedAt: string | null;
  createdAt: string;
  writeBack: { status: string; attempts: number; lastError: string | null; completedAt: string | null; outcome?: Record<string, string> };
}

async function partBurst(tag: string): Promise<Part> {
  const env = await startLabelsBurstEnvironment();
  const load = LabelsLoad.start();
  try {
    return await measureBurst(env, load, tag);
  } finally {
    await load.close();
    await env.close();
  }
}

/** Lower bound on the time until the last of `calls` DEAR calls can start, at `limit` per `windowMs`. */
const boundMs = (calls: number, limit: number, windowMs: number) => Math.max(0, Math.floor((calls - 1) / limit)) * windowMs;

async function measureBurst(env: LabelsBurstEnvironment, load: LabelsLoad, tag: string): Promise<Part> {
  const n = BURST_SIZE;
  const auth = { Authorization: `Bearer ${env.adminKey}`, 'Content-Type': 'application/json' };
  const saleIds = addPackedOneBoxSales(env.dear.state, n);
  const ours = new Set(saleIds);
  const serviceWindowMs = SERVICE_WINDOW_MS + guardMs(SERVICE_WINDOW_MS);
  const expectedCalls = n * DEAR_CALLS_PER_LABEL;
  const lowerBoundMs = boundMs(expectedCalls, DEAR_REAL_LIMIT.limit, DEAR_REAL_LIMIT.windowMs);
  const lowerBoundServiceMs = boundMs(expectedCalls, SERVICE_DEAR_PER_MINUTE, serviceWindowMs);
  const timeoutMs = num('BENCH_LABELS_BURST_TIMEOUT_S', Math.max(600, (3 * lowerBoundServiceMs) / 1000)) * 1000;

  // The carrier catalog is ShipStation's part; build it first so the burst does not race for it.
  const carriers = await fetch(`${env.url}/v1/connections/${env.connectionId}/carriers`, { headers: auth });
  if (carriers.status !== 200) throw new Error(`GET carriers answered ${carriers.status}: ${(await carriers.text()).slice(0, 300)}`);
  await carriers.arrayBuffer().catch(() => undefined);

  const dearBefore = env.dear.requests.length;
  const createBefore = env.shipstation.countRequests({ path: CREATELABEL });
  const requests: TemplateRequest[] = saleIds.map((saleId) => ({
    url: `${env.url}/v1/labels`,
    method: 'POST',
    headers: { ...auth, 'Idempotency-Key': `bench-burst-${tag}-${ITERATION_TOKEN}` },
    body: { connectionId: env.connectionId, saleId, ...CARRIER },
    expectStatus: 201,
  }));
  process.stderr.write(`labels: burst of ${n} purchases at DEAR's real budget; expect ≥ ${(lowerBoundServiceMs / 1000).toFixed(0)} s (timeout ${(timeoutMs / 1000).toFixed(0)} s)\n`);
  const t0 = Date.now();
  let burst: BurstResult | undefined;
  let burstError: unknown;
  const burstDone = load.burst({ requests, retryStatuses: [429, 503], defaultRetryAfterS: 5, retryDeadlineMs: timeoutMs }).then(
    (r) => void (burst = r),
    (e: unknown) => void (burstError = e),
  );

  // Wait for every purchase to be answered and every write-back to leave `pending`.
  let labels: LabelView[] = [];
  let timedOut = false;
  let lastProgress = t0;
  for (;;) {
    await sleep(1000);
    if (burstError) throw burstError;
    labels = (await listLabels(env.url, auth, env.connectionId)).filter((l) => l.saleId !== null && ours.has(l.saleId));
    const unsettled = labels.filter((l) => l.status === 'pending' || (l.status === 'purchased' && l.writeBack.status === 'pending')).length;
    if (burst && unsettled === 0) break;
    if (Date.now() - t0 > timeoutMs) {
      timedOut = true;
      break;
    }
    if (Date.now() - lastProgress >= 30_000) {
      lastProgress = Date.now();
      const done = labels.filter((l) => l.writeBack.status === 'done').length;
      process.stderr.write(`labels: ${((Date.now() - t0) / 1000).toFixed(0)} s: ${labels.filter((l) => l.status === 'purchased').length}/${n} purchased, ${done} written back, ${env.dear.requests.length - dearBefore} DEAR calls\n`);
    }
  }
  if (!burst) await Promise.race([burstDone, sleep(1000)]);
  const elapsedMs = Date.now() - t0;
  const answers = burst?.answers ?? [];

  // Purchases.
  const firstStatuses = countBy(answers.map((a) => String(a.statuses[0])));
  const finalStatuses = countBy(answers.map((a) => String(a.finalStatus)));
  const retries = answers.reduce((s, a) => s + a.statuses.length - 1, 0);
  const purchaseTimes = summarize(answers.filter((a) => a.finalStatus === 201).map((a) => a.answeredAtMs[a.answeredAtMs.length - 1]));
  const errorExamples = [...new Set(answers.flatMap((a) => a.problems))].slice(0, 3);
  const purchased = labels.filter((l) => l.status === 'purchased');
  const createlabels = env.shipstation.countRequests({ path: CREATELABEL }) - createBefore;
  const salesWithTwo = [...countBy(labels.map((l) => l.saleId ?? '')).values()].filter((c) => c > 1).length;

  // Write-backs.
  const wb = countBy(purchased.map((l) => l.writeBack.status));
  const done = purchased.filter((l) => l.writeBack.status === 'done' && l.writeBack.completedAt && l.purchasedAt);
  const wbLatency = summarize(done.map((l) => Date.parse(l.writeBack.completedAt!) - Date.parse(l.purchasedAt!)));
  const lastDoneMs = done.length ? Math.max(...done.map((l) => Date.parse(l.writeBack.completedAt!))) - t0 : NaN;
  const failedExamples = purchased.filter((l) => l.writeBack.status === 'failed').slice(0, 3).map((l) => `${l.id}: ${l.writeBack.lastError ?? '?'} (attempts ${l.writeBack.attempts})`);
  const wbAttempts = countBy(done.map((l) => String(l.writeBack.attempts)));

  // DEAR's side.
  const dearCalls = env.dear.requests.slice(dearBefore);
  const dearThrottled = env.dear.requests.filter((r) => r.status === 429 || r.status === 503);
  const ssThrottled = env.shipstation.requests.filter((r) => r.status === 429);
  const byEndpoint = Object.fromEntries([...countBy(dearCalls.map((r) => `${r.method} ${r.path}`))].sort((a, b) => b[1] - a[1]));
  const dearErrors = countBy(dearCalls.filter((r) => r.status !== 200).map((r) => `${r.method} ${r.path} → ${r.status}`));
  const peak = peakInWindow(env.dear.requests, DEAR_REAL_LIMIT.windowMs);
  const lines = shipLineCheck(env, purchased);
  const boundActualMs = boundMs(dearCalls.length, DEAR_REAL_LIMIT.limit, DEAR_REAL_LIMIT.windowMs);

  const statusList = (m: Map<string, number>) => [...m].map(([k, v]) => `${v}× ${k}`).join(', ') || 'none';
  const rows: BenchRow[] = [
    { label: `(2) burst: ${n} × POST /v1/labels at once`, value: `${purchased.length}/${n} bought`, detail: `first answers ${statusList(firstStatuses)}; final ${statusList(finalStatuses)}; ${retries} client retries after Retry-After` },
    { label: '    purchase answered (201), from burst start', value: `p50 ${sec(purchaseTimes.p50)}`, detail: `max ${sec(purchaseTimes.max)} (n=${purchaseTimes.n}); createlabel calls ${createlabels}` },
    { label: '    write-back latency (purchasedAt → completedAt)', value: `p95 ${sec(wbLatency.p95)}`, detail: `p50 ${sec(wbLatency.p50)} / max ${sec(wbLatency.max)} (n=${wbLatency.n}); write-back ${statusList(wb)}; attempts ${statusList(wbAttempts)}` },
    { label: '    all written back, from burst start', value: done.length === n ? sec(lastDoneMs) : `${n - done.length} NOT DONE`, detail: `lower bound ${sec(lowerBoundMs)} for ${expectedCalls} DEAR calls at 60/min (${sec(lowerBoundServiceMs)} with the service's ${(serviceWindowMs / 1000).toFixed(2)} s window; ${sec(boundActualMs)} for the ${dearCalls.length} calls made)${timedOut ? '; TIMED OUT' : ''}` },
    { label: '    DEAR throttled answers (429/503)', value: String(dearThrottled.length), detail: `ShipStation 429s: ${ssThrottled.length}` },
    { label: '    DEAR calls per label', value: round(dearCalls.length / n, 2).toString(), detail: `${dearCalls.length} calls: ${Object.entries(byEndpoint).map(([k, v]) => `${v}× ${k}`).join(', ')}` },
    { label: '    peak DEAR calls in any 60 s', value: String(peak.count), detail: `simulator limit ${DEAR_REAL_LIMIT.limit} per fixed ${DEAR_REAL_LIMIT.windowMs / 1000} s window; peak window starts ${sec(peak.startMs - t0)} after the burst` },
    { label: '    ship lines in DEAR with our tracking numbers', value: `${lines.total}`, detail: `${lines.exactlyOne} labels with exactly one line, ${lines.missing} with none, ${lines.duplicated} with more than one; sales with two labels: ${salesWithTwo}` },
  ];
  const notes = [
    `Part 2 database: ${env.database.label}`,
    `Part 2: ${env.budgetNote}`,
    `Part 2: ${n} packed one-box sales cloned from the seed's packedOneBox; each label ${CARRIER.carrierCode}/${CARRIER.serviceCode} by saleId with its own Idempotency-Key, sent at once from the worker thread; ` +
      'a 429/503 answer is sent again (same key) after its Retry-After, as a client would. Write-back state polled every second with GET /v1/labels.',
    `Part 2: expected DEAR calls ${expectedCalls} (${DEAR_CALLS_PER_LABEL} per label: GET /sale at purchase; GET /sale + POST /sale/fulfilment/ship per write-back); measured ${dearCalls.length} in ${sec(elapsedMs)}.`,
  ];
  if (errorExamples.length) notes.push(`Part 2: non-201 purchase answers, e.g. ${errorExamples.join(' | ')}`);
  if (failedExamples.length) notes.push(`Part 2: failed write-backs, e.g. ${failedExamples.join(' | ')}`);
  if (Object.keys(Object.fromEntries(dearErrors)).length) notes.push(`Part 2: DEAR non-200 answers: ${statusList(dearErrors)}`);
  if (timedOut) notes.push(`WARNING: part 2 timed out after ${sec(timeoutMs)} with write-backs still pending (BENCH_LABELS_BURST_TIMEOUT_S to wait longer).`);

  const verdicts: BenchVerdict[] = [
    { target: `burst: ${n} labels bought, one createlabel each`, measured: `${purchased.length} purchased, ${createlabels} createlabel calls, ${salesWithTwo} sales with two labels`, pass: purchased.length === n && createlabels === n && salesWithTwo === 0 },
    { target: `burst: every write-back done`, measured: `${wb.get('done') ?? 0}/${n} done (${statusList(wb)})${done.length === n ? `; all done after ${sec(lastDoneMs)}, lower bound ${sec(lowerBoundServiceMs)}` : ''}`, pass: (wb.get('done') ?? 0) === n },
    { target: 'burst: zero throttled DEAR answers (429/503)', measured: `${dearThrottled.length}`, pass: dearThrottled.length === 0 },
    { target: 'burst: zero throttled ShipStation answers', measured: `${ssThrottled.length}`, pass: ssThrottled.length === 0 },
    { target: `burst: ${n} ship lines in DEAR, one per label`, measured: `${lines.total} lines; ${lines.exactlyOne} labels with exactly one`, pass: lines.total === n && lines.exactlyOne === n },
    { target: `burst: ≤ ${DEAR_REAL_LIMIT.limit} DEAR calls in any 60 s`, measured: `peak ${peak.count}`, pass: peak.count <= DEAR_REAL_LIMIT.limit },
  ];
  return {
    rows,
    verdicts,
    notes,
    data: {
      database: env.database.kind,
      size: n,
      purchases: { first: Object.fromEntries(firstStatuses), final: Object.fromEntries(finalStatuses), retries, answeredMs: roundedSummary(purchaseTimes), createlabelCalls: createlabels, salesWithTwoLabels: salesWithTwo },
      writeBack: { statuses: Object.fromEntries(wb), latencyMs: roundedSummary(wbLatency), attempts: Object.fromEntries(wbAttempts), allDoneMs: Math.round(lastDoneMs), lowerBoundMs, lowerBoundServiceWindowMs: lowerBoundServiceMs, timedOut },
      dear: { calls: dearCalls.length, perLabel: round(dearCalls.length / n, 2), byEndpoint, throttled: dearThrottled.length, nonOk: Object.fromEntries(dearErrors), peak60s: peak.count },
      shipstationThrottled: ssThrottled.length,
      shipLines: lines,
      elapsedMs,
    },
  };
}

/** Ship lines in the simulator's state that carry each label's tracking number. */
function shipLineCheck(env: LabelsBurstEnvironment, labels: LabelView[]): { total: number; exactlyOne: number; missing: number; duplicated: number } {
  const sales = new Map(env.dear.state.sales.map((s) => [s.ID, s]));
  let total = 0;
  let exactlyOne = 0;
  let missing = 0;
  let duplicated = 0;
  for (const l of labels) {
    const sale = l.saleId ? sales.get(l.saleId) : undefined;
    const count = !sale || !l.trackingNumber ? 0 : sale.Fulfilments.flatMap((f) => f.Ship.Lines).filter((line) => line.TrackingNumber === l.trackingNumber).length;
    total += count;
    if (count === 1) exactlyOne += 1;
    else if (count === 0) missing += 1;
    else duplicated += 1;
  }
  return { total, exactlyOne, missing, duplicated };
}

/** Most requests whose arrival falls within any `windowMs` interval (sliding), and where it starts. */
function peakInWindow(requests: RecordedRequest[], windowMs: number): { count: number; startMs: number } {
  const times = requests.map((r) => r.at.getTime()).sort((a, b) => a - b);
  let best = { count: 0, startMs: times[0] ?? 0 };
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= windowMs) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, startMs: times[lo] };
  }
  return best;
}

async function listLabels(url: string, auth: Record<string, string>, connectionId: string): Promise<LabelView[]> {
  const out: LabelView[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ connectionId, limit: '200', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${url}/v1/labels?${q.toString()}`, { headers: auth });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET /v1/labels answered ${res.status}: ${text.slice(0, 300)}`);
    const page = JSON.parse(text) as { data: LabelView[]; nextCursor: string | null };
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

// ───────────────────────────── helpers ─────────────────────────────

async function postLabel(url: string, auth: Record<string, string>, body: object, key: string): Promise<{ status: number; body: LabelView & Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/labels`, { method: 'POST', headers: { ...auth, 'Idempotency-Key': key }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { raw: text.slice(0, 500) };
  }
  return { status: res.status, body: parsed as LabelView & Record<string, unknown> };
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

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

const sec = (x: number): string => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} s` : 'n/a');
