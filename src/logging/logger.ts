import pino, { DestinationStream, Logger } from 'pino';

/**
 * Paths that could hold a secret if an object carrying one were ever logged. Request logs
 * carry no headers or bodies at all (see http-logging.ts); this is the second fence.
 */
const REDACT_PATHS = [
  '*.authorization', '*.Authorization', '*["api-auth-applicationkey"]', '*.applicationKey', '*.apiKey', '*.apiSecret',
  '*.password', '*.secret', '*.key', 'headers', '*.headers',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dear-shipstation-bridge' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export const LOGGER = Symbol('LOGGER');
