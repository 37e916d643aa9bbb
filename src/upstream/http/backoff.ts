/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"):
 * a random delay in [0, min(cap, base · 2^attempt)], so retrying clients spread out.
 */
export function fullJitterDelayMs(attempt: number, baseMs = 250, capMs = 10_000, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Parses Retry-After as DEAR and ShipStation send it: `30`, `60 Seconds`, an HTTP date, or absent. */
export function parseRetryAfterSeconds(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const seconds = /^\s*(\d+(?:\.\d+)?)\s*(seconds?)?\s*$/i.exec(value);
  if (seconds) return Number(seconds[1]);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now.getTime()) / 1000);
}
