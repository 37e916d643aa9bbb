/** What one benchmark hands back to bench/run.ts: a table, verdicts, and raw numbers. */
export interface BenchRow {
  /** What was measured, e.g. "(a) GET /health/live". */
  label: string;
  /** Already formatted, e.g. "12,345 req/s" or "p50 1.23 ms". */
  value: string;
  /** Optional detail column (latency percentiles, request counts…). */
  detail?: string;
}

export interface BenchVerdict {
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  verdicts: BenchVerdict[];
  /** Caveats printed under the table (budget opened up, database used…). */
  notes: string[];
  /** Machine-readable numbers, emitted in the final JSON line. */
  data: Record<string, unknown>;
}

/** The contract of `bench/<name>.bench.ts`. */
export interface BenchModule {
  /** One line shown by `npm run bench -- --list`. */
  description: string;
  run(): Promise<BenchResult>;
}
