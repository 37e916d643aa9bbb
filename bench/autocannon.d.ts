/** The part of autocannon@8's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      pipelining?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      timeout?: number;
    }
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      totalCount?: number;
      sent?: number;
    }
    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Histogram;
      requests: Histogram;
      throughput: Histogram;
    }
  }
  /**
   * Resolves with the aggregated result on the main thread; inside a worker thread autocannon
   * believes it is one of its own workers and resolves with the raw, encoded histograms instead.
   */
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result | autocannon.RawResult>;
  namespace autocannon {
    interface RawResult {
      latencies: unknown;
      totalCompletedRequests: number;
      duration: number;
    }
    function aggregateResult(results: RawResult[], opts?: Partial<Options>): Result;
  }
  export = autocannon;
}
